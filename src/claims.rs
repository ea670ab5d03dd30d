//! Check-worthy claims and who stands behind them.

use serde::Serialize;

use crate::entities::Entity;
use crate::markers::Marker;
use crate::numbers::Quantity;
use crate::quotes::Quote;
use crate::segment::Doc;
use crate::span::{Span, Spanned};

/// Who stands behind a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Attribution {
    /// A named source says it; `source` holds its entity id.
    Attributed,
    /// Hedged: conditional, "reportedly", an unnamed source.
    Hedged,
    /// The article asserts it in its own voice.
    Unattributed,
}

/// One check-worthy sentence or clause.
#[derive(Clone, Debug, Serialize)]
pub struct Claim {
    #[serde(flatten)]
    pub span: Span,
    /// From 0 to 1: how much a fact-checker would want to check it.
    pub score: f64,
    /// The entity id of the source, when attributed.
    pub source: Option<String>,
    /// The source as the article names it.
    pub source_name: Option<String>,
    pub attribution: Attribution,
    pub reasons: Vec<String>,
}

impl Spanned for Claim {
    fn visit_offsets(&mut self, f: &mut dyn FnMut(&mut usize)) {
        self.span.visit_offsets(f);
    }
}

/// Scores the sentences and keeps the check-worthy ones.
pub fn find(
    _doc: &Doc,
    _quotes: &[Quote],
    _entities: &[Entity],
    _quantities: &[Quantity],
    _markers: &[Marker],
) -> Vec<Claim> {
    Vec::new()
}

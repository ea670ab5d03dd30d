//! How framed: hedges, unnamed sources, scare quotes, loaded language and labels.

use serde::Serialize;

use crate::entities::Entity;
use crate::quotes::Quote;
use crate::segment::Doc;
use crate::span::{Span, Spanned};

/// What a marker marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkerKind {
    Hedge,
    UnnamedSource,
    ScareQuote,
    LoadedLanguage,
    Label,
    Intensifier,
}

/// One framing marker, with the reason it was flagged.
#[derive(Clone, Debug, Serialize)]
pub struct Marker {
    #[serde(flatten)]
    pub span: Span,
    pub kind: MarkerKind,
    /// A SemEval-2023 Task 3 technique name, where one fits.
    pub technique: Option<&'static str>,
    /// One sentence in the article's language.
    pub why: String,
}

impl Spanned for Marker {
    fn visit_offsets(&mut self, f: &mut dyn FnMut(&mut usize)) {
        self.span.visit_offsets(f);
    }
}

/// Finds the framing markers.
pub fn find(_doc: &Doc, _quotes: &[Quote], _entities: &[Entity]) -> Vec<Marker> {
    Vec::new()
}

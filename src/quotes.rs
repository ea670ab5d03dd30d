//! Who says what: direct, partial and reported speech, with speakers and channels.

use serde::Serialize;

use crate::entities::Entity;
use crate::segment::Doc;
use crate::span::{Span, Spanned};

/// The form of a quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// A whole utterance inside quote marks.
    Direct,
    /// A few quoted words inside the writer's own sentence.
    Partial,
    /// Reported speech: the clause after a reporting verb or "selon X".
    Indirect,
}

/// One quote; its span is the content, quote marks excluded.
#[derive(Clone, Debug, Serialize)]
pub struct Quote {
    /// `q1`, `q2`… in text order.
    pub id: String,
    pub kind: QuoteKind,
    #[serde(flatten)]
    pub span: Span,
    /// The id of the speaking entity, when it is one.
    pub speaker: Option<String>,
    /// The speaker as the article names it.
    pub speaker_name: Option<String>,
    /// The reporting verb or "selon" that introduces the quote.
    pub cue: Option<Span>,
}

impl Spanned for Quote {
    fn visit_offsets(&mut self, f: &mut dyn FnMut(&mut usize)) {
        self.span.visit_offsets(f);
        self.cue.visit_offsets(f);
    }
}

/// Finds the quotes of the article and their speakers.
pub fn find(_doc: &Doc, _entities: &[Entity]) -> Vec<Quote> {
    Vec::new()
}

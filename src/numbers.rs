//! How many: numbers in words and digits, and what they count.

use serde::Serialize;

use crate::segment::Doc;
use crate::span::{Span, Spanned};
use crate::time::TimeExpr;

/// What a number is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuantityKind {
    Count,
    Ordinal,
    Percent,
    Money,
    Measure,
    Number,
}

/// One number in the text.
#[derive(Clone, Debug, Serialize)]
pub struct Quantity {
    /// `n1`, `n2`… in text order.
    pub id: String,
    #[serde(flatten)]
    pub span: Span,
    #[serde(serialize_with = "crate::number_as_json")]
    pub value: f64,
    pub kind: QuantityKind,
    /// What is counted: the head noun ("missiles").
    pub of: Option<String>,
    /// The unit, for money, percentages and measures ("EUR", "%", "km").
    pub unit: Option<String>,
    /// "une quinzaine", "dozens", "about 200".
    pub approximate: bool,
}

impl Spanned for Quantity {
    fn visit_offsets(&mut self, f: &mut dyn FnMut(&mut usize)) {
        self.span.visit_offsets(f);
    }
}

/// Finds the numbers of the article; numbers inside `times` are dates, not counts.
pub fn find(_doc: &Doc, _times: &[TimeExpr]) -> Vec<Quantity> {
    Vec::new()
}

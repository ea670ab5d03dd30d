//! When: time expressions with TimeML TIMEX3 types and values, the document
//! date, and the timeline.

use serde::Serialize;

use crate::date::Date;
use crate::segment::Doc;
use crate::span::{Span, Spanned};

/// The TIMEX3 type of a time expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

/// One time expression and its resolved value.
#[derive(Clone, Debug, Serialize)]
pub struct TimeExpr {
    #[serde(flatten)]
    pub span: Span,
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// A TIMEX3 value: `2024-11-25`, `2024-W48`, `PRESENT_REF`, `P3D`…
    pub value: String,
}

impl Spanned for TimeExpr {
    fn visit_offsets(&mut self, f: &mut dyn FnMut(&mut usize)) {
        self.span.visit_offsets(f);
    }
}

/// An event on the timeline: the clause that governs a time expression.
#[derive(Clone, Debug, Serialize)]
pub struct TimelineEvent {
    /// Index into `times`.
    pub time: usize,
    pub value: String,
    #[serde(flatten)]
    pub span: Span,
}

impl Spanned for TimelineEvent {
    fn visit_offsets(&mut self, f: &mut dyn FnMut(&mut usize)) {
        self.span.visit_offsets(f);
    }
}

/// Infers the article's date from its text, when it says.
pub fn infer_doc_date(_doc: &Doc) -> Option<Date> {
    None
}

/// Finds the time expressions, resolved against `doc_date`, and the timeline.
pub fn find(_doc: &Doc, _doc_date: Option<Date>) -> (Vec<TimeExpr>, Vec<TimelineEvent>) {
    (Vec::new(), Vec::new())
}

//! When: time expressions with TimeML TIMEX3 types and values, the document
//! date, and the timeline.
//!
//! The grammar is data: `src/lang/<code>/time_rules.txt` holds one regex per
//! shape of expression, with named groups, and the other files of the folder
//! hold the words (months, weekdays, units…). This module only knows what each
//! kind of rule means: how to turn its groups into a TIMEX3 value, resolved
//! against the document date and the clause's tense. See `docs/time.md`.

mod grammar;
mod resolve;

use serde::Serialize;

use crate::date::Date;
use crate::segment::Doc;
use crate::span::{Span, Spanned};

pub use resolve::parse_number;

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
///
/// In order: an opener that names today ("Ce 26 novembre", "Aujourd'hui
/// 26 novembre"), completed with the year of another full date of the text;
/// a dateline (a full date in a short first line); the latest full date told
/// in a clause that is not about the future.
///
/// ```
/// use glose::{segment::Doc, Lang};
/// let doc = Doc::new("Le 25 novembre 2024, Kiev a tiré. Ce 26 novembre, Moscou a répondu.", Lang::Fr);
/// assert_eq!(glose::time::infer_doc_date(&doc).map(|d| d.to_string()), Some("2024-11-26".into()));
/// ```
pub fn infer_doc_date(doc: &Doc) -> Option<Date> {
    resolve::infer_doc_date(doc)
}

/// Finds the time expressions, resolved against `doc_date`, and the timeline.
///
/// ```
/// use glose::{segment::Doc, Date, Lang};
/// let doc = Doc::new("Il est arrivé hier.", Lang::Fr);
/// let (times, _) = glose::time::find(&doc, Date::parse_iso("2024-11-26"));
/// assert_eq!(times[0].value, "2024-11-25");
/// ```
pub fn find(doc: &Doc, doc_date: Option<Date>) -> (Vec<TimeExpr>, Vec<TimelineEvent>) {
    let times = resolve::find_times(doc, doc_date);
    let timeline = timeline(doc, &times);
    (times, timeline)
}

/// The events of the timeline: every expression resolved to a calendar value,
/// with its clause, ordered by that value (then by place in the text).
fn timeline(doc: &Doc, times: &[TimeExpr]) -> Vec<TimelineEvent> {
    let mut events: Vec<(String, TimelineEvent)> = Vec::new();
    for (i, t) in times.iter().enumerate() {
        if !matches!(t.kind, TimexType::Date | TimexType::Time) {
            continue;
        }
        let Some(key) = resolve::sort_key(&t.value) else { continue };
        let (start, end) = clause_around(doc, t.span.start, t.span.end);
        events.push((key, TimelineEvent { time: i, value: t.value.clone(), span: Span::of(doc.text, start, end) }));
    }
    events.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.time.cmp(&b.1.time)));
    events.into_iter().map(|(_, e)| e).collect()
}

/// The clause holding `start..end`: the piece of its sentence between
/// semicolons, colons or quote marks, narrowed to the comma-piece holding the
/// expression when that piece says more than the expression itself.
fn clause_around(doc: &Doc, start: usize, end: usize) -> (usize, usize) {
    let Some(si) = doc.sentence_at(start) else { return (start, end) };
    let s = &doc.sentences[si];
    let text = doc.text;
    let is_hard = |c: char| matches!(c, ';' | ':' | '«' | '»' | '"' | '“' | '”' | '(' | ')');
    let piece_start = text[s.start..start].rfind(is_hard).map_or(s.start, |i| {
        s.start + i + text[s.start + i..].chars().next().map_or(1, char::len_utf8)
    });
    let piece_end = text[end..s.end].find(is_hard).map_or(s.end, |i| end + i);
    let comma_start = text[piece_start..start].rfind(',').map_or(piece_start, |i| piece_start + i + 1);
    let comma_end = text[end..piece_end].find(',').map_or(piece_end, |i| end + i);
    let words = |a: usize, b: usize| text[a..b].split_whitespace().count();
    let (mut a, mut b) = (comma_start, comma_end);
    if words(a, start) + words(end, b) < 4 {
        (a, b) = (piece_start, piece_end);
    }
    let slice = &text[a..b];
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim().trim_end_matches(['.', ',', ';']);
    let (a, b) = (a + lead, a + lead + trimmed.len());
    if a < b {
        (a, b)
    } else {
        (start, end)
    }
}

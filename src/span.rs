//! Byte spans inside the core, and their one-time conversion at the boundary.
//!
//! Every layer works in byte offsets into the article, half-open. Callers want
//! other units: JavaScript slices strings in UTF-16 code units, Python in code
//! points. [`convert_offsets`] rewrites every offset of an [`Analysis`](crate::Analysis)
//! in a single pass over the text, whatever the number of spans.

use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize};

/// A half-open range of the article with the text it covers.
///
/// Inside the core `start` and `end` are byte offsets on char boundaries.
/// After [`convert_offsets`] they are in the unit the caller asked for.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl Span {
    /// A span of `text[start..end]`, with its text copied.
    ///
    /// # Panics
    /// Panics when the range is not on char boundaries of `text`; layers only
    /// build spans from boundaries they found by scanning.
    pub fn of(text: &str, start: usize, end: usize) -> Span {
        Span { start, end, text: text[start..end].to_string() }
    }

    /// Writes `start`, `end` and `text` as fields of the struct being
    /// serialized, in place of `#[serde(flatten)]`: that makes the whole
    /// struct a map, whose keys are strings written out again for every
    /// entry (in the browser, a JS string decoded from wasm memory for each).
    /// A struct's field names are static, and serde-wasm-bindgen makes each
    /// one a JS string only once.
    pub fn serialize_fields<S: SerializeStruct>(&self, s: &mut S) -> Result<(), S::Error> {
        s.serialize_field("start", &self.start)?;
        s.serialize_field("end", &self.end)?;
        s.serialize_field("text", &self.text)
    }

    /// The number of units between start and end.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// Whether `other` lies within this span.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one unit.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Byte ranges sorted by start, with the largest end so far, so that "does
/// this range overlap one of them?" and "does one of them hold it?" cost a
/// bisection, not a scan. A later layer asks it of the spans an earlier one
/// found: the numbers of the times and names, the times of the names.
pub(crate) struct SpanIndex {
    starts: Vec<usize>,
    max_end: Vec<usize>,
}

impl SpanIndex {
    pub(crate) fn new(mut spans: Vec<(usize, usize)>) -> SpanIndex {
        crate::sort::sort(&mut spans);
        let mut max_end = Vec::with_capacity(spans.len());
        let mut best = 0;
        for &(_, e) in &spans {
            best = best.max(e);
            max_end.push(best);
        }
        SpanIndex { starts: spans.iter().map(|&(s, _)| s).collect(), max_end }
    }

    /// Whether some range shares a byte with `start..end`.
    pub(crate) fn overlaps(&self, start: usize, end: usize) -> bool {
        let before_end = self.starts.partition_point(|&s| s < end);
        before_end > 0 && self.max_end[before_end - 1] > start
    }

    /// Whether some range that starts before `start` reaches `end`: of those
    /// ranges, the one that ends last is the one to ask.
    pub(crate) fn holds_from_before(&self, start: usize, end: usize) -> bool {
        let before = self.starts.partition_point(|&s| s < start);
        before > 0 && self.max_end[before - 1] >= end
    }
}

/// Anything that holds spans lets the boundary visit every offset it carries.
pub trait Spanned {
    /// Calls `f` on every offset (start and end of every span) this value holds.
    fn visit_offsets(&mut self, f: &mut dyn FnMut(&mut usize));
}

impl Spanned for Span {
    fn visit_offsets(&mut self, f: &mut dyn FnMut(&mut usize)) {
        f(&mut self.start);
        f(&mut self.end);
    }
}

#[cfg(test)]
#[test]
fn span_index_bisects_ranges_given_in_any_order() {
    let spans = SpanIndex::new(vec![(20, 25), (2, 15), (5, 6)]);
    let overlaps =
        [((0, 2), false), ((0, 3), true), ((14, 16), true), ((15, 20), false), ((24, 30), true), ((25, 40), false)];
    for ((s, e), want) in overlaps {
        assert_eq!(spans.overlaps(s, e), want, "overlaps {s}..{e}");
    }
    let holds = [
        ((2, 15), false),
        ((5, 6), true),
        ((3, 14), true),
        ((1, 3), false),
        ((14, 16), false),
        ((21, 25), true),
        ((20, 24), false),
        ((21, 26), false),
    ];
    for ((s, e), want) in holds {
        assert_eq!(spans.holds_from_before(s, e), want, "holds {s}..{e}");
    }
}

#[cfg(test)]
impl Spanned for usize {
    fn visit_offsets(&mut self, f: &mut dyn FnMut(&mut usize)) {
        f(self);
    }
}

impl<T: Spanned> Spanned for Vec<T> {
    fn visit_offsets(&mut self, f: &mut dyn FnMut(&mut usize)) {
        for item in self {
            item.visit_offsets(f);
        }
    }
}

impl<T: Spanned> Spanned for Option<T> {
    fn visit_offsets(&mut self, f: &mut dyn FnMut(&mut usize)) {
        if let Some(item) = self {
            item.visit_offsets(f);
        }
    }
}

/// The unit of every `start`/`end` in the output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OffsetUnit {
    /// UTF-16 code units: what JavaScript's `String.prototype.slice` counts.
    #[default]
    Utf16,
    /// Unicode scalar values: what Python's `str` slicing counts.
    Char,
    /// UTF-8 bytes.
    Byte,
}

impl OffsetUnit {
    pub fn as_str(self) -> &'static str {
        match self {
            OffsetUnit::Utf16 => "utf16",
            OffsetUnit::Char => "char",
            OffsetUnit::Byte => "byte",
        }
    }

    /// Parses `utf16`, `char` or `byte`.
    pub fn parse(s: &str) -> Option<OffsetUnit> {
        match s {
            "utf16" => Some(OffsetUnit::Utf16),
            "char" => Some(OffsetUnit::Char),
            "byte" => Some(OffsetUnit::Byte),
            _ => None,
        }
    }
}

/// Rewrites every byte offset held by `value` into `unit`.
///
/// One walk over the text indexes it, then each offset converts in constant
/// time: O(text + k) for k offsets, with no sort, whatever their order. The
/// sort this replaced made a text of many short lines (millions of offsets,
/// each searched for in a sorted list far larger than the cache) grow faster
/// than linearly. Offsets past the text count as its end; offsets inside a
/// char (which no layer should produce) are rounded down to its start.
pub fn convert_offsets<T: Spanned + ?Sized>(text: &str, value: &mut T, unit: OffsetUnit) {
    if unit == OffsetUnit::Byte {
        return;
    }
    // Every char of an ASCII text is one byte and one UTF-16 unit.
    if text.is_ascii() {
        value.visit_offsets(&mut |o| *o = (*o).min(text.len()));
        return;
    }
    let index = UnitIndex::new(text.as_bytes(), unit);
    value.visit_offsets(&mut |o| *o = index.units_before(floor_boundary(text, *o)));
}

/// The char boundary at or before `at`, or the text's end when `at` is past it.
pub fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// How many units come before each char boundary of a text: the byte offset
/// less the bytes that start no unit, whose count is kept per 64-byte block
/// (a running total and a bit per byte), so looking one up is a popcount.
struct UnitIndex {
    /// The bytes that start no unit, before each block.
    skipped_before: Vec<usize>,
    /// Each block's bytes that start no unit, a bit each, the first byte lowest.
    skipped: Vec<u64>,
}

impl UnitIndex {
    fn new(bytes: &[u8], unit: OffsetUnit) -> UnitIndex {
        let blocks = bytes.len() / 64 + 1;
        let mut skipped_before = Vec::with_capacity(blocks);
        let mut skipped = Vec::with_capacity(blocks);
        let mut total = 0;
        // Bytes since the last lead of a four-byte char: it is one char but
        // two UTF-16 units, so its last byte starts a unit in UTF-16.
        let mut after_lead4 = 4;
        for block in bytes.chunks(64).chain((bytes.len() % 64 == 0).then_some(&[][..])) {
            let mut bits = 0u64;
            for (k, &b) in block.iter().enumerate() {
                after_lead4 += 1;
                if b >= 0xF0 {
                    after_lead4 = 0;
                }
                let continuation = b & 0xC0 == 0x80;
                if continuation && !(unit == OffsetUnit::Utf16 && after_lead4 == 3) {
                    bits |= 1 << k;
                }
            }
            skipped_before.push(total);
            skipped.push(bits);
            total += bits.count_ones() as usize;
        }
        UnitIndex { skipped_before, skipped }
    }

    /// The units before byte `at`, a char boundary of the text.
    fn units_before(&self, at: usize) -> usize {
        let (block, k) = (at / 64, at % 64);
        let below = self.skipped[block] & ((1u64 << k) - 1);
        at - self.skipped_before[block] - below.count_ones() as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conv(text: &str, start: usize, end: usize, unit: OffsetUnit) -> (usize, usize) {
        let mut v = vec![Span::of(text, start, end)];
        convert_offsets(text, &mut v, unit);
        (v[0].start, v[0].end)
    }

    #[test]
    fn euro_sign_is_three_bytes_one_char_one_utf16_unit() {
        let t = "a € b";
        assert_eq!(conv(t, 6, 7, OffsetUnit::Char), (4, 5));
        assert_eq!(conv(t, 6, 7, OffsetUnit::Utf16), (4, 5));
        assert_eq!(conv(t, 6, 7, OffsetUnit::Byte), (6, 7));
    }

    #[test]
    fn emoji_counts_two_utf16_units() {
        let t = "😀x";
        assert_eq!(conv(t, 4, 5, OffsetUnit::Utf16), (2, 3));
        assert_eq!(conv(t, 4, 5, OffsetUnit::Char), (1, 2));
    }

    #[test]
    fn every_offset_converts_as_counting_the_text_before_it() {
        // Texts that put one-, two-, three- and four-byte chars across the
        // index's 64-byte blocks, and end inside a block or on its edge.
        let pieces = ["a", "é", "€", "😀", "😀😀", "e\u{301}", "ab", "\n"];
        for len in [1, 63, 64, 65, 200, 256] {
            for shift in 0..pieces.len() {
                let mut text = String::new();
                let mut k = shift;
                while text.len() < len {
                    text.push_str(pieces[k]);
                    k = (k * 5 + 3) % pieces.len();
                }
                for unit in [OffsetUnit::Utf16, OffsetUnit::Char] {
                    let count = |s: &str| match unit {
                        OffsetUnit::Utf16 => s.encode_utf16().count(),
                        _ => s.chars().count(),
                    };
                    // Every byte offset and one past the end, last first.
                    let mut offsets: Vec<usize> = (0..=text.len() + 1).rev().collect();
                    convert_offsets(&text, &mut offsets, unit);
                    for (o, &got) in (0..=text.len() + 1).rev().zip(&offsets) {
                        assert_eq!(got, count(&text[..floor_boundary(&text, o)]), "{unit:?} offset {o} of {text:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn unsorted_and_shared_offsets_all_convert() {
        let t = "éé éé";
        let mut v = vec![Span::of(t, 5, 9), Span::of(t, 0, 4), Span::of(t, 0, 9)];
        convert_offsets(t, &mut v, OffsetUnit::Char);
        assert_eq!((v[0].start, v[0].end), (3, 5));
        assert_eq!((v[1].start, v[1].end), (0, 2));
        assert_eq!((v[2].start, v[2].end), (0, 5));
    }
}

/// The records that carry a span write its fields among their own, in the
/// order of the format's documentation, and leave out the optional fields
/// that are unset.
#[cfg(test)]
mod record_tests {
    use super::Span;
    use crate::claims::{Attribution, Claim};
    use crate::markers::{Marker, MarkerKind};
    use crate::numbers::{Quantity, QuantityKind};
    use crate::quotes::{Quote, QuoteKind};
    use crate::time::{TimeExpr, TimelineEvent, TimexType};

    fn span() -> Span {
        Span { start: 3, end: 7, text: "huit".into() }
    }

    fn json<T: serde::Serialize>(value: &T) -> String {
        serde_json::to_string(value).expect("serialises")
    }

    #[test]
    fn span_fields_sit_inside_each_record_in_order() {
        let quote = Quote {
            id: "q1".into(),
            kind: QuoteKind::Direct,
            span: span(),
            speaker: Some("e1".into()),
            speaker_name: None,
            cue: Some(Span { start: 9, end: 18, text: "a déclaré".into() }),
            channel: None,
            via: None,
        };
        assert_eq!(
            json(&quote),
            r#"{"id":"q1","kind":"direct","start":3,"end":7,"text":"huit","speaker":"e1","speaker_name":null,"cue":{"start":9,"end":18,"text":"a déclaré"},"channel":null,"via":null}"#
        );
        let mut quantity = Quantity {
            id: "n1".into(),
            span: span(),
            value: 8.0,
            kind: QuantityKind::Count,
            of: Some("missiles".into()),
            unit: None,
            approximate: false,
            of_inherited: false,
        };
        assert_eq!(
            json(&quantity),
            r#"{"id":"n1","start":3,"end":7,"text":"huit","value":8,"kind":"count","of":"missiles","unit":null,"approximate":false}"#
        );
        quantity.value = 2.5;
        quantity.of_inherited = true;
        assert!(json(&quantity).ends_with(
            r#""value":2.5,"kind":"count","of":"missiles","unit":null,"approximate":false,"of_inherited":true}"#
        ));
        let mut claim = Claim {
            span: span(),
            score: 0.5,
            source: None,
            source_name: None,
            attribution: Attribution::Unattributed,
            reasons: vec!["number".into()],
            quote: None,
        };
        assert_eq!(
            json(&claim),
            r#"{"start":3,"end":7,"text":"huit","score":0.5,"source":null,"source_name":null,"attribution":"unattributed","reasons":["number"]}"#
        );
        claim.quote = Some("q1".into());
        assert!(json(&claim).ends_with(r#""reasons":["number"],"quote":"q1"}"#));
        let marker = Marker { span: span(), kind: MarkerKind::Hedge, technique: None, why: "w".into() };
        assert_eq!(json(&marker), r#"{"start":3,"end":7,"text":"huit","kind":"hedge","technique":null,"why":"w"}"#);
        let time = TimeExpr { span: span(), kind: TimexType::Date, value: "2024-11-26".into() };
        assert_eq!(json(&time), r#"{"start":3,"end":7,"text":"huit","type":"DATE","value":"2024-11-26"}"#);
        let event = TimelineEvent { time: 0, value: "2024-11-26".into(), span: span() };
        assert_eq!(json(&event), r#"{"time":0,"value":"2024-11-26","start":3,"end":7,"text":"huit"}"#);
    }
}

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
/// The offsets are gathered, sorted, and converted while walking the text once,
/// so the cost is O(text + k log k) for k offsets rather than a rescan per span.
/// Offsets that are not on a char boundary (which no layer should produce) are
/// rounded down to the boundary before them.
pub fn convert_offsets<T: Spanned + ?Sized>(text: &str, value: &mut T, unit: OffsetUnit) {
    if unit == OffsetUnit::Byte {
        return;
    }
    // First visit: gather the distinct byte offsets, sorted.
    let mut bytes: Vec<usize> = Vec::new();
    value.visit_offsets(&mut |o| bytes.push(*o));
    bytes.sort_unstable();
    bytes.dedup();
    // One walk over the text converts them all, in order.
    let mut converted = Vec::with_capacity(bytes.len());
    let mut chars = text.char_indices().peekable();
    let mut units = 0usize;
    for &b in &bytes {
        let target = b.min(text.len());
        while let Some(&(i, c)) = chars.peek() {
            if i + c.len_utf8() > target {
                break;
            }
            units += match unit {
                OffsetUnit::Utf16 => c.len_utf16(),
                _ => 1,
            };
            chars.next();
        }
        converted.push(units);
    }
    // Second visit: each offset finds its conversion by binary search.
    value.visit_offsets(&mut |o| {
        if let Ok(k) = bytes.binary_search(o) {
            *o = converted[k];
        }
    });
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

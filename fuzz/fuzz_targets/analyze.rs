//! `analyze` on arbitrary UTF-8, in every offset unit: no panic, every span
//! inside the text in its unit.
#![no_main]

use glose::{analyze, OffsetUnit, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let unit = [OffsetUnit::Byte, OffsetUnit::Char, OffsetUnit::Utf16][usize::from(first % 3)];
    let lang = [None, Some(glose::Lang::Fr), Some(glose::Lang::En)][usize::from(first / 3 % 3)];
    let a = analyze(text, &Options { offsets: unit, lang, date: None }).expect("default options are valid");
    let limit = match unit {
        OffsetUnit::Byte => text.len(),
        OffsetUnit::Char => text.chars().count(),
        OffsetUnit::Utf16 => text.encode_utf16().count(),
    };
    let mut spans = Vec::new();
    spans.extend(a.sentences.iter().map(|s| (s.start, s.end)));
    spans.extend(a.quotes.iter().map(|q| (q.span.start, q.span.end)));
    spans.extend(a.entities.iter().flat_map(|e| e.mentions.iter().map(|m| (m.start, m.end))));
    spans.extend(a.times.iter().map(|t| (t.span.start, t.span.end)));
    spans.extend(a.quantities.iter().map(|q| (q.span.start, q.span.end)));
    spans.extend(a.markers.iter().map(|m| (m.span.start, m.span.end)));
    spans.extend(a.claims.iter().map(|c| (c.span.start, c.span.end)));
    for (s, e) in spans {
        assert!(s <= e && e <= limit, "span {s}..{e} outside 0..{limit}");
    }
});

//! How many: numbers in words and digits, and what they count.

pub(crate) mod lexicon;
mod parse;

pub(crate) use lexicon::word_lists;

use serde::ser::SerializeStruct;
use serde::Serialize;

use crate::entities::Entity;
use crate::lang::Lang;
use crate::segment::{Doc, Token, TokenKind};
use crate::span::{Span, SpanIndex, Spanned};
use crate::time::TimeExpr;
use crate::word_lists::{self as lists, WordLists};

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
#[derive(Clone, Debug)]
pub struct Quantity {
    /// `n1`, `n2`… in text order.
    pub id: String,
    pub span: Span,
    /// Written as an integer when it is one (see [`crate::number_as_json`]).
    pub value: f64,
    pub kind: QuantityKind,
    /// What is counted: the head noun ("missiles").
    pub of: Option<String>,
    /// The unit, for money, percentages and measures ("EUR", "%", "km").
    pub unit: Option<String>,
    /// "une quinzaine", "dozens", "about 200".
    pub approximate: bool,
    /// The counted noun was not written after the number but taken from an
    /// earlier count ("huit missiles… sept ont été abattus": `of` is "missiles").
    /// Written only when true.
    pub of_inherited: bool,
}

/// A number written as an integer when it is one: counts read `8`, not `8.0`.
struct JsonNumber(f64);

impl Serialize for JsonNumber {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        crate::number_as_json(&self.0, serializer)
    }
}

impl Serialize for Quantity {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Quantity", 10)?;
        s.serialize_field("id", &self.id)?;
        self.span.serialize_fields(&mut s)?;
        s.serialize_field("value", &JsonNumber(self.value))?;
        s.serialize_field("kind", &self.kind)?;
        s.serialize_field("of", &self.of)?;
        s.serialize_field("unit", &self.unit)?;
        s.serialize_field("approximate", &self.approximate)?;
        if self.of_inherited {
            s.serialize_field("of_inherited", &true)?;
        } else {
            s.skip_field("of_inherited")?;
        }
        s.end()
    }
}

impl Spanned for Quantity {
    fn visit_offsets(&mut self, f: &mut dyn FnMut(&mut usize)) {
        self.span.visit_offsets(f);
    }
}

/// A text this short may be a bare number ("twenty-one"), which is not enough
/// to tell its language: when the article's language reads no number that
/// covers it all, the other languages are tried, and one that reads the whole
/// text as one number wins.
const SHORT_TEXT: usize = 80;

/// How many sentences back a standalone count looks for the noun it counts
/// ("huit missiles… sept ont été abattus" is one sentence back).
const INHERIT_WINDOW: usize = 2;

/// How many earlier quantities "un autre <noun>" searches for the same noun.
const ONE_LOOKBACK: usize = 12;

/// Spelled-out ordinals below this are not reported (see [`Scanner::number_at`]).
const SPELLED_ORDINAL_MIN: f64 = 3.0;

/// Finds the numbers of the article. Numbers inside `times` are dates, not
/// counts, and numbers inside the names of `entities` are names' words: "Erik
/// ten Hag", "le Groupe des Sept".
pub fn find(doc: &Doc, times: &[TimeExpr], entities: &[Entity]) -> Vec<Quantity> {
    let spans = times.iter().map(|t| (t.span.start, t.span.end));
    let names = crate::entities::mention_spans(entities);
    let covered = &SpanIndex::new(spans.chain(names).collect());
    let mut best = scan(doc, doc.lang, covered);
    let trimmed = doc.text.trim_end_matches(|c: char| c.is_whitespace() || c == '.');
    let whole = |qs: &[Quantity]| {
        let lead = trimmed.len() - trimmed.trim_start().len();
        qs.len() == 1 && qs[0].span.start == lead && qs[0].span.end == trimmed.len()
    };
    if doc.text.len() <= SHORT_TEXT && !whole(&best) {
        for lang in Lang::ALL.into_iter().filter(|&l| l != doc.lang) {
            let other = scan(doc, lang, covered);
            if whole(&other) {
                best = other;
                break;
            }
        }
    }
    for (k, q) in best.iter_mut().enumerate() {
        q.id = crate::decimal::numbered('n', k + 1);
    }
    best
}

/// A number found in the text, with what is needed to finish it.
struct Found {
    first: usize,
    /// Global token index after the last token of the span.
    end: usize,
    value: f64,
    ordinal: bool,
    unit: Option<String>,
    kind: Option<QuantityKind>,
    approximate: bool,
    of: Option<String>,
    stands_alone: bool,
    sentence: usize,
    /// The scale word that multiplied the value: 1e9 in "18 milliards".
    scale: Option<f64>,
}

struct Scanner<'d, 'a> {
    doc: &'d Doc<'a>,
    lex: &'static lexicon::Lexicon,
    lang: Lang,
    covered: &'d SpanIndex,
    paragraph_starts: Vec<usize>,
}

fn scan(doc: &Doc, lang: Lang, covered: &SpanIndex) -> Vec<Quantity> {
    let sc = Scanner {
        doc,
        lex: lexicon::of(lang),
        lang,
        covered,
        paragraph_starts: doc.paragraphs.iter().map(|p| p.start).collect(),
    };
    let mut found: Vec<Found> = Vec::new();
    for (s, sentence) in doc.sentences.iter().enumerate() {
        let range = sentence.tokens.clone();
        let mut i = range.start;
        while i < range.end {
            if !sc.may_start(i) {
                i += 1;
                continue;
            }
            match sc.number_at(i, range.clone(), s, &found) {
                Some((f, next)) => {
                    if let Some(f) = f {
                        found.push(f);
                    }
                    i = next.max(i + 1);
                }
                None => i += 1,
            }
        }
    }
    share_range_bounds(&sc, &mut found);
    inherit_nouns(&mut found);
    inherit_currency(&mut found);
    found
        .into_iter()
        .map(|f| {
            let start = doc.tokens[f.first].start;
            let end = doc.tokens[f.end - 1].end;
            let kind = f.kind.unwrap_or(if f.of.is_some() { QuantityKind::Count } else { QuantityKind::Number });
            Quantity {
                id: String::new(),
                span: Span::of(doc.text, start, end),
                value: f.value,
                kind,
                of: f.of,
                unit: f.unit,
                approximate: f.approximate,
                of_inherited: f.stands_alone,
            }
        })
        .collect()
}

/// "entre 80 et 120 millions d'euros", "between $2 and $3 billion": the first
/// bound of a range, written bare, takes the scale, unit and noun written
/// after the second. Bounds are adjacent numbers around a joint of
/// `numbers_ranges.txt`, the first below the second before its scale.
fn share_range_bounds(sc: &Scanner, found: &mut [Found]) {
    for k in 1..found.len() {
        let (before, rest) = found.split_at_mut(k);
        let (a, b) = (&mut before[k - 1], &rest[0]);
        if a.sentence != b.sentence || b.first != a.end + 1 || a.ordinal || b.ordinal || a.scale.is_some() {
            continue;
        }
        let joint = sc.low(a.end);
        let opened_by =
            |opener: &str| a.first > sc.doc.sentences[a.sentence].tokens.start && sc.low(a.first - 1) == opener;
        if !sc.lex.range_joints.iter().any(|(j, o)| j == joint && (o.is_empty() || opened_by(o))) {
            continue;
        }
        let below = 0.0 <= a.value && a.value < b.value / b.scale.unwrap_or(1.0);
        let bare = a.kind.is_none() && a.unit.is_none() && a.of.is_none();
        if !below || !(bare || (a.kind == b.kind && a.unit == b.unit)) {
            continue;
        }
        if let Some(scale) = b.scale {
            a.value = crate::decimal::times(a.value, scale);
            a.scale = Some(scale);
        }
        if bare {
            a.kind = b.kind;
            a.unit = b.unit.clone();
            a.of = b.of.clone();
        }
    }
}

/// "16 milliards d'euros en 2025, contre 18 milliards cette année": a scaled
/// amount with no unit and nothing counted, after a sum of money in its
/// sentence, is in that money's currency.
fn inherit_currency(found: &mut [Found]) {
    for k in 1..found.len() {
        let (before, rest) = found.split_at_mut(k);
        let f = &mut rest[0];
        if f.scale.is_none() || f.kind.is_some() || f.of.is_some() || f.unit.is_some() {
            continue;
        }
        let money =
            before.iter().rev().take_while(|b| b.sentence == f.sentence).find(|b| b.kind == Some(QuantityKind::Money));
        if let Some(m) = money {
            f.kind = Some(QuantityKind::Money);
            f.unit = m.unit.clone();
        }
    }
}

/// A count that stands alone ("sept ont été abattus") counts the noun of the
/// nearest count before it, within a few sentences.
fn inherit_nouns(found: &mut [Found]) {
    let mut last: Option<(String, usize)> = None;
    for f in found.iter_mut() {
        if f.stands_alone {
            match &last {
                Some((of, s)) if f.sentence.saturating_sub(*s) <= INHERIT_WINDOW => f.of = Some(of.clone()),
                _ => f.stands_alone = false,
            }
            if f.of.is_some() && f.kind.is_none() {
                f.kind = Some(QuantityKind::Count);
            }
        } else if f.kind.is_none() && !f.ordinal {
            if let Some(of) = &f.of {
                last = Some((of.clone(), f.sentence));
            }
        }
    }
}

/// Whether `w` may hold a hyphen, '-' or the non-breaking U+2011, which
/// starts with byte E2: a byte test, false for most words.
fn may_be_hyphenated(w: &str) -> bool {
    w.bytes().any(|b| b == b'-' || b == 0xE2)
}

/// The core of a number: its tokens and value before units and context.
struct Core {
    first: usize,
    end: usize,
    value: f64,
    ordinal: bool,
    digits: Option<parse::Digits>,
    approx: bool,
    /// Ends with a scale, approximate or fraction noun: "de" may follow before the noun.
    takes_de: bool,
    /// The single word for one ("un", "one").
    is_one: bool,
}

impl Scanner<'_, '_> {
    fn text(&self, i: usize) -> &str {
        self.doc.tok(&self.doc.tokens[i])
    }

    /// Token `i`'s comparable form (lowercase, straight apostrophes).
    fn low(&self, i: usize) -> &str {
        self.doc.lower(i)
    }

    /// Whether [`Scanner::number_at`] may find a number at token `i`: false for
    /// a word in none of the number lists, the bulk of a text, which it would
    /// turn away only after its currency, minus and core checks. It must
    /// admit every token those accept: a word [`Scanner::core_at`] reads (by
    /// its bits, or hyphenated), "us" of "US$", and every other token kind.
    fn may_start(&self, i: usize) -> bool {
        const STARTS: WordLists = WordLists::union(&[
            lists::NUM_WORDS,
            lists::NUM_APPROX,
            lists::NUM_APPROX_DETERMINERS,
            lists::NUM_FRACTIONS,
        ]);
        if !self.is_word(i) || self.listed(i, STARTS) {
            return true;
        }
        let low = self.low(i);
        low == "us" || may_be_hyphenated(low)
    }

    /// Whether token `i` is in a word list with bit `list` ([`Doc::word_lists`]).
    fn listed(&self, i: usize, list: WordLists) -> bool {
        self.doc.word_lists()[i].any_of(list)
    }

    fn tok(&self, i: usize) -> &Token {
        &self.doc.tokens[i]
    }

    /// Whether only spaces separate token `a` from the next one.
    fn spaced(&self, a: usize) -> bool {
        let (e, s) = (self.tok(a).end, self.tok(a + 1).start);
        e < s && self.doc.text[e..s].chars().all(|c| c.is_whitespace() && c != '\n')
    }

    fn glued(&self, a: usize) -> bool {
        self.tok(a).end == self.tok(a + 1).start
    }

    fn is_word(&self, i: usize) -> bool {
        self.tok(i).kind == TokenKind::Word
    }

    /// Matches `phrase` at token `i`, within `lim`; returns the index after it.
    fn phrase_at(&self, i: usize, phrase: &[String], lim: usize) -> Option<usize> {
        if phrase.is_empty() || i + phrase.len() > lim {
            return None;
        }
        for (k, w) in phrase.iter().enumerate() {
            if k > 0 && !(self.spaced(i + k - 1) || self.glued(i + k - 1)) {
                return None;
            }
            if !lexicon::word_matches(w, self.text(i + k), self.low(i + k)) {
                return None;
            }
        }
        Some(i + phrase.len())
    }

    /// Whether one of `phrases` ends right before token `i` (from `from` on).
    fn phrase_before(&self, i: usize, phrases: &lexicon::Phrases<()>, from: usize) -> bool {
        i > from
            && phrases.having(self.low(i - 1)).any(|(p, _, k)| {
                k + 1 == p.len() && i >= from + p.len() && self.phrase_at(i - p.len(), p, i) == Some(i)
            })
    }

    /// The phrases of `table` found at `i`, as (value, end), in list order.
    fn phrases_at<'t, V>(
        &'t self,
        i: usize,
        table: &'t lexicon::Phrases<V>,
        lim: usize,
    ) -> impl Iterator<Item = (&'t V, usize)> + 't {
        let first = (i < lim).then(|| self.low(i));
        first
            .into_iter()
            .flat_map(|w| table.starting(w))
            .filter_map(move |(p, v)| self.phrase_at(i, p, lim).map(|e| (v, e)))
    }

    /// The longest of `table`'s phrases found at `i` (the last listed of equals),
    /// with its value and end.
    fn lookup<'t>(&'t self, i: usize, table: &'t lexicon::Phrases<String>, lim: usize) -> Option<(&'t str, usize)> {
        self.phrases_at(i, table, lim).map(|(v, e)| (v.as_str(), e)).max_by_key(|x| x.1)
    }

    /// Reads the number starting at token `i`. `None`: no number here;
    /// `Some((None, next))`: a number that is not a quantity (a date, a label).
    fn number_at(
        &self,
        i: usize,
        sent: std::ops::Range<usize>,
        sentence: usize,
        found: &[Found],
    ) -> Option<(Option<Found>, usize)> {
        let lim = sent.end;
        let lex = self.lex;
        // A currency sign before the digits: "$3.5 billion", "€20".
        let mut unit = None;
        let mut kind = None;
        let mut start = i;
        let mut at = i;
        if self.tok(i).kind != TokenKind::Word && self.tok(i).kind != TokenKind::Number && i + 1 < lim {
            let (code, e) = self.lookup(i, &lex.currencies, lim).filter(|&(_, e)| {
                e < lim && self.tok(e).kind == TokenKind::Number && (self.glued(e - 1) || self.spaced(e - 1))
            })?;
            unit = Some(code.to_string());
            kind = Some(QuantityKind::Money);
            at = e;
        }
        // "US$ 5": the country letters belong to the sign.
        if self.low(i) == "us"
            && i + 2 < lim
            && self.text(i + 1) == "$"
            && self.glued(i)
            && self.tok(i + 2).kind == TokenKind::Number
        {
            unit = Some("USD".into());
            kind = Some(QuantityKind::Money);
            at = i + 2;
        }
        let core = self.core_at(at, lim)?;
        if unit.is_none() {
            start = core.first;
        }
        let mut value = core.value;
        // "-5", "−3,2": a minus glued to the digits, with a space or nothing before it.
        if core.digits.is_some() && start == core.first && start > sent.start {
            let m = start - 1;
            let lone = m == sent.start || !self.glued(m - 1);
            if matches!(self.text(m), "-" | "−") && self.glued(m) && lone {
                start = m;
                value = -value;
            }
        }
        // "moins 1 200 000", "minus five".
        if start == core.first && start > sent.start {
            let minus = matches!(lex.words.get(self.low(start - 1)), Some(&(_, lexicon::Role::Minus)));
            if minus && !self.in_set_phrase(start - 1, start, sent.start, lim) {
                start -= 1;
                value = -value;
            }
        }
        let mut end = core.end;
        let mut ordinal = core.ordinal;
        let mut takes_de = core.takes_de;
        // "trois millions": a number in words may end with its scale.
        let mut scale = match lex.words.get(self.low(core.end - 1)) {
            Some(&(s, lexicon::Role::Scale)) if core.digits.is_none() => Some(s),
            _ => None,
        };
        if core.digits.is_some() && end < lim {
            // 1er, 21st.
            if self.glued(end - 1) && self.is_word(end) && lex.ordinal_suffixes.contains(self.low(end)) {
                ordinal = true;
                end += 1;
            } else if let Some(&(_, s)) =
                lex.scale_abbreviations.iter().find(|(a, _)| a == self.text(end) && self.is_word(end))
            {
                // 100K, 1,2 M, $5bn.
                value = crate::decimal::times(value, s);
                end += 1;
                scale = Some(s);
            } else if let Some(&(s, lexicon::Role::Scale)) = lex.words.get(self.low(end)) {
                // 25 millions, 3.5 billion.
                if self.spaced(end - 1) {
                    value = crate::decimal::times(value, s);
                    end += 1;
                    takes_de = true;
                    scale = Some(s);
                }
            }
        }
        // "deux millions et demi", "two and a half million".
        if !ordinal && end < lim {
            if let Some((e, part)) = self.phrases_at(end, &lex.halves, lim).map(|(v, e)| (e, *v)).next() {
                let mut unit = 1.0;
                while unit * 1000.0 <= value.abs() && (value / (unit * 1000.0)).fract() == 0.0 {
                    unit *= 1000.0;
                }
                value += part * unit;
                end = e;
                if e < lim && self.spaced(e - 1) {
                    if let Some(&(scale, lexicon::Role::Scale)) = lex.words.get(self.low(e)) {
                        value = crate::decimal::times(value, scale);
                        end += 1;
                        takes_de = true;
                    }
                }
            }
        }
        // "deux tiers", "three quarters".
        let mut fraction = false;
        if !ordinal && end < lim && self.spaced(end - 1) {
            if let Some(&divisor) = lex.denominators.get(self.low(end)) {
                value /= divisor;
                end += 1;
                takes_de = true;
                fraction = true;
            }
        }
        if !ordinal && end < lim && kind.is_none() {
            let near = |e: usize| e < lim && (self.spaced(e - 1) || self.glued(e - 1));
            if near(end) {
                if let Some(e) = self.phrases_at(end, &lex.percent, lim).map(|(_, e)| e).max() {
                    kind = Some(QuantityKind::Percent);
                    unit = Some("%".into());
                    end = e;
                } else if let Some((code, e)) = self.lookup(end, &lex.currencies, lim) {
                    kind = Some(QuantityKind::Money);
                    unit = Some(code.to_string());
                    end = e;
                } else if scale.is_some() && matches!(self.low(end), "de" | "d'" | "of") && near(end + 1) {
                    // 25 millions d'euros.
                    if let Some((code, e)) = self.lookup(end + 1, &lex.currencies, lim) {
                        kind = Some(QuantityKind::Money);
                        unit = Some(code.to_string());
                        end = e;
                    }
                }
                if kind.is_none() {
                    if let Some((u, e)) = self.lookup(end, &lex.units, lim) {
                        kind = Some(QuantityKind::Measure);
                        unit = Some(u.to_string());
                        end = e;
                    }
                }
            }
        }
        let next = end;
        if self.is_not_a_quantity(&core, (start, end), takes_de, kind.is_some(), lim, sent.start) {
            return Some((None, next));
        }
        if core.is_one && !fraction && !self.one_counts(core.first, sent.start, lim, sentence, found) {
            return Some((None, next));
        }
        if ordinal {
            // Like text2num's ordinal threshold: "premier", "first", "second"
            // spelled out are ranks of speech ("sa première intervention",
            // "at first"), not numbers a reader would check.
            if core.digits.is_none() && value < SPELLED_ORDINAL_MIN {
                return Some((None, next));
            }
            kind = Some(QuantityKind::Ordinal);
        }
        let approximate = core.approx || self.phrase_before(start, &lex.approx_cues, sent.start);
        let counts_things = matches!(kind, None | Some(QuantityKind::Measure | QuantityKind::Ordinal));
        // A measure counts what follows "de"/"of" ("trois tonnes de linge"), not
        // the word after its unit ("41,5 degrés Celsius").
        let measure_of =
            kind == Some(QuantityKind::Measure) && end < lim && matches!(self.low(end), "de" | "d'" | "of");
        let (of, mut stands_alone) = if counts_things && (kind != Some(QuantityKind::Measure) || measure_of) {
            self.counted_noun(end, lim, takes_de || measure_of, kind.is_none(), value > 1.0)
        } else {
            (None, false)
        };
        // "sept morts, dont quatre à Kharkiv": a part of a breakdown by place.
        if of.is_none() && kind.is_none() && lex.is_breakdown_part(self.doc, start, end, sent.clone()) {
            stands_alone = true;
        }
        Some((
            Some(Found {
                first: start,
                end,
                value,
                ordinal,
                unit,
                kind,
                approximate,
                of,
                stands_alone: stands_alone && !ordinal,
                sentence,
                scale,
            }),
            next,
        ))
    }

    /// Reads digits, number words, an approximate noun or a fraction at `i`.
    fn core_at(&self, i: usize, lim: usize) -> Option<Core> {
        let lex = self.lex;
        let tok = self.tok(i);
        let plain = |first, end, value| Core {
            first,
            end,
            value,
            ordinal: false,
            digits: None,
            approx: false,
            takes_de: false,
            is_one: false,
        };
        if tok.kind == TokenKind::Number {
            let d = parse::digits(self.text(i), self.lang)?;
            return Some(Core { digits: Some(d), ..plain(i, i + 1, d.value) });
        }
        if tok.kind != TokenKind::Word {
            return None;
        }
        let w = self.low(i);
        // "une quinzaine", "des dizaines", "a dozen", "dozens of".
        // Every list here is keyed by the comparable form: its bit answers for it.
        let noun_at =
            |k: usize| (k < lim && self.listed(k, lists::NUM_APPROX)).then(|| lex.approx.get(self.low(k))).flatten();
        // "des dizaines de milliers", "hundreds of thousands": a plural
        // approximate noun of a larger one counts its units, as one number. The
        // list gives a plural noun twice its unit ("milliers|2000": at least two).
        let of_larger = |core: Core| {
            let (k, value) = (core.end, core.value);
            let larger = (k + 1 < lim && matches!(self.low(k), "de" | "d'" | "of"))
                .then(|| noun_at(k + 1))
                .flatten()
                .filter(|&&(next, _)| next > value && self.low(k + 1).ends_with(['s', 'x']));
            match larger {
                Some(&(next, _)) => Core { end: k + 2, value: value * next / 2.0, approx: true, ..core },
                None => core,
            }
        };
        if self.listed(i, lists::NUM_APPROX_DETERMINERS) && i + 1 < lim && self.spaced(i) {
            if let Some(&(value, exact)) = noun_at(i + 1) {
                return Some(of_larger(Core { approx: !exact, takes_de: true, ..plain(i, i + 2, value) }));
            }
        }
        if let Some(&(value, exact)) = noun_at(i) {
            // "dozens of people", "des dizaines de morts", "dozens injured", "dozens were hurt".
            let de_follows = i + 1 < lim && matches!(self.low(i + 1), "de" | "d'" | "of");
            let verb_follows = i + 1 < lim
                && (lex.standalone_next.contains(self.low(i + 1))
                    || lex.is_part_cue(self.low(i + 1))
                    || lex.cue_nouns.contains(self.low(i + 1)));
            if (de_follows || verb_follows) && w.ends_with(['s', 'x']) {
                return Some(of_larger(Core { approx: !exact, takes_de: true, ..plain(i, i + 1, value) }));
            }
        }
        if let Some(&value) = self.listed(i, lists::NUM_FRACTIONS).then(|| lex.fractions.get(w)).flatten() {
            return Some(Core { takes_de: true, ..plain(i, i + 1, value) });
        }
        // Number words, across spaces and inside hyphenated words.
        let mut atoms: Vec<&str> = Vec::new();
        let mut ends: Vec<(usize, usize)> = Vec::new(); // (atoms so far, token end)
        let mut k = i;
        while k < lim && self.is_word(k) && (k == i || self.spaced(k - 1)) {
            // A token joins when every hyphen-separated part is a number word;
            // `parse::words` then reads hyphenated pairs ("quatre-vingt") itself.
            let low = self.low(k);
            if may_be_hyphenated(low) {
                let parts = || low.split(['-', '\u{2011}']);
                if !parts().all(|p| lex.words.contains_key(p)) {
                    break;
                }
                atoms.extend(parts());
            } else {
                // No hyphen of either kind: one part.
                if !self.listed(k, lists::NUM_WORDS) {
                    break;
                }
                atoms.push(low);
            }
            k += 1;
            ends.push((atoms.len(), k));
            if ends.len() > 12 {
                break;
            }
        }
        // Most words are no number word: nothing to parse.
        if atoms.is_empty() {
            return None;
        }
        let words = parse::words(&atoms, lex)?;
        // The number must end at a token boundary.
        let &(_, end) = ends.iter().rev().find(|(n, _)| *n <= words.atoms)?;
        let used = ends.iter().find(|(_, e)| *e == end).map(|(n, _)| *n)?;
        let words = if used == words.atoms { words } else { parse::words(&atoms[..used], lex)? };
        if words.atoms != used {
            return None;
        }
        let is_one = end == i + 1 && lex.one.forms.contains(w);
        let last = self.low(end - 1);
        let takes_de = lex.words.get(last).is_some_and(|&(_, r)| r == lexicon::Role::Scale);
        Some(Core { ordinal: words.ordinal, is_one, takes_de, ..plain(i, end, words.value) })
    }

    /// Whether tokens `cf..ce` lie in a set phrase where number words are no
    /// number: "Premier ministre", "à neuf", "au moins".
    fn in_set_phrase(&self, cf: usize, ce: usize, first: usize, lim: usize) -> bool {
        self.lex.not_numbers.having(self.low(cf)).any(|(p, _, k)| {
            cf >= first + k && self.phrase_at(cf - k, p, lim).is_some_and(|pe| pe >= ce && cf - k + p.len() > cf)
        })
    }

    /// Dates, times, durations, labels, list numbers and names are not quantities.
    fn is_not_a_quantity(
        &self,
        core: &Core,
        (start, end): (usize, usize),
        takes_de: bool,
        has_unit: bool,
        lim: usize,
        first: usize,
    ) -> bool {
        let lex = self.lex;
        // The number's own words: a name may hold its unit ("1,8 billion
        // Swedish crowns", where "Swedish" is a demonym).
        if self.covered.overlaps(self.tok(core.first).start, self.tok(core.end - 1).end) {
            return true;
        }
        // Set phrases: "Premier ministre", "à neuf", "no one".
        if self.in_set_phrase(core.first, core.end, first, lim) {
            return true;
        }
        let prev = (start > first).then(|| self.low(start - 1));
        let next = (end < lim).then(|| self.low(end));
        let is_time_word = |k: usize| k < lim && lex.time_words.contains(self.low(k));
        if !has_unit {
            // "trois ans", "15 h 30", "25 novembre", "20-year", "0-6 ans".
            if is_time_word(end) {
                return true;
            }
            // "une trentaine d'années", "un quart de siècle".
            if takes_de && matches!(next, Some("de" | "d'" | "of")) && is_time_word(end + 1) {
                return true;
            }
            if matches!(next, Some("-" | "–" | "à" | "to" | "et" | "and" | "ou" | "or"))
                && end + 1 < lim
                && (self.tok(end + 1).kind == TokenKind::Number || is_time_word(end + 1))
                && (is_time_word(end + 1) || is_time_word(end + 2))
            {
                return true;
            }
        }
        if prev.is_some_and(|p| lex.months.contains(p)) {
            return true;
        }
        let digits = core.digits.is_some();
        if digits {
            // 1:28, 15 h 30.
            if matches!(next, Some(":")) && end + 1 < lim && self.tok(end + 1).kind == TokenKind::Number {
                return true;
            }
            if matches!(prev, Some(":" | "h")) && start >= first + 2 && self.tok(start - 2).kind == TokenKind::Number {
                return true;
            }
            let d = core.digits.expect("checked above");
            // A year ("en 1998,", "depuis 2001 les…"), unless a common noun follows
            // ("1500 soldats"); a postcode before a town ("75008 Paris").
            let noun_follows = end < lim
                && self.is_word(end)
                && self.text(end).chars().next().is_some_and(char::is_lowercase)
                && self.counted_noun(end, lim, false, false, false).0.is_some();
            if !has_unit && d.plain && d.lead == 4 && (1000.0..=2100.0).contains(&d.value) && !noun_follows {
                return true;
            }
            let town_follows =
                end < lim && self.is_word(end) && self.text(end).chars().next().is_some_and(char::is_uppercase);
            if !has_unit && d.plain && d.lead == 5 && town_follows {
                return true;
            }
            // 2K17, 1990s, 3D: digits glued to letters.
            if end < lim && self.glued(end - 1) && self.is_word(end) {
                return true;
            }
            if start > first && self.glued(start - 1) && self.is_word(start - 1) {
                return true;
            }
            // "1. Finland": a list number at the start of a line; "1. à la Teille,
            // 2. au chêne": a list number inside a sentence, whose dot ends nothing.
            let line_start = self.paragraph_starts.binary_search(&self.tok(start).start).is_ok();
            if matches!(next, Some("." | ")")) && (line_start || (next == Some(".") && end + 1 < lim)) {
                return true;
            }
            // "AMX 10", "Horizon 3": a number after a name.
            if !has_unit && start > first + 1 && self.is_word(start - 1) {
                let p = self.text(start - 1);
                if p.chars().next().is_some_and(char::is_uppercase) && !lex.stopwords.contains(self.low(start - 1)) {
                    return true;
                }
            }
        }
        // "article 5", "âgés de 25 et 54", "le 10, rue".
        let mut k = start;
        for _ in 0..4 {
            if k <= first {
                break;
            }
            k -= 1;
            let w = self.low(k);
            if lex.label_before.contains(w) {
                return true;
            }
            // A comma lies inside a list of labels ("articles 5, 6 et 7"), after
            // a number; not after a label: "de 1,2 point, à 18,9 %".
            if w == "," && !(k > first && self.tok(k - 1).kind == TokenKind::Number) {
                break;
            }
            let connector = matches!(
                w,
                "de" | "d'" | "du" | "des" | "of" | "between" | "entre" | "and" | "et" | "à" | "to" | "-" | ","
            );
            if !(connector || self.tok(k).kind == TokenKind::Number) {
                break;
            }
        }
        let after = if matches!(next, Some(",")) { end + 1 } else { end };
        if after < lim && lex.label_after.contains(self.low(after)) {
            return true;
        }
        false
    }

    /// Whether a lone "un"/"une"/"one" at `i` counts rather than being an article.
    fn one_counts(&self, i: usize, first: usize, lim: usize, sentence: usize, found: &[Found]) -> bool {
        let rules = &self.lex.one;
        let word = |k: usize| (k < lim).then(|| self.low(k));
        // An elision joins the next word: d' + eux.
        let joined = |k: usize| -> Option<String> {
            let w = word(k)?;
            if self.tok(k).kind == TokenKind::Elision {
                Some(format!("{w}{}", word(k + 1).unwrap_or("")))
            } else {
                Some(w.to_string())
            }
        };
        let prev = (i > first).then(|| self.low(i - 1));
        let next = joined(i + 1);
        let next_two = match (word(i + 1), word(i + 2)) {
            (Some(a), Some(b)) => Some(format!("{a} {b}")),
            _ => None,
        };
        if prev.is_some_and(|p| rules.not_after.contains(p)) {
            return false;
        }
        if next.as_ref().is_some_and(|n| rules.not_before.contains(n))
            || next_two.as_ref().is_some_and(|n| rules.not_before.contains(n))
        {
            return false;
        }
        if next.as_ref().is_some_and(|n| rules.counts_before.contains(n)) {
            return true;
        }
        if next.as_ref().is_some_and(|n| rules.counts_before_unless_noun.contains(n)) {
            // "un autre avait atteint sa cible", or "un autre missile" after "huit missiles".
            let (noun, alone) = self.counted_noun(i + 2, lim, false, true, false);
            if alone || noun.is_none() {
                return true;
            }
            let noun = noun.expect("checked above");
            let paragraph = self.doc.sentences[sentence].paragraph;
            return found
                .iter()
                .rev()
                .take(ONE_LOOKBACK)
                .take_while(|f| self.doc.sentences[f.sentence].paragraph == paragraph)
                .any(|f| f.of.as_deref().is_some_and(|o| same_noun(o, &noun)));
        }
        if rules.counts_by_default {
            return true;
        }
        // "il en reste un.": nothing follows for it to be the article of.
        if i + 1 >= lim
            || (self.tok(i + 1).kind == TokenKind::Punct && !matches!(word(i + 1), Some("«" | "“" | "\"" | "(")))
        {
            return true;
        }
        // "un a atteint sa cible": a pronoun before a verb.
        if word(i + 1).is_some_and(|n| self.lex.standalone_next.contains(n)) {
            return true;
        }
        // "deux morts et un blessé": a count coordinated with another.
        // After a comma, the count before must end the item: "trois morts, un
        // blessé", not "à dix kilomètres de Pokrovsk, un nœud logistique".
        if matches!(prev, Some("et" | "," | "and" | "ou" | "or"))
            && found.last().is_some_and(|f| {
                f.end + 8 >= i && f.end <= i && f.kind.is_none() && (prev != Some(",") || i <= f.end + 2)
            })
        {
            return true;
        }
        false
    }

    /// The noun counted by the number ending at `end`, or whether the number
    /// stands alone for a noun said before ("sept ont été abattus"). `many`:
    /// the number is above one, so the noun it counts is plural.
    fn counted_noun(
        &self,
        end: usize,
        lim: usize,
        takes_de: bool,
        may_stand_alone: bool,
        many: bool,
    ) -> (Option<String>, bool) {
        self.counted_noun_of(end, lim, takes_de, may_stand_alone, many, false)
    }

    /// [`Self::counted_noun`]; `nested` when reading the noun of a number
    /// after "of" ("six of their last seven games"), which reads no further
    /// number: each number's look stays bounded.
    fn counted_noun_of(
        &self,
        end: usize,
        lim: usize,
        takes_de: bool,
        may_stand_alone: bool,
        many: bool,
        nested: bool,
    ) -> (Option<String>, bool) {
        let lex = self.lex;
        let mut k = end;
        if takes_de && k < lim && matches!(self.low(k), "de" | "d'" | "of" | "des") {
            k += 1;
        }
        let mut skipped = 0;
        while k < lim && skipped < 3 && lex.noun_skip.contains(self.low(k)) {
            k += 1;
            skipped += 1;
        }
        // Standing alone takes a verb or a cue after the number ("sept ont été
        // abattus", "six abattus"); a comma or a full stop is too weak a sign.
        let alone = |k: usize| {
            may_stand_alone
                && k < lim
                && (lex.standalone_next.contains(self.low(k))
                    || self.is_part_cue(k)
                    || self.tok(k).kind == TokenKind::Clitic)
        };
        // "two of the victims", "deux des mineures": the noun after the article.
        if k < lim && lex.partitive.contains(self.low(k)) {
            let mut n = k + 1;
            while n < lim && n <= k + 3 && (lex.stopwords.contains(self.low(n)) || lex.noun_skip.contains(self.low(n)))
            {
                n += 1;
            }
            // "six of their last seven games": the noun the second number counts.
            let number = |n: usize| {
                use lexicon::Role::{Hundred, Scale, Unit};
                n < lim
                    && (self.tok(n).kind == TokenKind::Number
                        || matches!(lex.words.get(self.low(n)), Some(&(_, Unit | Hundred | Scale))))
            };
            if number(n) && !nested {
                while number(n) {
                    n += 1;
                }
                return (self.counted_noun_of(n, lim, false, false, true, true).0, false);
            }
            let is_noun = n < lim
                && self.is_word(n)
                && !lex.stopwords.contains(self.low(n))
                && !self.listed(n, lists::NUM_WORDS)
                && self.text(n).chars().next().is_some_and(char::is_lowercase);
            if is_noun {
                return (Some(self.text(n).to_string()), false);
            }
        }
        if k >= lim || !self.is_word(k) {
            return (None, alone(k));
        }
        let w = self.low(k);
        if lex.stopwords.contains(w)
            || lex.standalone_next.contains(w)
            || self.is_part_cue(k)
            || self.listed(k, lists::NUM_WORDS)
        {
            return (None, alone(k));
        }
        if !w.chars().next().is_some_and(crate::segment::is_alphabetic) {
            return (None, false);
        }
        // "eight PSVR games": a name before the noun.
        let capital = self.text(k).chars().next().is_some_and(char::is_uppercase);
        // "35 Iranian-made Shahed drones": over two names at most.
        let is_cap = |m: usize| self.is_word(m) && self.text(m).chars().next().is_some_and(char::is_uppercase);
        let mut m = k + 1;
        while capital && m < lim && m < k + 3 && is_cap(m) {
            m += 1;
        }
        // "800,000 federal workers", "ten police officers": above one, an
        // English word that is not plural before one that is describes it.
        let plural = |w: &str| w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us");
        let described = |k: usize| {
            if !(many && self.lang == Lang::En && k + 1 < lim && self.is_word(k + 1)) {
                return false;
            }
            let n = self.low(k + 1);
            !plural(self.low(k))
                && plural(n)
                && self.text(k + 1).chars().next().is_some_and(char::is_lowercase)
                && !lex.stopwords.contains(n)
                && !lex.standalone_next.contains(n)
                && !self.is_part_cue(k + 1)
                && !self.listed(k + 1, lists::NUM_WORDS)
        };
        if capital && self.lang == Lang::En && m < lim && self.is_word(m) {
            let n = self.low(m);
            let lower = self.text(m).chars().next().is_some_and(char::is_lowercase);
            if lower && !lex.stopwords.contains(n) && !self.is_part_cue(m) && !lex.standalone_next.contains(n) {
                // "two Iskander-M ballistic missiles".
                let noun = if described(m) { m + 1 } else { m };
                return (Some(self.text(noun).to_string()), false);
            }
        }
        if described(k) {
            return (Some(self.text(k + 1).to_string()), false);
        }
        (Some(self.text(k).to_string()), false)
    }

    /// A cue word that cannot be a counted noun ("abattus", not "morts").
    fn is_part_cue(&self, k: usize) -> bool {
        let w = self.low(k);
        !self.lex.cue_nouns.contains(w) && self.lex.is_part_cue(w)
    }
}

/// Whether two counted nouns are the same, up to case and a plural ending.
pub fn same_noun(a: &str, b: &str) -> bool {
    let stem = |s: &str| {
        let s = crate::segment::fold(s);
        s.trim_end_matches(['s', 'x']).to_string()
    };
    stem(a) == stem(b)
}

#[cfg(test)]
mod tests;

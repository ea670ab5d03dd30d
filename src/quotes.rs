//! Who says what: direct, partial and reported speech, with speakers and channels.
//!
//! The layer works in four passes, each linear in the tokens:
//! 1. `marks` pairs quote marks into quoted stretches (nested, multi-paragraph,
//!    recovering from a missing closing mark at the paragraph end);
//! 2. quoted names and titles («Orechnik», “Rez Infinite”) are set aside and the
//!    rest is classed `direct` or `partial`;
//! 3. reporting verbs (`lexicon`, generated from lemmas) and source phrases
//!    ("selon X", "according to X") give reported speech (`indirect`);
//! 4. in text order, each quote's speaker phrase is read around its cue (both
//!    orders, inversion, appositions) within a bounded window, then resolved:
//!    pronouns and bare anaphors ("il", "le ministère") to the nearest compatible
//!    earlier speaker, quotes with no cue to the speaker of the quote just before.

mod lexicon;
mod marks;
mod phrase;

use serde::ser::SerializeStruct;
use serde::Serialize;

use crate::entities::{Entity, EntityType};
use crate::lang::Lang;
use crate::segment::{Doc, TokenKind};
use crate::span::{Span, Spanned};
use crate::word_lists::{self, WordLists};

pub(crate) use lexicon::word_lists;
use lexicon::{Class, Gender, NounClass};
use marks::Marked;
use phrase::{Found, Reader};

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
#[derive(Clone, Debug)]
pub struct Quote {
    /// `q1`, `q2`… in text order.
    pub id: String,
    pub kind: QuoteKind,
    pub span: Span,
    /// The id of the speaking entity, when it is one.
    pub speaker: Option<String>,
    /// The speaker as the article names it; a pronoun or a bare anaphor ("le
    /// ministère") gives the name of the speaker it points back to.
    pub speaker_name: Option<String>,
    /// The reporting verb or "selon" that introduces the quote.
    pub cue: Option<Span>,
    /// The medium the words were said through, as the article names it: a
    /// document ("communiqué", "statement") and/or a platform ("Telegram"),
    /// joined with ", ". `None` when the article does not say.
    pub channel: Option<String>,
    /// The outlet that relays the words ("l'agence TASS", "Reuters"), when the
    /// article names one; it may also be the speaker.
    pub via: Option<String>,
}

impl Serialize for Quote {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Quote", 10)?;
        s.serialize_field("id", &self.id)?;
        s.serialize_field("kind", &self.kind)?;
        self.span.serialize_fields(&mut s)?;
        s.serialize_field("speaker", &self.speaker)?;
        s.serialize_field("speaker_name", &self.speaker_name)?;
        s.serialize_field("cue", &self.cue)?;
        s.serialize_field("channel", &self.channel)?;
        s.serialize_field("via", &self.via)?;
        s.end()
    }
}

impl Spanned for Quote {
    fn visit_offsets(&mut self, f: &mut dyn FnMut(&mut usize)) {
        self.span.visit_offsets(f);
        self.cue.visit_offsets(f);
    }
}

/// How far back (in byte) a pronoun or a quote with no cue looks for its speaker.
const RESOLVE_WINDOW: usize = 4000;
/// The longest reported clause, in tokens, on either side of its cue.
const MAX_CLAUSE: usize = 120;
/// How many earlier speakers a pronoun compares itself with.
const HISTORY: usize = 12;

/// Finds the quotes of the article and their speakers.
pub fn find(doc: &Doc, entities: &[Entity]) -> Vec<Quote> {
    if doc.tokens.is_empty() {
        return Vec::new();
    }
    let mut r = Reader::new(doc);
    for m in entities.iter().flat_map(|e| &e.mentions) {
        if let Some(k) = doc.token_starting_at(m.start) {
            r.named[k] = true;
            let inside = doc.tokens[k + 1..].iter().take_while(|t| t.start < m.end).count();
            r.inside_name[k + 1..k + 1 + inside].fill(true);
        }
    }
    let marked = marks::pair(doc);
    for m in &marked {
        let close = m.close.unwrap_or_else(|| last_token_before(doc, m.end));
        for q in &mut r.quoted[(m.open + 1).min(close)..close] {
            *q = true;
        }
    }
    let mut items: Vec<Item> = Vec::new();
    for m in &marked {
        if let Some(item) = marked_item(&r, m) {
            items.push(item);
        }
    }
    items.extend(dialogue_items(&r));
    items.extend(indirect_items(&r));
    // Reported speech never re-reports a quote: drop a clause that is mostly a quote already.
    let mut direct: Vec<(usize, usize)> =
        items.iter().filter(|it| it.kind == QuoteKind::Direct).map(|it| (it.start, it.end)).collect();
    crate::sort::sort(&mut direct);
    items.retain(|it| {
        it.kind != QuoteKind::Indirect || {
            let k = direct.partition_point(|d| d.1 <= it.start);
            !direct[k..].iter().take_while(|d| d.0 < it.end).any(|d| {
                let inter = d.1.min(it.end).saturating_sub(d.0.max(it.start));
                inter * 2 > it.end - it.start
            })
        }
    });
    crate::sort::sort_by_key(&mut items, |it| (it.start, it.kind != QuoteKind::Indirect));
    let index = EntityIndex::new(entities);
    resolve_all(&r, &mut items, &index);
    items
        .into_iter()
        .enumerate()
        .map(|(n, it)| Quote {
            id: crate::decimal::numbered('q', n + 1),
            kind: it.kind,
            span: Span::of(doc.text, it.start, it.end),
            speaker: it.speaker.as_ref().and_then(|s| s.entity.clone()),
            speaker_name: it.speaker.as_ref().map(|s| s.name.clone()),
            cue: it.cue.map(|(a, b)| Span::of(doc.text, doc.tokens[a].start, doc.tokens[b - 1].end)),
            channel: it.speaker.as_ref().and_then(|s| s.channel.clone()),
            via: it.speaker.as_ref().and_then(|s| s.via.clone()),
        })
        .collect()
}

fn last_token_before(doc: &Doc, end: usize) -> usize {
    doc.tokens.partition_point(|t| t.start < end)
}

/// Where a quote's speaker is to be found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Source {
    /// A phrase found around the cue.
    Found(Found),
    /// The subject of the main clause ("…, précisant que"): the latest speaker of the sentence.
    MainClause,
    /// Nobody: the words of a question, or no clue at all.
    Nobody,
    /// The speaker of the quote before (a floating quote); `reach` substantive paragraphs back.
    Previous { reach: usize },
    /// The speaker of the reported-speech clause holding this quote.
    Enclosing,
}

#[derive(Clone, Debug, PartialEq)]
struct Speaker {
    name: String,
    /// Bytes of the phrase that named the speaker, for entity linking.
    start: usize,
    end: usize,
    gender: Gender,
    entity: Option<String>,
    channel: Option<String>,
    via: Option<String>,
    /// Whether the phrase holds a proper name.
    named: bool,
}

#[derive(Clone, Debug)]
struct Item {
    kind: QuoteKind,
    start: usize,
    end: usize,
    /// First and one-past-last token of the cue.
    cue: Option<(usize, usize)>,
    source: Source,
    /// The token the item is anchored at (for sentence and paragraph lookups).
    anchor: usize,
    speaker: Option<Speaker>,
}

// ---------------------------------------------------------------------------
// Direct and partial quotes

#[inline(never)] // a function of its own for the wasm tier-up: DESIGN.md
fn marked_item(r: &Reader, m: &Marked) -> Option<Item> {
    let doc = r.doc;
    let n = r.len();
    let close = m.close.unwrap_or_else(|| last_token_before(doc, m.end));
    let para = &doc.paragraphs[m.paragraph];
    let para_first = doc.tokens.partition_point(|t| t.start < para.start);
    let words = (m.open + 1..close.min(n)).filter(|&k| doc.tokens[k].kind != TokenKind::Punct).count();
    if words == 0 {
        return None;
    }
    let after = cue_after(r, close);
    let before = cue_before(r, m.open, para_first);
    let adjacent_cue =
        after.is_some() || before.is_some_and(|(v, _)| m.open > 0 && (r.text(m.open - 1) == ":" || v + 1 == m.open));
    if !adjacent_cue && is_name_or_title(r, m, close, words, para_first) {
        return None;
    }
    let prev = (m.open > para_first).then(|| m.open - 1);
    let opens_sentence =
        prev.map_or(true, |p| r.is_terminal(p) || matches!(r.text(p), ":" | "—" | "–" | "-" | "«" | "“"));
    let kind = if opens_sentence || m.multi_paragraph { QuoteKind::Direct } else { QuoteKind::Partial };
    let (cue, source) = if kind == QuoteKind::Partial {
        partial_source(r, m, close, para_first)
    } else if let Some((v, found)) = after {
        (Some(v), found.map_or(Source::Nobody, Source::Found))
    } else if let Some((v, found)) = before {
        (Some(v), found.map_or(Source::MainClause, Source::Found))
    } else if prev.is_some_and(|p| r.text(p) == ":") {
        (None, colon_source(r, m.open - 1, para_first).map_or(Source::Previous { reach: 1 }, Source::Found))
    } else {
        (None, Source::Previous { reach: 1 })
    };
    let cue = cue.map(|v| (v, v + r.cue[v].map_or(1, |f| f.len)));
    Some(Item { kind, start: m.start, end: m.end, cue, source, anchor: m.open, speaker: None })
}

/// A cue right after a closing mark: "», a déclaré X", "” he said", "» indique le communiqué".
fn cue_after(r: &Reader, close: usize) -> Option<(usize, Option<Found>)> {
    let n = r.len();
    let mut k = close + 1;
    // "« Rien n'est signé. » Interrogé, le maire…": a quote closing its
    // sentence before a capital has no cue after it.
    if close > 0 && r.is_terminal(close - 1) && k < n && r.is_cap(k) {
        return None;
    }
    if k < n && matches!(r.text(k), "," | "-" | "—" | "–") {
        k += 1;
    }
    // The cue must be in the paragraph of the quote.
    let para_of = |i: usize| r.doc.sentences.get(*r.sentence.get(i)?).map(|s| s.paragraph);
    if k >= n || para_of(k) != para_of(close.min(n - 1)) {
        return None;
    }
    let hi = window_end(r, k, 24);
    // Five words at most before the verb, or eight of a capitalised name and
    // titles: "Senate Majority Leader Chuck Schumer said".
    let mut reach = if (k..(k + 8).min(hi)).take_while(|&j| r.is_cap(j)).count() > 4 { 8 } else { 5 };
    // Seven after a lowercase determiner: "” a spokesman for the firm told CNN".
    if k < hi && matches!(r.class(k), Some(Class::Det(_) | Class::Indefinite)) && !r.is_cap(k) {
        reach = reach.max(7);
    }
    let mut v = k;
    while v < (k + reach).min(hi) {
        // An apposition between commas after the subject: "” Chuck Schumer,
        // D-N.Y., said", "” Ana Ruiz, a spokeswoman for the firm, said".
        if r.is(v, ",") && v > k {
            if let Some(c) = apposition_close(r, v, hi) {
                reach += c - v;
                v = c + 1;
                continue;
            }
        }
        // An age between commas: "” Ms. Medeiros, 54, said".
        if r.is(v, ",") && v + 2 < hi && r.doc.tokens[v + 1].kind == TokenKind::Number && r.is(v + 2, ",") {
            v += 3;
            reach += 3;
            continue;
        }
        if r.is_punct(v) && !r.is_title_dot(v) && !r.in_age_epithet(v) {
            break;
        }
        if r.cue[v].is_some() {
            // Words between the quote and the verb are its subject ("” Lopez told CNN");
            // otherwise the subject follows the verb ("», a déclaré X").
            let found = if v > k {
                // All the words between, when no shorter phrase reads as the
                // subject: "” a spokesman for the firm told CNN".
                let between = || {
                    let mut e = v;
                    while e > k && matches!(r.class(e - 1), Some(Class::Aux | Class::Adverb)) {
                        e -= 1;
                    }
                    (e > k && r.has_head(k, e)).then_some(Found::Phrase { from: k, to: e })
                };
                r.clitic_of(v).or_else(|| r.subject_before(v, k)).or_else(between).or_else(|| r.subject_after(v, hi).0)
            } else {
                r.clitic_of(v).or_else(|| r.subject_after(v, hi).0).or_else(|| r.subject_before(v, k))
            };
            return Some((v, found));
        }
        v += 1;
    }
    None
}

/// The comma closing the appositions opened by the comma at `open`, when a
/// cue comes right after it: "Chuck Schumer, D-N.Y., said", "Rosa Quispe,
/// 61, a shopkeeper, said". Fifteen tokens at most, with no cue and no
/// punctuation but commas among them.
fn apposition_close(r: &Reader, open: usize, hi: usize) -> Option<usize> {
    for j in open + 1..hi.min(open + 16) {
        if r.cue[j].is_some() {
            return None;
        }
        if !r.is_punct(j) || r.is_title_dot(j) {
            continue;
        }
        if !r.is(j, ",") || j == open + 1 {
            return None;
        }
        if j + 1 < hi && r.cue[j + 1].is_some() {
            return Some(j);
        }
    }
    None
}

/// The last cue before an opening mark within its sentence: "X a déclaré : «".
fn cue_before(r: &Reader, open: usize, para_first: usize) -> Option<(usize, Option<Found>)> {
    let lo = window_start(r, open, para_first, 40);
    (lo..open).rev().find(|&v| r.cue[v].is_some() && !r.quoted[v]).map(|v| {
        let found = r.clitic_of(v).or_else(|| r.subject_before(v, lo)).or_else(|| r.subject_after(v, open).0);
        (v, found)
    })
}

/// The first token of the clause holding `at`: after the last sentence end,
/// closing quote mark or paragraph start, at most `max` tokens back.
fn window_start(r: &Reader, at: usize, para_first: usize, max: usize) -> usize {
    let floor = para_first.max(at.saturating_sub(max));
    let mut lo = at;
    while lo > floor {
        let p = lo - 1;
        // A closing single or straight quote after a sentence end ends a clause too: "‘…bullied.’ Labour".
        let closes_sentence = p > 0 && matches!(r.text(p), "’" | "'" | "\"") && r.is_terminal(p - 1);
        if r.is_terminal(p) && !r.quoted[p] || matches!(r.text(p), "»" | "”") || closes_sentence {
            break;
        }
        lo = p;
    }
    lo
}

/// One past the last token of the clause starting at `from`, at most `max` tokens on.
fn window_end(r: &Reader, from: usize, max: usize) -> usize {
    let n = r.len();
    let para = r.doc.sentences.get(r.sentence.get(from).copied().unwrap_or(usize::MAX)).map(|s| s.paragraph);
    let mut hi = from;
    while hi < n && hi < from + max {
        if r.is_terminal(hi) || matches!(r.text(hi), "«" | "“" | ";") {
            break;
        }
        if para.is_some() && r.doc.sentences.get(r.sentence[hi]).map(|s| s.paragraph) != para {
            break;
        }
        hi += 1;
    }
    hi
}

/// The speaker of a quote introduced by a colon with no cue: a document named
/// just before ("a lu sa déposition :"), else the clause's subject.
fn colon_source(r: &Reader, colon: usize, para_first: usize) -> Option<Found> {
    let lo = window_start(r, colon, para_first, 40);
    if let Some(k) = (lo..colon).rev().take(6).find(|&k| matches!(r.noun(k), Some((_, NounClass::Doc)))) {
        let from =
            if k > lo && matches!(r.class(k - 1), Some(Class::Det(_) | Class::Demonstrative(_))) { k - 1 } else { k };
        return Some(Found::Phrase { from, to: k + 1 });
    }
    sentence_subject(r, lo, colon)
}

/// The words that a capital at a sentence's start does not make a subject.
const NOT_SUBJECTS: WordLists = WordLists::union(&[word_lists::ENT_STOPWORDS, word_lists::NUM_WORDS]);

/// A proper name opening the clause `lo..hi`, after any adjunct ("Avertie par
/// des voisines, Juliette Carpezat…"): the subject of a sentence with no cue.
fn sentence_subject(r: &Reader, lo: usize, hi: usize) -> Option<Found> {
    let mut k = lo;
    for _ in 0..3 {
        // Names inside a quote are somebody's words, not the sentence's subject.
        if k >= hi || r.quoted[k] {
            return None;
        }
        let mut j = k;
        // "Sen. John Thune": a title's dot stays in the name.
        while j < hi && (r.is_name_word(j) || (j > k && (matches!(r.class(j), Some(Class::Of)) || r.is_title_dot(j)))) {
            j += 1;
        }
        while j > k && matches!(r.class(j - 1), Some(Class::Of)) {
            j -= 1;
        }
        // "Salame's lawyers had sought…": a possessive name and the noun it owns.
        if j > k && j + 1 < hi && matches!(r.text(j), "'s" | "’s") && r.noun(j + 1).is_some() {
            return Some(Found::Phrase { from: k, to: j + 2 });
        }
        if j == k {
            if let Some(f) = r.described_subject(k, hi) {
                return Some(f);
            }
            // "La RATP prévoit un trafic « très perturbé »": a determiner and a name.
            if matches!(r.class(k), Some(Class::Det(_))) && k + 1 < hi && r.is_name_word(k + 1) && !r.quoted[k + 1] {
                let mut j = k + 1;
                while j < hi && r.is_name_word(j) {
                    j += 1;
                }
                return Some(Found::Phrase { from: k, to: j });
            }
        }
        let sentence_first = r.doc.sentences.get(r.sentence[k]).is_some_and(|s| s.tokens.start == k);
        // A lone capital at the start of a sentence is a name only if a verb-like word or a comma follows.
        // In English a verb follows its subject: "Critics have called…",
        // "Berg declined…"; not "Each party…", "Ninety were…".
        let verb_like = |j: usize| {
            r.doc.lang == Lang::En
                && !r.lists[k].any_of(NOT_SUBJECTS)
                && (matches!(r.class(j), Some(Class::Aux)) || r.cue[j].is_some() || r.is_plain_word(j))
        };
        let long_enough = j > k + 1
            || !sentence_first
            || r.named[k]
            || (j < r.len() && (matches!(r.text(j), "," | ":") || r.is_quote_mark(j) || verb_like(j)));
        if j > k && long_enough {
            return Some(Found::Phrase { from: k, to: j });
        }
        // Skip a short leading adjunct up to its comma ("Le 25 novembre,", "Avertie par
        // des voisines,"); a clause with a verb ("Cette thèse est confirmée par…,") ends the search.
        let comma = (k..hi.min(k + 7)).find(|&c| r.text(c) == ",")?;
        if (k..comma).any(|c| r.cue[c].is_some() || matches!(r.class(c), Some(Class::Aux | Class::Relative))) {
            return None;
        }
        k = comma + 1;
    }
    None
}

/// Whether a quoted stretch names something rather than quoting anyone.
fn is_name_or_title(r: &Reader, m: &Marked, close: usize, words: usize, para_first: usize) -> bool {
    let doc = r.doc;
    let n = r.len();
    // "le « low profile » (profil bas)": a term and its gloss.
    if close + 1 < n && r.text(close + 1) == "(" {
        return true;
    }
    // "baptisé «Orechnik»", "dubbed “Thumper”"; but "called it “deeply flawed”" is a quote.
    let first_cap = doc.text[m.start..m.end].chars().next().is_some_and(char::is_uppercase);
    if m.open > 0 && matches!(r.class(m.open - 1), Some(Class::Naming)) && (first_cap || words == 1) {
        return true;
    }
    // Inside a sentence, a short capitalised quote with no sentence punctuation is
    // a title or a name («Le Figaro», « La Vie de château »): quoted words are lowercase.
    let mid_sentence = m.open > para_first && {
        let p = m.open - 1;
        !(r.is_terminal(p) || matches!(r.text(p), ":" | "—" | "–" | "-" | "«" | "“"))
    };
    let content = doc.text[m.start..m.end].trim_end_matches(|c: char| c == ',' || c.is_whitespace());
    let punctuated = content.ends_with(['.', '!', '?', '…']);
    if mid_sentence && first_cap && words <= 6 && !punctuated {
        return true;
    }
    // A short quoted line standing alone is a heading.
    let para = &doc.paragraphs[m.paragraph];
    let alone = m.open == para_first
        && doc
            .tokens
            .get(close + 1)
            .map_or(true, |t| t.start >= para.end || r.is_terminal(close + 1) && t.end >= para.end);
    if alone && words <= 4 && !m.multi_paragraph {
        return true;
    }
    // Title case: every word capitalised but small linking words.
    let content: Vec<usize> = (m.open + 1..close.min(n)).filter(|&k| doc.tokens[k].kind != TokenKind::Punct).collect();
    if content.len() > 6 {
        return false;
    }
    let first_cap = content.first().is_some_and(|&k| r.is_cap(k) || doc.tokens[k].kind == TokenKind::Number);
    let all_caps = content.iter().all(|&k| {
        r.is_cap(k)
            || doc.tokens[k].kind == TokenKind::Number
            || matches!(
                r.class(k),
                Some(Class::Of | Class::Det(_) | Class::Prep | Class::Conjunction | Class::Indefinite)
            )
            || r.text(k).chars().any(|c| c.is_ascii_digit())
    });
    first_cap && all_caps
}

/// How many tokens before a partial quote its labelling verb may stand
/// ("called the government's response “…”").
const LABEL_REACH: usize = 8;

/// The speaker source of a partial quote: the words of a question, the
/// reported speech holding it, a cue in its sentence, an agent ("by its
/// creators"), the sentence's named subject, or the last speaker.
fn partial_source(r: &Reader, m: &Marked, close: usize, para_first: usize) -> (Option<usize>, Source) {
    let lo = window_start(r, m.open, para_first, 40);
    // "interrogé sur l'«efficacité»", "asked about the “deal”": the question's words.
    if (m.open.saturating_sub(4).max(lo)..m.open).any(|k| matches!(r.class(k), Some(Class::Question))) {
        return (None, Source::Nobody);
    }
    // "Called a “violent rhythm game” by its creators".
    let n = r.len();
    let by = close + 1;
    if by + 1 < n && (r.is(by, "by") || r.is(by, "par")) {
        let hi = window_end(r, by + 1, 10);
        let mut to = by + 1;
        while to < hi && !r.is_punct(to) {
            to += 1;
        }
        if to > by + 1 && (r.has_head(by + 1, to) || matches!(r.class(by + 1), Some(Class::Det(_)))) {
            return (None, Source::Found(Found::Phrase { from: by + 1, to }));
        }
    }
    // "Jan Novak called the plan “a disgrace”", "citing what it called “…”":
    // the words are the labelling verb's subject's. Not after a determiner:
    // "the so-called “experts”", "the term “genocide”".
    let label = (m.open.saturating_sub(LABEL_REACH).max(lo)..m.open).rev().find(|&v| {
        matches!(r.class(v), Some(Class::Naming))
            && !r.quoted[v]
            && !(v > lo && matches!(r.class(v - 1), Some(Class::Det(_) | Class::Indefinite | Class::Demonstrative(_))))
    });
    let label = label.and_then(|v| Some((v, r.subject_before(v, lo)?)));
    let enclosing = (label.map_or(lo, |(v, _)| v)..m.open).rev().find(|&v| r.cue[v].is_some() && !r.quoted[v]);
    if let Some(v) = enclosing {
        return (Some(v), Source::Enclosing);
    }
    if let Some((v, f)) = label {
        return (Some(v), Source::Found(f));
    }
    // "was “deeply troubling,” according to a statement from Amnesty", "«…», selon le parquet".
    let mut s = close + 1;
    if s < n && r.is(s, ",") {
        s += 1;
    }
    if let Some(f) = (s < n && !r.quoted[s]).then(|| source_noun_phrase(r, s)).flatten() {
        return (None, Source::Found(f));
    }
    // "Pour Jean Dupont, président de l'association, « c'est une victoire »".
    if let Some(f) = (lo < m.open && !r.quoted[lo]).then(|| source_noun_phrase(r, lo)).flatten() {
        return (None, Source::Found(f));
    }
    let hi = window_end(r, close + 1, 20);
    if let Some(v) = (close + 1..hi).find(|&v| r.cue[v].is_some() && !r.quoted[v]) {
        // "called the vote “a missed opportunity” and said Republicans would…":
        // a coordinated verb shares the sentence's subject and has none after it.
        if coordinated(r, v, close + 1) {
            return (Some(v), Source::MainClause);
        }
        let found = r.clitic_of(v).or_else(|| r.subject_after(v, hi).0).or_else(|| r.subject_before(v, close + 1));
        return (Some(v), found.map_or(Source::Nobody, Source::Found));
    }
    if let Some(f) = sentence_subject(r, lo, m.open) {
        return (None, Source::Found(f));
    }
    (None, Source::Previous { reach: 3 })
}

/// The end of the noun phrase starting at `np` after a source word: up to
/// punctuation or a clause word, ten tokens at most. None when it names nobody.
fn source_np_end(r: &Reader, after_pour: bool, np: usize, hi: usize) -> Option<usize> {
    let mut to = np;
    while to < hi
        && to - np < 10
        && !r.is_punct(to)
        && !matches!(r.class(to), Some(Class::Complementiser | Class::Relative | Class::Conjunction))
    {
        to += 1;
    }
    // After "pour" a determiner is not enough: "Pour la première fois,".
    let determined = matches!(r.class(np), Some(Class::Det(_) | Class::Demonstrative(_))) && !after_pour;
    if to == np || !(determined || r.has_head(np, to)) {
        return None;
    }
    // "selon la tradition", "selon les cas": a rule or a measure, no source.
    let head = (np..to).find(|&j| !matches!(r.class(j), Some(Class::Det(_) | Class::Demonstrative(_))));
    if head.is_some_and(|j| matches!(r.class(j), Some(Class::NonSource))) {
        return None;
    }
    Some(to)
}

/// The phrase after a source word at `s` ("according to", "selon", and "pour"
/// in French); the name apposed to its title, if any ("Pour le maire, Paul Roux,").
fn source_noun_phrase(r: &Reader, s: usize) -> Option<Found> {
    let after_pour = r.doc.lang == Lang::Fr && r.is(s, "pour");
    if !matches!(r.class(s), Some(Class::Source)) && !after_pour {
        return None;
    }
    let np = if r.is(s + 1, "to") { s + 2 } else { s + 1 };
    let hi = window_end(r, np, 10);
    let to = source_np_end(r, after_pour, np, hi)?;
    Some(r.apposed_name(np, to, hi).unwrap_or(Found::Phrase { from: np, to }))
}

// ---------------------------------------------------------------------------
// French dialogue: a paragraph opened by a dash is a line of speech.

#[inline(never)] // a function of its own for the wasm tier-up: DESIGN.md
fn dialogue_items(r: &Reader) -> Vec<Item> {
    let doc = r.doc;
    if doc.lang != Lang::Fr {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut t = 0;
    for para in &doc.paragraphs {
        while t < r.len() && doc.tokens[t].start < para.start {
            t += 1;
        }
        let first = t;
        let mut last = t;
        while last < r.len() && doc.tokens[last].end <= para.end {
            last += 1;
        }
        if first + 1 >= last || !matches!(r.text(first), "—" | "–") || (first..last).any(|k| r.quoted[k]) {
            continue;
        }
        // The line ends at an incise ", dit-il" / ", répondit Marie".
        let mut end_tok = last;
        let mut cue = None;
        for k in first + 1..last {
            // ", répondit Marie" ends the line before its comma; "? demanda Paul" after its mark.
            let mark = r.text(k);
            if matches!(mark, "," | "?" | "!") && k + 1 < last && r.cue[k + 1].is_some() {
                end_tok = if mark == "," { k } else { k + 1 };
                cue = Some(k + 1);
                break;
            }
        }
        let Some(v) = cue else {
            out.push(Item {
                kind: QuoteKind::Direct,
                start: doc.tokens[first + 1].start,
                end: doc.tokens[last - 1].end,
                cue: None,
                source: Source::Previous { reach: 0 },
                anchor: first,
                speaker: None,
            });
            continue;
        };
        let found = r.clitic_of(v).or_else(|| r.subject_after(v, last).0);
        let mut end = doc.tokens[end_tok - 1].end;
        if end <= doc.tokens[first + 1].start {
            continue;
        }
        end = end.max(doc.tokens[first + 1].end);
        out.push(Item {
            kind: QuoteKind::Direct,
            start: doc.tokens[first + 1].start,
            end,
            cue: Some((v, v + r.cue[v].map_or(1, |f| f.len))),
            source: found.map_or(Source::Nobody, Source::Found),
            anchor: first,
            speaker: None,
        });
    }
    out
}

// ---------------------------------------------------------------------------
// Reported speech

#[inline(never)] // a function of its own for the wasm tier-up: DESIGN.md
fn indirect_items(r: &Reader) -> Vec<Item> {
    let mut out = Vec::new();
    let n = r.len();
    for v in 0..n {
        if r.quoted[v] {
            continue;
        }
        // A reported clause never runs further than MAX_CLAUSE tokens from its
        // cue: this keeps a sentence-long flood of cues linear.
        let (lo, hi) = r.sentence_bounds(v);
        let (lo, hi) = (lo.max(v.saturating_sub(MAX_CLAUSE)), hi.min(v + MAX_CLAUSE));
        if let Some(form) = r.cue[v] {
            let cue = Some((v, v + form.len));
            // "n'a pas dit que…", "has not said whether…": nobody's words.
            if r.is_negated(v) {
                continue;
            }
            if let Some(start) = r.complement_start(v, hi) {
                // A participle reports for the main clause only after a comma
                // or "en": ", précisant que", "en ajoutant que", ", adding that".
                let attached = v == lo || r.text(v - 1) == "," || r.is(v - 1, "en");
                // "…sought 18 months, arguing that…": what stands before an
                // attached participle ends the main clause; it is no subject.
                let before = || if form.participle && attached { None } else { r.subject_before(v, lo) };
                let source = match r.clitic_of(v).or_else(before) {
                    Some(f) => Source::Found(f),
                    None if form.participle && attached => Source::MainClause,
                    None if form.participle => continue,
                    // "X called the bill a disgrace and said it…": the verbs share
                    // the sentence's subject.
                    None if coordinated(r, v, lo) => Source::MainClause,
                    None => match r.subject_after(v, start).0 {
                        Some(f) => Source::Found(f),
                        None => continue,
                    },
                };
                // "said he thought that…": the inner verb's clause is the content.
                let start = (start..(start + 3).min(hi))
                    .find(|&k| r.cue[k].is_some() && k > start)
                    .and_then(|k| r.complement_start(k, hi).filter(|&s| r.class(s - 1) == Some(Class::Complementiser)))
                    .unwrap_or(start);
                for (a, b) in clause_pieces(r, start, hi) {
                    push_clause(r, &mut out, a, b, cue, source, v);
                }
                continue;
            }
            if let Some((a, b, source)) = fronted_or_incise(r, v, lo, hi) {
                push_clause(r, &mut out, a, b, cue, source, v);
            }
            continue;
        }
        if let Some((cue, a, b, found)) = source_phrase(r, v, lo, hi) {
            push_clause(r, &mut out, a, b, Some(cue), Source::Found(found), v);
        }
    }
    out
}

/// Whether the verb at `v` follows a coordinator, past auxiliaries and
/// adverbs: "et a déclaré", "and later said".
fn coordinated(r: &Reader, v: usize, lo: usize) -> bool {
    let mut p = v;
    while p > lo && v - p < 4 && matches!(r.class(p - 1), Some(Class::Aux | Class::Adverb)) {
        p -= 1;
    }
    p > lo && r.is_coordinator(p - 1)
}

/// Splits a clause at "et que", "and that", ", and he noted": each piece is reported speech.
fn clause_pieces(r: &Reader, start: usize, hi: usize) -> Vec<(usize, usize)> {
    let mut pieces = Vec::new();
    let mut from = start;
    let mut k = start;
    while k < hi {
        if !r.quoted[k]
            && (r.is_terminal(k) || r.text(k) == ";" || r.text(k) == ":" && k + 1 < hi && r.is_quote_mark(k + 1))
        {
            break;
        }
        if matches!(r.class(k), Some(Class::Conjunction)) && matches!(r.class(k + 1), Some(Class::Complementiser)) {
            pieces.push((from, k));
            from = k + 2;
            k += 2;
            continue;
        }
        if r.text(k) == ","
            && matches!(r.class(k + 1), Some(Class::Conjunction))
            && (k + 2..(k + 6).min(hi)).any(|j| r.cue[j].is_some())
        {
            break;
        }
        // ", d'après l'agence", ", according to": the source, not the content.
        if r.text(k) == ","
            && (matches!(r.class(k + 1), Some(Class::Source)) || r.is(k + 1, "d'") && r.is(k + 2, "après"))
        {
            break;
        }
        k += 1;
    }
    pieces.push((from, k));
    pieces
}

fn push_clause(
    r: &Reader,
    out: &mut Vec<Item>,
    a: usize,
    b: usize,
    cue: Option<(usize, usize)>,
    source: Source,
    v: usize,
) {
    let mut b = b;
    while b > a && (matches!(r.text(b - 1), "," | "-" | "—" | "–" | ":") || r.is_terminal(b - 1) && !r.quoted[b - 1])
    {
        b -= 1;
    }
    if b <= a {
        return;
    }
    let words = (a..b).filter(|&k| !r.is_punct(k)).count();
    if words < 2 {
        return;
    }
    // A clause that is only a quote is that quote, not reported speech.
    let own_words = (a..b).filter(|&k| !r.quoted[k] && !r.is_punct(k)).count();
    if own_words < 2 {
        return;
    }
    let doc = r.doc;
    out.push(Item {
        kind: QuoteKind::Indirect,
        start: doc.tokens[a].start,
        end: doc.tokens[b - 1].end,
        cue,
        source,
        anchor: v,
        speaker: None,
    });
}

/// "La situation est grave, a déclaré le ministre." and "Des déclarations qui,
/// a souligné l'agence, confirment…": the reported clause around a cue that
/// takes no complement.
fn fronted_or_incise(r: &Reader, v: usize, lo: usize, hi: usize) -> Option<(usize, usize, Source)> {
    let len = r.cue[v].map_or(1, |f| f.len);
    // The subject after the verb (inversion) or before it ("officials said").
    let (found, subj_end, before_verb) = match r.clitic_of(v) {
        // "…, a-t-on appris auprès des pompiers.": the source after the cue.
        Some(Found::Pronoun { tok, .. }) if r.cue[v].is_some_and(|f| f.impersonal) => {
            let (after, before) = if tok > v { (tok + 1, v) } else { (v + len, tok) };
            match r.source_after_impersonal(after, hi) {
                Some(f @ Found::Phrase { to, .. }) => (f, to, before),
                _ => (Found::Pronoun { tok, gender: Gender::Unknown }, after, before),
            }
        }
        // "…, a-t-il précisé.": the clitic before the verb, after its auxiliary.
        Some(f @ Found::Pronoun { tok, .. }) if tok < v => (f, v + len, tok),
        Some(f) => (f, v + len + 1, v),
        None => match r.subject_after(v, hi).0 {
            Some(f @ Found::Phrase { to, .. }) => (f, to, v),
            _ => match r.subject_before(v, lo) {
                Some(f @ Found::Phrase { from, .. }) => (f, v + len, from),
                Some(f @ Found::Pronoun { tok, .. }) => (f, v + len, tok),
                _ => return None,
            },
        },
    };
    // Skip the auxiliary and adverbs before the verb ("a souligné").
    let mut pre = before_verb;
    while pre > lo && matches!(r.class(pre - 1), Some(Class::Aux | Class::Adverb)) {
        pre -= 1;
    }
    // And the adverbs after the subject ("said late Thursday").
    let mut post = subj_end;
    loop {
        if post < hi && matches!(r.class(post), Some(Class::Adverb)) {
            post += 1;
        } else if post + 1 < hi
            && matches!(r.class(post), Some(Class::Prep))
            && matches!(r.class(post + 1), Some(Class::Adverb))
        {
            // "on Monday", "sur place".
            post += 2;
        } else {
            break;
        }
    }
    // The subject phrase may have dropped a leading adjective ("regional
    // governor Oleh Kiper"): the comma can stand two words before it.
    let subject_first = matches!(found, Found::Phrase { from, .. } if from < v);
    if let Some(p) = (pre.saturating_sub(2).max(lo + 1)..pre).find(|&p| r.text(p - 1) == ",") {
        let plain = |k: usize| {
            r.doc.tokens[k].kind == TokenKind::Word && r.class(k).is_none() && r.cue[k].is_none() && !r.is_cap(k)
        };
        if subject_first && (p..pre).all(plain) {
            pre = p;
        }
    }
    let comma_before = pre > lo && r.text(pre - 1) == ",";
    // After a quote, the cue is the quote's own ("«…», explique X, bénévole…").
    let after_quote = pre > lo + 1 && r.is_quote_mark(pre - 2);
    // Incise: ", a souligné l'agence TASS, confirment…", ", he said, …"; a
    // subject before the verb ("X, chef…, l'a rappelé, hier, …") is no incise.
    let inverted = match found {
        Found::Phrase { from, .. } => from > v,
        Found::Pronoun { .. } => true,
        Found::Relative { .. } => false,
    };
    // ", a annoncé la SNCF, qui prévoit…": a relative clause after the subject
    // describes it; the report is the clause before.
    let relative_after = post + 1 < hi && matches!(r.class(post + 1), Some(Class::Relative));
    // "Me Claire Dubois, a plaidé la clémence, rappelant que…": a participle
    // after the phrase goes on from the verb; the phrase was its object.
    let participle_after = post + 1 < hi && r.cue[post + 1].is_some_and(|f| f.participle);
    // "…, a annoncé le ministre, Gérald Darmanin, lors d'un déplacement": a
    // prepositional phrase after the subject is the cue's own adjunct; an
    // incise's clause goes on with its verb.
    let adjunct_after = post + 1 < hi && matches!(r.class(post + 1), Some(Class::Prep));
    if comma_before
        && inverted
        && !after_quote
        && !relative_after
        && !participle_after
        && !adjunct_after
        && post < hi
        && r.text(post) == ","
        && (post + 1..hi).filter(|&k| !r.is_punct(k)).count() >= 3
    {
        return Some((post + 1, hi, Source::Found(found)));
    }
    // Fronted: the clause before, then the cue at the end of the sentence, or
    // of its main clause: "…, officials said, as rivers burst their banks",
    // "…, officials said, adding that…".
    let links = |k: usize| {
        k < hi
            && (matches!(r.class(k), Some(Class::Conjunction | Class::Prep | Class::Subordinator))
                || r.cue[k].is_some_and(|f| f.participle)
                || r.doc.lang == Lang::En && r.low[k].ends_with("ing") && !r.is_cap(k))
    };
    // "…, Thune said: “I'm not…”": a colon before a quote gives the cue its own words.
    let at_end = post >= hi
        || r.is_terminal(post)
        || r.text(post) == ":" && !(post + 1 < r.len() && r.is_quote_mark(post + 1))
        || r.text(post) == "," && (inverted || links(post + 1))
        || short_tail(r, post, v, hi);
    // "Le directeur, Jean Martin, estime le préjudice à…": a subject before
    // the verb makes the phrase after it an object, and the stretch before no report.
    // Unless a verb comes before that phrase: then it is an apposition inside
    // the reported clause ("…ont été tuées à El-Facher, la capitale du
    // Darfour, a indiqué une source médicale").
    if at_end && inverted && comma_before {
        if let Some(Found::Phrase { from, .. }) = r.subject_before(v, lo) {
            let clause_before =
                (lo..from).any(|k| r.cue[k].is_some() || matches!(r.class(k), Some(Class::Aux | Class::Verb)));
            if !clause_before {
                return None;
            }
        }
    }
    if at_end {
        let end = if comma_before { pre - 1 } else { pre };
        // An inverted cue without a comma ("…de rénovation confirme André
        // Kaufmann") is French, in the present, with a named subject after it.
        let present = r.low[v].ends_with('e') || r.low[v].ends_with("ent");
        let named_after = r.doc.lang == Lang::Fr && present && matches!(found, Found::Phrase { from, .. } if from > v);
        if (comma_before || named_after) && end > lo + 3 {
            // "Un mufti… - La fonction de…, a-t-on annoncé": no dash opens the clause.
            let start = after_dateline(r, lo, end);
            let start = if matches!(r.text(start), "-" | "—" | "–") { start + 1 } else { start };
            // A quote that ends the clause has the cue to itself ("«…», a dit
            // X"), unless the clause's own words lead up to it: "Le gouvernement
            // devrait agir « dans les prochains jours », a assuré X".
            // The quote runs on from a word, not from a colon, and the subject
            // after the cue is someone: ", a lancé des avions" is no report.
            let led_up = || {
                // The opening mark: before the quoted words, past the closing one.
                let open = (start..end - 1).rev().find(|&k| !r.quoted[k]).unwrap_or(start);
                let own_words = (start..open).filter(|&k| !r.is_punct(k)).count();
                let someone = match found {
                    Found::Phrase { from, to } => (from..to).any(|k| r.is_name_word(k) || r.noun(k).is_some()),
                    Found::Pronoun { .. } | Found::Relative { .. } => true,
                };
                own_words >= 3 && open > start && !r.is_punct(open - 1) && someone
            };
            if !r.is_quote_mark(end - 1) || led_up() {
                return Some((start, end, Source::Found(found)));
            }
        }
    }
    None
}

/// Past an apposition that describes a source and ends at a comma: "Selon Jean
/// Dupont, porte-parole de la préfecture, les routes…", "According to John
/// Smith, a spokesman for the city, …". An apposition opens with a role noun,
/// bare or after a determiner, and has no verb; "la situation, déjà tendue,"
/// opens with no role noun and stays in the clause.
fn apposition_end(r: &Reader, from: usize, hi: usize) -> usize {
    let head = if matches!(r.class(from), Some(Class::Det(_) | Class::Indefinite)) { from + 1 } else { from };
    if head >= hi || !matches!(r.noun(head), Some((_, NounClass::Role))) {
        return from;
    }
    let Some(comma) = (head..hi.min(head + 12)).find(|&j| r.text(j) == ",") else { return from };
    let verbless = (from..comma)
        .all(|j| r.cue[j].is_none() && !matches!(r.class(j), Some(Class::Aux | Class::Verb | Class::Relative)));
    // "le porte-parole, qui était là, a menti": the noun is the clause's subject.
    let subject_goes_on = comma + 1 < hi
        && (r.cue[comma + 1].is_some() || matches!(r.class(comma + 1), Some(Class::Relative | Class::Aux)));
    if verbless && !subject_goes_on && (comma + 1..hi).filter(|&j| !r.is_punct(j)).count() >= 3 {
        comma + 1
    } else {
        from
    }
}

/// Whether only a few words, and no cue, run from `from` to the end of the
/// sentence of the cue `v`: "said in a statement.", "told reporters on Tuesday."
/// Ten after a preposition: "dans un communiqué publié sur son site internet".
fn short_tail(r: &Reader, from: usize, v: usize, hi: usize) -> bool {
    let most = if from < hi && matches!(r.class(from), Some(Class::Prep)) { 10 } else { 5 };
    let mut k = from;
    while k < hi && !r.is_terminal(k) {
        if r.is_punct(k) || r.cue[k].is_some() || k - from >= most {
            return false;
        }
        k += 1;
    }
    k < hi || hi == r.sentence_bounds(v).1
}

/// Where a clause starts past the news dateline that may open it: "LONDON — ",
/// "PARIS (AFP) - ". The place and the agency head the dispatch; nobody says them.
/// A dateline opens a paragraph: elsewhere "NATO - the alliance - …" is the clause's.
fn after_dateline(r: &Reader, lo: usize, hi: usize) -> usize {
    let opens_paragraph =
        r.doc.tokens.get(lo).is_some_and(|t| r.doc.paragraphs.binary_search_by_key(&t.start, |p| p.start).is_ok());
    if !opens_paragraph {
        return lo;
    }
    let caps = |k: usize| {
        let w = r.text(k);
        w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase() || c == '-')
    };
    let mut k = lo;
    while k < hi && k - lo < 4 && caps(k) {
        k += 1;
    }
    if k == lo {
        return lo;
    }
    // "LIMA, Peru (AP) —", "NEW YORK, Nov 20 (Reuters) -": a region or a
    // date after the place.
    if k < hi && r.text(k) == "," {
        let mut j = k + 1;
        while j < hi && j - k <= 4 && (r.is_cap(j) || r.is_title_dot(j) || r.doc.tokens[j].kind == TokenKind::Number) {
            j += 1;
        }
        if j > k + 1 && j < hi && matches!(r.text(j), "(" | "—" | "–" | "-") {
            k = j;
        }
    }
    if k < hi && r.text(k) == "(" {
        match (k + 1..hi.min(k + 6)).find(|&j| r.text(j) == ")") {
            Some(close) => k = close + 1,
            None => return lo,
        }
    }
    if k + 1 < hi && matches!(r.text(k), "—" | "–" | "-") {
        k + 1
    } else {
        lo
    }
}

/// "selon X, …", "d'après lui, …", "according to X, …", "…, selon X." and a
/// sentence-opening "Pour X, …": the source and its clause.
fn source_phrase(r: &Reader, k: usize, lo: usize, hi: usize) -> Option<((usize, usize), usize, usize, Found)> {
    let (cue_start, np) = if matches!(r.class(k), Some(Class::Source)) {
        let np = if r.is(k + 1, "to") { k + 2 } else { k + 1 };
        (k, np)
    } else if r.is(k, "après") && k > 0 && r.is(k - 1, "d'") {
        (k - 1, k + 1)
    } else if r.doc.lang == Lang::Fr && k == lo && r.is(k, "pour") {
        (k, k + 1)
    } else {
        return None;
    };
    if np >= hi {
        return None;
    }
    let cue = (cue_start, np);
    let (found, to) = match r.class(np) {
        Some(Class::Pronoun(g)) => (Found::Pronoun { tok: np, gender: g }, np + 1),
        _ => {
            let to = source_np_end(r, r.is(k, "pour"), np, hi)?;
            (Found::Phrase { from: np, to }, to)
        }
    };
    // A sentence-opening "Pour X," gives a view only when a clause follows; a
    // bare noun phrase makes it a heading of a list: "Pour l'Espagne, Loyola
    // de Palacio, ancienne ministre…".
    let clause =
        |from: usize| (from..hi).any(|j| r.cue[j].is_some() || matches!(r.class(j), Some(Class::Aux | Class::Verb)));
    // "…un million de manifestants selon le ministère, 2,8 millions selon la
    // CGT": a source closing its clause reports what comes before, not the
    // clause after its comma. It opens one after a boundary or a linking word.
    let opens_clause = cue_start == lo
        || r.is_punct(cue_start - 1)
        || matches!(
            r.class(cue_start - 1),
            Some(Class::Conjunction | Class::Complementiser | Class::Adverb | Class::Relative | Class::Subordinator)
        );
    // "…ont été tués, d'après le ministère de la santé local, contrôlé par le
    // Hamas.": a verbless tail to the sentence's end describes the source.
    let tail_end = (to + 1..hi).find(|&j| r.is_terminal(j)).unwrap_or(hi);
    let describes_source = cue_start > lo
        && to < hi
        && r.text(to) == ","
        && tail_end - to <= 9
        && (tail_end == hi || r.is_terminal(tail_end))
        && !clause(to + 1)
        && (to + 1..tail_end).all(|j| !r.is_punct(j));
    if opens_clause
        && !describes_source
        && to < hi
        && r.text(to) == ","
        && (to + 1..hi).filter(|&j| !r.is_punct(j)).count() >= 3
        && (!r.is(k, "pour") || clause(to + 1))
    {
        // "Selon le ministre de l'Intérieur, Gérald Darmanin, les forces…":
        // the name apposed to a title is the source, and no part of the clause.
        if let Some(Found::Phrase { from: a, to: b }) = r.apposed_name(np, to, hi) {
            if b + 1 < hi && r.text(b) == "," && (!r.is(k, "pour") || clause(b + 1)) {
                return Some((cue, b + 1, hi, Found::Phrase { from: a, to: b }));
            }
        }
        return Some((cue, apposition_end(r, to + 1, hi), hi, found));
    }
    let at_end = to >= hi || r.is_terminal(to) || describes_source;
    // "X a affirmé que…, d'après l'agence": the clause has its own cue; the source relays it.
    // Only a cue that introduces words counts: "la Russie a lancé 112 drones,
    // selon l'armée" reports the clause.
    let has_cue = (lo..cue_start).any(|j| {
        r.cue[j].is_some_and(|f| {
            let next = j + f.len;
            next >= cue_start
                || r.is_quote_mark(next)
                || matches!(r.text(next), ":" | ",")
                || matches!(r.class(next), Some(Class::Complementiser))
        }) && !r.quoted[j]
    });
    if at_end && !has_cue && cue_start > lo + 3 && r.text(cue_start - 1) == "," && !r.is(k, "pour") {
        return Some((cue, after_dateline(r, lo, cue_start - 1), cue_start - 1, found));
    }
    None
}

// ---------------------------------------------------------------------------
// Speaker resolution, in text order

#[inline(never)] // a function of its own for the wasm tier-up: DESIGN.md
fn resolve_all(r: &Reader, items: &mut [Item], entities: &EntityIndex) {
    // (byte offset, paragraph, sentence, speaker) of every resolved speaker so far.
    let mut history: Vec<(usize, usize, usize, Speaker)> = Vec::new();
    for i in 0..items.len() {
        let anchor = items[i].anchor;
        let sent = r.sentence[anchor.min(r.len() - 1)];
        let para = r.doc.sentences.get(sent).map_or(0, |s| s.paragraph);
        let pos = items[i].start;
        let speaker = match items[i].source {
            Source::Nobody => None,
            Source::Found(f) => resolve_found(r, f, pos, sent, &history, entities, anchor),
            // The speaker of an earlier quote in the sentence, else the
            // sentence's subject, else (a pronoun subject: "Il a visité… et a
            // déclaré") the speaker of the sentence before.
            Source::MainClause => {
                let recent = |reach: usize| {
                    history.iter().rev().take(HISTORY).find(|h| h.2 + reach >= sent && h.2 <= sent).map(|h| h.3.clone())
                };
                let lo = r.sentence_bounds(anchor).0;
                // "Il a visité le site et a déclaré…": a subject pronoun opening the sentence.
                let pronoun = || match r.class(lo) {
                    Some(Class::Pronoun(gender)) if r.doc.tokens[lo].kind != TokenKind::Clitic => {
                        Some(Found::Pronoun { tok: lo, gender })
                    }
                    _ => None,
                };
                recent(0)
                    .or_else(|| {
                        sentence_subject(r, lo, anchor)
                            .or_else(pronoun)
                            .and_then(|f| resolve_found(r, f, pos, sent, &history, entities, anchor))
                    })
                    .or_else(|| recent(1))
            }
            Source::Enclosing => {
                let enclosing =
                    items[..i].iter().rev().take(HISTORY).find(|o| {
                        o.kind == QuoteKind::Indirect && o.start <= items[i].start && items[i].end <= o.end + 3
                    });
                match enclosing {
                    Some(o) => o.speaker.clone(),
                    None => {
                        // The cue's own speaker.
                        let v = items[i].cue.map(|c| c.0);
                        v.and_then(|v| {
                            let (lo, _) = r.sentence_bounds(v);
                            r.clitic_of(v).or_else(|| r.subject_before(v, lo))
                        })
                        .and_then(|f| resolve_found(r, f, pos, sent, &history, entities, anchor))
                        .or_else(|| {
                            history
                                .iter()
                                .rev()
                                .take(HISTORY)
                                .find(|h| h.2.saturating_add(1) >= sent)
                                .map(|h| h.3.clone())
                        })
                    }
                }
            }
            Source::Previous { reach } => {
                // Quoted words inside a reported clause are its speaker's.
                let (start, end) = (items[i].start, items[i].end);
                let enclosing = items[..i]
                    .iter()
                    .rev()
                    .take(HISTORY)
                    .find(|o| o.kind == QuoteKind::Indirect && o.start <= start && end <= o.end + 3)
                    .map(|o| (o.cue, o.speaker.clone()));
                if let Some((cue, speaker)) = enclosing {
                    items[i].cue = items[i].cue.or(cue);
                    speaker
                } else {
                    // A floating quote continues the statement before it: same speaker, same cue.
                    let (speaker, cue) = previous_speaker(r, &items[..i], reach, pos, para).unzip();
                    if reach <= 1 {
                        items[i].cue = items[i].cue.or(cue.flatten());
                    }
                    speaker
                }
            }
        };
        if let Some(s) = &speaker {
            history.push((pos, para, sent, s.clone()));
        }
        let mut speaker = speaker;
        if let (Some(s), Some((v, _))) = (speaker.as_mut(), items[i].cue) {
            medium_after_cue(r, v, s);
        }
        items[i].speaker = speaker;
    }
}

/// The speaker of the latest quote (any quote when `reach` > 1), when no more
/// than `reach` substantive paragraphs separate it from paragraph `para`.
fn previous_speaker(
    r: &Reader,
    before: &[Item],
    reach: usize,
    pos: usize,
    para: usize,
) -> Option<(Speaker, Option<(usize, usize)>)> {
    let prev = before.iter().rev().take(HISTORY).find(|o| o.kind != QuoteKind::Indirect || reach > 1)?;
    let o_para = r.doc.sentences.get(r.sentence[prev.anchor.min(r.len() - 1)]).map_or(0, |s| s.paragraph);
    if pos.saturating_sub(prev.end) < RESOLVE_WINDOW && substantive_between(r, o_para, para) <= reach {
        prev.speaker.clone().map(|s| (s, prev.cue))
    } else {
        None
    }
}

/// The paragraphs of at least eight words between two paragraphs, counting the later one.
fn substantive_between(r: &Reader, from: usize, to: usize) -> usize {
    if to <= from {
        return 0;
    }
    let text = r.doc.text;
    r.doc.paragraphs[from + 1..=to.min(r.doc.paragraphs.len() - 1)]
        .iter()
        .filter(|p| text[p.start..p.end].split_whitespace().take(8).count() >= 8)
        .count()
        .max(1)
}

fn resolve_found(
    r: &Reader,
    f: Found,
    pos: usize,
    sent: usize,
    history: &[(usize, usize, usize, Speaker)],
    entities: &EntityIndex,
    anchor: usize,
) -> Option<Speaker> {
    let doc = r.doc;
    let recent = || history.iter().rev().take(HISTORY).filter(|h| pos.saturating_sub(h.0) < RESOLVE_WINDOW);
    match f {
        Found::Pronoun { tok, gender } => {
            if gender == Gender::Unknown {
                // "you", "I", "on": kept as written when it is a person the reader knows.
                return (doc.lang == Lang::En).then(|| Speaker {
                    name: r.text(tok).to_string(),
                    start: doc.tokens[tok].start,
                    end: doc.tokens[tok].end,
                    gender,
                    entity: None,
                    channel: None,
                    via: None,
                    named: false,
                });
            }
            // The named subject of the same sentence, before the pronoun.
            let (lo, _) = r.sentence_bounds(anchor);
            if let Some(Found::Phrase { from, to }) = sentence_subject(r, lo, tok.min(anchor)) {
                let s = phrase_speaker(r, from, to, entities);
                if gender.accepts(s.gender) {
                    return Some(s);
                }
            }
            // The nearest compatible earlier speaker, or named subject of the two sentences before.
            // Where an earlier speaker stands: its quote, or its own phrase
            // when that comes later ("…, selon l'armée de l'air").
            let mut best: Option<(usize, Speaker)> = recent()
                .find(|h| gender.accepts(h.3.gender) && personal(r, gender, &h.3, entities))
                .map(|h| (h.0.max(h.3.start), h.3.clone()));
            for earlier in sent.saturating_sub(2)..sent {
                let Some(s) = doc.sentences.get(earlier) else { continue };
                if let Some(Found::Phrase { from, to }) = sentence_subject(r, s.tokens.start, s.tokens.end) {
                    let subj = phrase_speaker(r, from, to, entities);
                    let at = doc.tokens[from].start;
                    if gender.accepts(subj.gender)
                        && personal(r, gender, &subj, entities)
                        && best.as_ref().map_or(true, |b| at > b.0)
                    {
                        best = Some((at, subj));
                    }
                }
            }
            if let Some((_, s)) = best {
                // A pronoun names the speaker, not the medium of an earlier statement.
                return Some(Speaker { channel: None, via: None, ..s });
            }
            entity_before(r, entities, doc.tokens[tok].start, gender, false)
        }
        Found::Relative { tok } => {
            if let Some(h) = history.iter().rev().take(HISTORY).find(|h| h.2 == sent) {
                return Some(h.3.clone());
            }
            let (lo, _) = r.sentence_bounds(tok);
            let k = if tok > lo && r.text(tok - 1) == "," { tok - 1 } else { tok };
            let antecedent = (k > lo).then(|| r.subject_before(k, lo)).flatten().and_then(|f| match f {
                Found::Phrase { .. } => resolve_found(r, f, pos, sent, history, entities, anchor),
                _ => None,
            });
            // An antecedent that names nobody ("the only finding that…") leaves the latest speaker.
            antecedent.or_else(|| recent().next().map(|h| h.3.clone()))
        }
        Found::Phrase { from, to } => {
            let mut s = phrase_speaker(r, from, to, entities);
            // "le communiqué du ministère": the document is the channel, its owner the speaker.
            // A document named inside a name is no channel: "l'Institut pour l'étude de la guerre".
            let inner_doc = |k: usize| r.inside_name[k] && matches!(r.noun(k), Some((_, NounClass::Doc)));
            let head = (from..to).find(|&k| r.noun(k).is_some() && !inner_doc(k));
            if let Some(h) = head {
                if matches!(r.noun(h), Some((_, NounClass::Doc))) {
                    s.channel = Some(r.text(h).to_string());
                    if h + 1 < to && matches!(r.class(h + 1), Some(Class::Of)) && r.has_head(h + 2, to) {
                        let owner = phrase_speaker(r, h + 1, to, entities);
                        let owner = resolve_anaphor(r, h + 1, to, owner, &mut recent());
                        s = Speaker { channel: s.channel, ..owner };
                    }
                } else if matches!(r.noun(h), Some((_, NounClass::Media)))
                    || (from..to).any(|k| matches!(r.noun(k), Some((_, NounClass::Media))))
                {
                    s.via = Some(s.name.clone());
                }
            }
            let mut s = resolve_anaphor(r, from, to, s, &mut recent());
            // "the judge said" after "District Judge Lewis Kaplan": the person last
            // named with that title.
            if !s.named && s.entity.is_none() {
                if let Some(p) = role_holder_before(r, entities, from, to, doc.tokens[from].start.min(pos)) {
                    s = Speaker { gender: s.gender, channel: s.channel, via: s.via, ..p };
                }
            }
            // "“…,” the Spaniard said", "a ajouté le sexagénaire": the person last named.
            if is_epithet(r, entities, from, to) {
                let at = doc.tokens[from].start.min(pos);
                if let Some(p) = entity_before(r, entities, at, Gender::Unknown, true) {
                    s = Speaker { gender: s.gender, channel: s.channel, via: s.via, ..p };
                }
            }
            // "cette habitante du quartier": the person the sentence is about.
            if !s.named && matches!(r.class(from), Some(Class::Demonstrative(_))) {
                let (lo, _) = r.sentence_bounds(anchor);
                if let Some(Found::Phrase { from: a, to: b }) = sentence_subject(r, lo, from) {
                    let subj = phrase_speaker(r, a, b, entities);
                    if s.gender.accepts(subj.gender) {
                        s = Speaker { channel: s.channel, via: s.via, ..subj };
                    }
                }
            }
            if let Some(p) = platform_after(r, to) {
                s.channel = Some(match s.channel.take() {
                    Some(c) => format!("{c}, {p}"),
                    None => p,
                });
            }
            Some(s)
        }
    }
}

/// "said in a statement", "a déclaré dans un communiqué", "wrote on Twitter",
/// "told CNN", "a indiqué à l'AFP": the medium or the outlet named right
/// after the cue, when the speaker phrase did not name one.
fn medium_after_cue(r: &Reader, v: usize, s: &mut Speaker) {
    let from = v + r.cue[v].map_or(1, |f| f.len);
    let hi = window_end(r, from, 7);
    for k in from..hi {
        if r.is_quote_mark(k) || matches!(r.class(k), Some(Class::Complementiser)) {
            break;
        }
        // The speaker phrase itself ("indique le communiqué") is no medium after the cue.
        if r.doc.tokens[k].start >= s.start && r.doc.tokens[k].end <= s.end {
            continue;
        }
        match r.noun(k) {
            Some((_, NounClass::Doc | NounClass::Platform)) if s.channel.is_none() => {
                s.channel = Some(r.text(k).to_string());
            }
            Some((_, NounClass::Media)) if s.via.is_none() => s.via = Some(r.text(k).to_string()),
            _ => {}
        }
    }
}

/// Whether a pronoun may stand for a speaker: English "he" and "she" stand
/// for people (a name or a role), "it" for no person the entities know;
/// French "il" and "elle" follow grammatical gender.
fn personal(r: &Reader, gender: Gender, s: &Speaker, entities: &EntityIndex) -> bool {
    if r.doc.lang != Lang::En {
        return true;
    }
    if gender == Gender::Neuter {
        let person =
            |id: &String| entities.ids.get(id.as_str()).is_some_and(|&i| entities.entities[i].kind == EntityType::PER);
        return !s.entity.as_ref().is_some_and(person);
    }
    if !matches!(gender, Gender::Masculine | Gender::Feminine) {
        return true;
    }
    s.named
        || r.lex
            .noun(&s.name.rsplit(' ').next().unwrap_or("").to_lowercase())
            .is_some_and(|(_, c)| matches!(c, NounClass::Role | NounClass::Epithet))
}

/// "le ministère" after "le ministère russe de la Défense": a bare definite
/// speaker noun takes the fuller name of the latest speaker with that noun.
fn resolve_anaphor(
    r: &Reader,
    from: usize,
    to: usize,
    s: Speaker,
    recent: &mut dyn Iterator<Item = &(usize, usize, usize, Speaker)>,
) -> Speaker {
    if s.named {
        return s;
    }
    let words: Vec<usize> = (from..to)
        .filter(|&k| !matches!(r.class(k), Some(Class::Det(_) | Class::Demonstrative(_) | Class::Of)))
        .collect();
    let [head] = words[..] else { return s };
    let Some(_) = r.noun(head) else { return s };
    let noun = &r.low[head];
    for h in recent {
        let name = h.3.name.to_lowercase();
        // "la ministre" is not "le ministre de l'Économie", and "le maire" not
        // "l'adjoint au maire": the noun must head the earlier phrase, before
        // its complement.
        let link = |w: &str| {
            [r.lex.class(w), r.lex.class(&format!("{w}'"))].iter().any(|c| matches!(c, Some(Class::Of | Class::Prep)))
        };
        let head_words = name.split(|c: char| !crate::segment::is_alphanumeric(c) && c != '-').take_while(|w| !link(w));
        if h.3.name.len() > s.name.len() && s.gender.accepts(h.3.gender) && head_words.into_iter().any(|w| w == *noun) {
            return Speaker { channel: s.channel.clone(), via: s.via.clone(), ..h.3.clone() };
        }
    }
    s
}

/// The speaker a phrase names, with its gender and linked entity.
fn phrase_speaker(r: &Reader, from: usize, to: usize, entities: &EntityIndex) -> Speaker {
    let doc = r.doc;
    let start = doc.tokens[from].start;
    let end = doc.tokens[to - 1].end;
    let mut gender = Gender::Unknown;
    for k in from..to {
        match r.class(k) {
            Some(Class::Det(g) | Class::Demonstrative(g) | Class::Title(g)) if g != Gender::Unknown => {
                gender = g;
                break;
            }
            _ => {}
        }
        if let Some((g, _)) = r.noun(k) {
            gender = g;
            break;
        }
        if r.is_name_word(k) {
            break;
        }
    }
    if gender == Gender::Unknown {
        gender = r.apposition_gender(from, to);
    }
    let named = (from..to).any(|k| r.is_name_word(k) && r.noun(k).is_none());
    // "Salame's lawyers" are not Salame.
    let owned = (from..to.saturating_sub(1)).any(|k| matches!(r.text(k), "'s" | "’s") && r.noun(k + 1).is_some());
    let entity = if owned { None } else { link_entity(entities, start, end, &doc.text[start..end]) };
    let named = named && !owned;
    Speaker { name: doc.text[start..end].to_string(), start, end, gender, entity, channel: None, via: None, named }
}

/// A platform named in the words after a speaker phrase ("publié sur sa chaîne Telegram").
fn platform_after(r: &Reader, to: usize) -> Option<String> {
    let hi = window_end(r, to, 15);
    (to..hi)
        .find(|&k| r.is_cap(k) && matches!(r.noun(k), Some((_, NounClass::Platform))))
        .map(|k| r.text(k).to_string())
}

/// The entities' mentions sorted by start, and their names and mention texts
/// normalised, built once so each lookup is a binary search.
struct EntityIndex<'e> {
    entities: &'e [Entity],
    /// (start, end, entity index), sorted by start.
    mentions: Vec<(usize, usize, usize)>,
    names: std::collections::HashMap<String, usize>,
    /// Each entity's place, by its id.
    ids: std::collections::HashMap<&'e str, usize>,
}

/// How many mentions a lookup looks at around its position.
const MENTION_WINDOW: usize = 24;

impl<'e> EntityIndex<'e> {
    #[inline(never)] // a function of its own for the wasm tier-up: DESIGN.md
    fn new(entities: &'e [Entity]) -> EntityIndex<'e> {
        let mut mentions = Vec::new();
        let mut names = std::collections::HashMap::new();
        let mut ids = std::collections::HashMap::with_capacity(entities.len());
        for (i, e) in entities.iter().enumerate() {
            ids.insert(e.id.as_str(), i);
            names.entry(normalise(&e.name)).or_insert(i);
            for m in &e.mentions {
                mentions.push((m.start, m.end, i));
                names.entry(normalise(&m.text)).or_insert(i);
            }
        }
        crate::sort::sort(&mut mentions);
        EntityIndex { entities, mentions, names, ids }
    }
}

/// The entity whose mention covers the head of a speaker phrase, or whose
/// name or mention reads the same.
fn link_entity(index: &EntityIndex, start: usize, end: usize, name: &str) -> Option<String> {
    let upto = index.mentions.partition_point(|m| m.0 < end);
    for &(m_start, m_end, i) in index.mentions[..upto].iter().rev().take(MENTION_WINDOW) {
        let e = &index.entities[i];
        {
            let m = Span { start: m_start, end: m_end, text: String::new() };
            // A mention inside the phrase's complement ("du Kremlin") is another actor.
            let overlaps = m.start < end && start < m.end;
            let in_complement = m.start > start && {
                let before = &name[..(m.start - start).min(name.len())];
                let before = before.trim_end().to_lowercase();
                before.ends_with(" de")
                    || before.ends_with(" du")
                    || before.ends_with(" des")
                    || before.ends_with(" of")
                    || before.ends_with(" d'")
                    || before.ends_with(" de la")
            };
            if overlaps && !in_complement {
                return Some(e.id.clone());
            }
        }
    }
    index.names.get(&normalise(name)).map(|&i| index.entities[i].id.clone())
}

/// The latest person or organisation mentioned before `at`, for a pronoun.
fn entity_before(r: &Reader, index: &EntityIndex, at: usize, gender: Gender, person: bool) -> Option<Speaker> {
    let want_person = person || matches!(gender, Gender::Masculine | Gender::Feminine);
    let upto = index.mentions.partition_point(|m| m.0 < at);
    let (m_start, m_end, i) =
        index.mentions[..upto].iter().rev().take(MENTION_WINDOW).copied().find(|&(_, m_end, i)| {
            let ok = match index.entities[i].kind {
                // English "it" stands for no person.
                EntityType::PER => !(gender == Gender::Neuter && r.doc.lang == Lang::En),
                EntityType::ORG => !want_person || (r.doc.lang == Lang::Fr && !person),
                _ => false,
            };
            ok && m_end <= at && at - m_end < RESOLVE_WINDOW
        })?;
    Some(mention_speaker(index, m_start, m_end, i))
}

/// The entity `i` as the speaker, named by its mention at `start..end`.
fn mention_speaker(index: &EntityIndex, start: usize, end: usize, i: usize) -> Speaker {
    let e = &index.entities[i];
    Speaker {
        name: e.name.clone(),
        start,
        end,
        gender: Gender::Unknown,
        entity: Some(e.id.clone()),
        channel: None,
        via: None,
        named: true,
    }
}

/// The person last named before `at` whose title is the one noun of the
/// definite phrase `from..to` ("the judge", "le maire").
fn role_holder_before(r: &Reader, index: &EntityIndex, from: usize, to: usize, at: usize) -> Option<Speaker> {
    if to != from + 2 || !matches!(r.class(from), Some(Class::Det(g)) if g != Gender::Plural) {
        return None;
    }
    if !matches!(r.noun(from + 1), Some((_, NounClass::Role))) {
        return None;
    }
    let noun = r.low[from + 1];
    let upto = index.mentions.partition_point(|m| m.0 < at);
    let (m_start, m_end, i) =
        index.mentions[..upto].iter().rev().take(MENTION_WINDOW).copied().find(|&(_, _, i)| {
            let e = &index.entities[i];
            e.kind == EntityType::PER && e.roles.iter().any(|role| role.split(' ').any(|w| w.to_lowercase() == noun))
        })?;
    Some(mention_speaker(index, m_start, m_end, i))
}

/// Whether a speaker phrase is a determiner and an epithet: a noun of that
/// class ("the 53-year-old"), or one capitalised singular word of a
/// nationality ("the Spaniard", "l'Espagnol"); not a group ("the Americans").
fn is_epithet(r: &Reader, index: &EntityIndex, from: usize, to: usize) -> bool {
    let det = |k: usize| match r.class(k) {
        Some(Class::Det(g)) => g != Gender::Plural,
        _ => false,
    };
    // "the 53-year-old": the number and its hyphen come before the noun.
    let head = to - 1;
    if !(from < head && det(from)) {
        return false;
    }
    if matches!(r.noun(head), Some((_, NounClass::Epithet))) {
        return true;
    }
    let start = r.doc.tokens[head].start;
    let misc = || {
        let upto = index.mentions.partition_point(|m| m.0 <= start);
        index.mentions[..upto].last().is_some_and(|&(s, e, i)| {
            s == start && e == r.doc.tokens[head].end && index.entities[i].kind == EntityType::MISC
        })
    };
    head == from + 1 && r.is_cap(head) && (r.doc.lang != Lang::En || !r.text(head).ends_with('s')) && misc()
}

/// Case-folded, without a leading article: how names are compared.
fn normalise(s: &str) -> String {
    let folded = crate::segment::fold(s);
    // The words joined by single spaces, then trimmed and cut in place: one
    // string for the whole job (it runs on every mention of every entity).
    let mut out = String::with_capacity(folded.len());
    for w in folded.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    let edge = |c: char| " .,;:".contains(c);
    let mut from = out.len() - out.trim_start_matches(edge).len();
    let to = out.trim_end_matches(edge).len().max(from);
    if let Some(art) = ["le ", "la ", "les ", "l'", "the "].into_iter().find(|art| out[from..to].starts_with(art)) {
        from += art.len();
    }
    out.truncate(to);
    out.drain(..from);
    out
}

#[cfg(test)]
mod tests;

//! How framed: hedges, unnamed sources, scare quotes, loaded language and labels.
//!
//! Every rule works sentence by sentence on normalised tokens (lowercase, straight
//! apostrophes), with lexicons from `src/lang/<code>/framing/`. The rules lean to
//! precision: a marker on a plain sentence costs the reader's trust, so each
//! ambiguous word carries a condition on its context (see `lexicon::Flags`).

mod conditional;
pub(crate) mod lexicon;
mod scare;
mod sources;

use serde::ser::SerializeStruct;
use serde::Serialize;

use crate::entities::Entity;
use crate::quotes::Quote;
use crate::segment::{Doc, TokenKind};
use crate::span::{Span, Spanned};
use crate::word_lists;

use lexicon::{is_capitalised, Entry, LangData, Words, DATA};

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
#[derive(Clone, Debug)]
pub struct Marker {
    pub span: Span,
    pub kind: MarkerKind,
    /// A SemEval-2023 Task 3 technique name, where one fits.
    pub technique: Option<&'static str>,
    /// One sentence in the article's language.
    pub why: String,
}

impl Serialize for Marker {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Marker", 6)?;
        self.span.serialize_fields(&mut s)?;
        s.serialize_field("kind", &self.kind)?;
        s.serialize_field("technique", &self.technique)?;
        s.serialize_field("why", &self.why)?;
        s.end()
    }
}

impl Spanned for Marker {
    fn visit_offsets(&mut self, f: &mut dyn FnMut(&mut usize)) {
        self.span.visit_offsets(f);
    }
}

/// What every rule reads: the document, its normalised words, the language data
/// and which tokens sit inside quote marks.
pub(crate) struct Ctx<'d, 'a> {
    pub doc: &'d Doc<'a>,
    pub words: Words<'d>,
    pub data: &'static LangData,
    /// Per token: inside quote marks (the speaker's words, not the writer's).
    pub quoted: Vec<bool>,
}

impl Ctx<'_, '_> {
    /// A marker over tokens `from..to` (at least one token).
    fn marker(
        &self,
        from: usize,
        to: usize,
        kind: MarkerKind,
        technique: Option<&'static str>,
        why_key: &str,
        own_why: Option<&str>,
    ) -> Marker {
        let start = self.doc.tokens[from].start;
        let end = self.doc.tokens[to - 1].end;
        let span = Span::of(self.doc.text, start, end);
        let why = self.data.why(why_key, own_why, &span.text);
        Marker { span, kind, technique, why }
    }

    fn is_punct(&self, i: usize) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Punct)
    }
}

/// Finds the framing markers, in text order.
pub fn find(doc: &Doc, quotes: &[Quote], _entities: &[Entity]) -> Vec<Marker> {
    let data = &DATA[doc.lang.index()];
    let ctx = Ctx { doc, words: Words::of(doc), data, quoted: scare::quoted_tokens(doc, quotes) };
    let mut out = Vec::new();
    for s in &doc.sentences {
        let range = s.tokens.clone();
        lexicon_markers(&ctx, range.clone(), &mut out);
        sources::find(&ctx, range.clone(), &mut out);
        conditional::find(&ctx, range, &mut out);
    }
    scare::find(&ctx, quotes, &mut out);
    crate::sort::sort_by(&mut out, |a, b| (a.span.start, b.span.end).cmp(&(b.span.start, a.span.end)));
    // The same words flagged twice for the same kind keep the first, longest marker.
    let mut kept: Vec<Marker> = Vec::with_capacity(out.len());
    for m in out {
        let dup = kept.iter().rev().take(8).any(|k| k.kind == m.kind && k.span.overlaps(&m.span));
        if !dup {
            kept.push(m);
        }
    }
    kept
}

/// Lexicon entries (hedges, distancing words, labels, loaded words,
/// intensifiers) whose context conditions hold.
fn lexicon_markers(ctx: &Ctx, range: std::ops::Range<usize>, out: &mut Vec<Marker>) {
    let mut i = range.start;
    while i < range.end {
        let mut advanced = false;
        for (len, entry) in ctx.data.lexicon.matches_at(&ctx.words, i, range.end) {
            if let Some((from, to)) = accept(ctx, &range, i, len, entry) {
                out.push(ctx.marker(from, to, entry.kind, entry.technique, entry.why_key, entry.why));
                i = to.max(i + 1);
                advanced = true;
                break;
            }
        }
        if !advanced {
            i += 1;
        }
    }
}

/// Checks an entry's conditions at tokens `i..i+len`; gives the marker's token
/// range when they hold.
fn accept(ctx: &Ctx, range: &std::ops::Range<usize>, i: usize, len: usize, entry: &Entry) -> Option<(usize, usize)> {
    let (doc, words, data) = (ctx.doc, &ctx.words, ctx.data);
    let f = entry.flags;
    let prev = (i > range.start).then(|| i - 1);
    let next = i + len;
    if f.notcopula && prev.is_some_and(|p| data.is("copula", words, p)) {
        return None;
    }
    if f.det && !prev.is_some_and(|p| data.is("det", words, p)) {
        return None;
    }
    if f.attrib && !is_attribution(ctx, range, i, next) {
        return None;
    }
    // "Savage", "Apocalypse Now": a capitalised evaluative word inside a
    // sentence is a name, not an evaluation.
    let evaluative = matches!(entry.kind, MarkerKind::LoadedLanguage | MarkerKind::Intensifier);
    if evaluative && i > range.start && is_capitalised(doc, &doc.tokens[i]) && !ctx.is_punct(i - 1) {
        return None;
    }
    let (mut from, mut to) = (i, next);
    if f.name_after {
        // "régime de Kiev": a capitalised name right after, never a common noun.
        if !(to < range.end && is_capitalised(doc, &doc.tokens[to])) {
            return None;
        }
        while to < range.end && (is_capitalised(doc, &doc.tokens[to]) || words[to] == "-") {
            to += 1;
        }
    }
    if f.name_before {
        let p = prev?;
        let is_name =
            |k: usize| is_capitalised(doc, &doc.tokens[k]) && !words.in_list(k, word_lists::FRAMING_STOPWORDS);
        if !is_name(p) {
            return None;
        }
        from = p;
        while from > range.start && is_name(from - 1) {
            from -= 1;
        }
    }
    Some((from, to))
}

/// Whether "selon" / "according to" at `i` (ending at `next`) names a source,
/// rather than meaning "depending on" ("les prix varient selon la taille").
fn is_attribution(ctx: &Ctx, range: &std::ops::Range<usize>, i: usize, next: usize) -> bool {
    let (doc, words, data) = (ctx.doc, &ctx.words, ctx.data);
    if next >= range.end || data.is("que", words, next) {
        return false;
    }
    let mut head = next;
    while head < range.end && head < next + 3 && data.is("det", words, head) {
        head += 1;
    }
    if head >= range.end || data.is("nonsource", words, head) {
        return false;
    }
    let at_clause_start = i == range.start || (ctx.is_punct(i - 1) && words[i - 1] != "'");
    at_clause_start
        || data.is("attribution_head", words, head)
        || is_capitalised(doc, &doc.tokens[head])
        || words.in_list(head, word_lists::FRAMING_SOURCE_HEADS)
}

#[cfg(test)]
mod tests;

//! Unnamed sources: "des sources proches du dossier", "a senior official".
//!
//! A fixed phrase counts alone. Otherwise an indefinite determiner, at most two
//! modifiers and a source noun ("un haut responsable", "two senior officials"),
//! or a bare plural noun ("officials said"), count only when the sentence
//! reports speech or a qualifier says the source is anonymous: "un responsable
//! du club a ouvert la porte" stays unmarked.

use std::ops::Range;

use super::lexicon::{is_capitalised, is_word, Phrases};
use super::{Ctx, Marker, MarkerKind};
use crate::word_lists;

pub(super) fn find(ctx: &Ctx, range: Range<usize>, out: &mut Vec<Marker>) {
    let (words, data) = (&ctx.words, ctx.data);
    // Only a source noun phrase asks whether the sentence reports speech, and
    // most sentences have none: the answer is looked for on first need.
    let mut reports = None;
    // Asked at every token: the class is looked up once per sentence.
    let indef = data.classes.get("indef");
    let mut i = range.start;
    let mut last_end = range.start;
    while i < range.end {
        if let Some((len, _)) = data.fixed_sources.longest_at(words, i, range.end) {
            let to = with_adjectives(ctx, &range, i + len);
            let to = with_qualifier(ctx, to, range.end).unwrap_or(to);
            out.push(ctx.marker(i, to, MarkerKind::UnnamedSource, None, "unnamed_source", None));
            i = to;
            last_end = to;
            continue;
        }
        if let Some(head) = source_noun_phrase(ctx, &range, i, indef) {
            let to = with_adjectives(ctx, &range, head + 1);
            let qualified = with_qualifier(ctx, to, range.end);
            let said = qualified.is_some()
                || *reports.get_or_insert_with(|| data.reporting.occurs_in(words, range.start, range.end));
            if said && !named_right_after(ctx, &range, to) {
                let to = qualified.unwrap_or(to);
                // A bare plural takes the names before it: "American officials".
                let mut from = i;
                while head == i && from > last_end && is_modifier_name(ctx, from - 1) {
                    from -= 1;
                }
                out.push(ctx.marker(from, to, MarkerKind::UnnamedSource, None, "unnamed_source", None));
                last_end = to;
                i = to;
                continue;
            }
        }
        i += 1;
    }
}

/// The index of the source noun of a phrase starting at `i`, if one starts there.
/// `indef` is the language's class of indefinite determiners.
fn source_noun_phrase(ctx: &Ctx, range: &Range<usize>, i: usize, indef: Option<&Phrases<()>>) -> Option<usize> {
    let (doc, words, data) = (ctx.doc, &ctx.words, ctx.data);
    // Asked only once a head or an indefinite is found: this runs at every token.
    let prev_is_det = || i > range.start && data.is("det", words, i - 1);
    if words.in_list(i, word_lists::FRAMING_BARE_SOURCE_HEADS) && !prev_is_det() && head_ends_phrase(ctx, range, i) {
        return Some(i);
    }
    let is_indef = i < words.len() && indef.is_some_and(|p| p.longest_at(words, i, words.len()).is_some());
    if !is_indef || prev_is_det() {
        return None;
    }
    let stop = (i + 4).min(range.end).max(i + 1);
    for (head, &word) in words.iter().enumerate().take(stop).skip(i + 1) {
        if words.in_list(head, word_lists::FRAMING_SOURCE_HEADS) {
            return head_ends_phrase(ctx, range, head).then_some(head);
        }
        // Modifiers: "haut", "senior", "US", "Pentagon"; never a function word.
        if !is_word(&doc.tokens[head]) || words.in_list(head, word_lists::FRAMING_STOPWORDS) || word.ends_with('\'') {
            return None;
        }
        // French puts few adjectives first: "un compromis responsable" is no source.
        let premodifiers = &data.source_premodifiers;
        if !premodifiers.is_empty() && !premodifiers.contains(word) && !is_capitalised(doc, &doc.tokens[head]) {
            return None;
        }
    }
    None
}

/// Whether the noun at `head` ends its phrase: "an official visit" uses
/// "official" as an adjective, "an official said" as a noun.
fn head_ends_phrase(ctx: &Ctx, range: &Range<usize>, head: usize) -> bool {
    let (words, data) = (&ctx.words, ctx.data);
    let next = head + 1;
    next >= range.end
        || ctx.is_punct(next)
        || words.in_list(next, word_lists::FRAMING_STOPWORDS)
        || data.is("copula", words, next)
        || data.reporting.longest_at(words, next, range.end).is_some()
        || data.source_qualifiers.longest_at(words, next, range.end).is_some()
        || is_adjective(ctx, next)
        || words[next].ends_with('\'')
}

fn is_modifier_name(ctx: &Ctx, k: usize) -> bool {
    is_capitalised(ctx.doc, &ctx.doc.tokens[k]) && !ctx.words.in_list(k, word_lists::FRAMING_STOPWORDS)
}

/// French adjectives follow the noun: "des sources militaires".
fn with_adjectives(ctx: &Ctx, range: &Range<usize>, at: usize) -> usize {
    let mut to = at;
    while to < range.end && to < at + 2 && is_adjective(ctx, to) {
        to += 1;
    }
    to
}

fn is_adjective(ctx: &Ctx, i: usize) -> bool {
    let t = &ctx.doc.tokens[i];
    is_word(t) && !is_capitalised(ctx.doc, t) && ctx.data.has_adjective_suffix(ctx.words[i])
}

/// The end of a qualifier ("proches du dossier") starting at `at`, if any.
fn with_qualifier(ctx: &Ctx, at: usize, end: usize) -> Option<usize> {
    let skip = usize::from(at < end && ctx.words[at] == ",");
    ctx.data.source_qualifiers.longest_at(&ctx.words, at + skip, end).map(|(n, _)| at + skip + n)
}

/// "un diplomate, Jean Dupont, a dit": the source is named after all.
fn named_right_after(ctx: &Ctx, range: &Range<usize>, to: usize) -> bool {
    let at = if to < range.end && ctx.words[to] == "," { to + 1 } else { to };
    at < range.end
        && is_capitalised(ctx.doc, &ctx.doc.tokens[at])
        && !ctx.words.in_list(at, word_lists::FRAMING_STOPWORDS)
}

//! Scare quotes: a few words in quote marks inside the writer's own sentence,
//! which the writer holds at a distance («de fabrication américaine»).
//!
//! Candidates come from the quotes layer (`kind == Partial`) and from a bounded
//! scan of quote marks of our own, so the rule works before the quotes layer
//! does. A fragment is not a scare quote when it is a proper name («Orechnik»),
//! a whole utterance, or verbatim reported speech ("a déclaré que Moscou était
//! «convaincu»", "he called it “a disaster”").

use std::ops::Range;

use super::lexicon::{is_capitalised, is_word};
use super::{Ctx, Marker, MarkerKind};
use crate::quotes::{Quote, QuoteKind};
use crate::segment::{Doc, TokenKind};
use crate::word_lists;

/// The most words a scare quote holds.
const MAX_WORDS: usize = 5;
/// How far (in tokens) a closing mark is looked for.
const MAX_SPAN: usize = 9;

fn is_open(s: &str) -> bool {
    matches!(s, "«" | "“" | "„" | "‹")
}

fn closes(open: &str, s: &str) -> bool {
    match open {
        "«" => s == "»",
        "‹" => s == "›",
        "„" => s == "“" || s == "”",
        "\"" => s == "\"",
        "‘" => s == "’",
        "'" => s == "'",
        _ => s == "”",
    }
}

fn is_single(s: &str) -> bool {
    matches!(s, "‘" | "'")
}

/// A single quote mark opens a quote when a space comes before it and a word
/// is glued after it: "the 'experts'", not "the officials' report".
fn opens_single(doc: &Doc, i: usize, start: usize) -> bool {
    let t = &doc.tokens[i];
    is_single(doc.tok(t))
        && (i == start || doc.tokens[i - 1].end < t.start)
        && doc.tokens.get(i + 1).is_some_and(|n| n.start == t.end && is_word(n))
}

/// Per token, whether it lies inside quote marks or inside a direct or partial
/// quote of the quotes layer.
pub(super) fn quoted_tokens(doc: &Doc, quotes: &[Quote]) -> Vec<bool> {
    let mut quoted = vec![false; doc.tokens.len()];
    for s in &doc.sentences {
        let mut depth = 0usize;
        let mut straight = false;
        for i in s.tokens.clone() {
            let t = doc.tok(&doc.tokens[i]);
            if is_open(t) {
                depth += 1;
            } else if matches!(t, "»" | "”" | "›") {
                depth = depth.saturating_sub(1);
            } else if t == "\"" {
                straight = !straight;
            } else if depth > 0 || straight {
                quoted[i] = true;
            }
        }
    }
    for q in quotes.iter().filter(|q| q.kind != QuoteKind::Indirect) {
        let first = doc.tokens.partition_point(|t| t.start < q.span.start);
        for (i, t) in doc.tokens.iter().enumerate().skip(first) {
            if t.end > q.span.end {
                break;
            }
            quoted[i] = true;
        }
    }
    quoted
}

/// Where the partial quotes of the quotes layer that follow their own cue
/// start: "dénoncent une « trahison »", "a réclamé « des engagements »". That
/// layer knows more reporting verbs than the framing lists; sorted.
fn cued_partial_starts(doc: &Doc, quotes: &[Quote]) -> Vec<usize> {
    let mut starts: Vec<usize> = quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Partial)
        .filter(|q| {
            q.cue.as_ref().is_some_and(|c| {
                let from = doc.tokens.partition_point(|t| t.start < q.span.start);
                c.end <= q.span.start && from.saturating_sub(doc.tokens.partition_point(|t| t.end <= c.end)) <= 3
            })
        })
        .map(|q| q.span.start)
        .collect();
    crate::sort::sort(&mut starts);
    starts
}

pub(super) fn find(ctx: &Ctx, quotes: &[Quote], out: &mut Vec<Marker>) {
    let doc = ctx.doc;
    let cued = cued_partial_starts(doc, quotes);
    let is_cued = |from: usize| cued.binary_search(&doc.tokens[from].start).is_ok();
    // Words per sentence, counted once: the test "is the writer's sentence
    // real text" must not rescan a sentence per candidate.
    let sentence_words: Vec<usize> =
        doc.sentences.iter().map(|s| doc.tokens[s.tokens.clone()].iter().filter(|t| is_word(t)).count()).collect();
    for (si, s) in doc.sentences.iter().enumerate() {
        let range = s.tokens.clone();
        let mut straight_open = false;
        let mut i = range.start;
        while i < range.end {
            let t = doc.tok(&doc.tokens[i]);
            let opens = is_open(t) || (t == "\"" && !straight_open) || opens_single(doc, i, range.start);
            if t == "\"" {
                straight_open = !straight_open;
            }
            if !opens {
                i += 1;
                continue;
            }
            let close = (i + 1..(i + MAX_SPAN).min(range.end)).find(|&c| {
                closes(t, doc.tok(&doc.tokens[c])) && (!is_single(t) || doc.tokens[c - 1].end == doc.tokens[c].start)
            });
            let Some(c) = close else {
                i += 1;
                continue;
            };
            if t == "\"" {
                straight_open = false;
            }
            if !is_cued(i + 1) && is_scare_quote(ctx, &range, sentence_words[si], i + 1, c) {
                out.push(ctx.marker(i + 1, c, MarkerKind::ScareQuote, Some("Doubt"), "scare_quote", None));
            }
            i = c + 1;
        }
    }
    // Partial quotes of the quotes layer. One inside an indirect quote is not
    // excluded as such: "a fait état d'une attaque menée avec des missiles «de
    // fabrication américaine»" summarises in the writer's words and quotes a
    // term; a "que" clause of reported speech is excluded below, from the text.
    for q in quotes.iter().filter(|q| q.kind == QuoteKind::Partial) {
        let from = doc.tokens.partition_point(|t| t.start < q.span.start);
        let to = doc.tokens.partition_point(|t| t.end <= q.span.end);
        let Some(si) = doc.sentence_at(q.span.start) else { continue };
        let range = doc.sentences[si].tokens.clone();
        if from < to
            && !is_cued(from)
            && range.start <= from
            && to <= range.end
            && is_scare_quote(ctx, &range, sentence_words[si], from, to)
        {
            out.push(ctx.marker(from, to, MarkerKind::ScareQuote, Some("Doubt"), "scare_quote", None));
        }
    }
}

/// Whether the quoted tokens `from..to` of sentence `range` are a scare quote.
fn is_scare_quote(ctx: &Ctx, range: &Range<usize>, sentence_words: usize, from: usize, to: usize) -> bool {
    let (doc, words, data) = (ctx.doc, &ctx.words, ctx.data);
    let inner = &doc.tokens[from..to];
    let n_words = inner.iter().filter(|t| is_word(t)).count();
    if n_words == 0 || n_words > MAX_WORDS {
        return false;
    }
    // A whole utterance, or a fragment holding quote marks of its own.
    if inner.iter().any(|t| {
        let s = doc.tok(t);
        t.kind == TokenKind::Punct && (s.starts_with(['.', '!', '?', '…', ':', ';']) || is_open(s) || s == "\"")
    }) {
        return false;
    }
    // The writer's sentence around it must be real text.
    if sentence_words.saturating_sub(n_words) < 3 {
        return false;
    }
    // A proper name or a title: «Orechnik», “Le Monde”, «Secours pop».
    let first_content =
        (from..to).find(|&k| is_word(&doc.tokens[k]) && !words.in_list(k, word_lists::FRAMING_STOPWORDS));
    if first_content.is_some_and(|k| is_capitalised(doc, &doc.tokens[k]) && k > range.start + 1) {
        return false;
    }
    let open = from.saturating_sub(1).max(range.start);
    // A sentence that opens on a quote: an utterance («Allez-y», conseille-t-il) or a title.
    if open == range.start {
        return false;
    }
    // Named by what precedes: "le programme «pétrole contre nourriture»".
    let mut k = open;
    while k > range.start && data.is("det", words, k - 1) {
        k -= 1;
    }
    if k > range.start && (data.is("naming", words, k - 1) || k >= range.start + 2 && data.is("naming", words, k - 2)) {
        return false;
    }
    // A foreign term glossed in brackets: «low profile» (profil bas).
    if to + 1 < range.end && words[to + 1] == "(" {
        return false;
    }
    // The view of the person the sentence opens on: "Pour Laurent Berger, …, ce recul «…»".
    if data.is("view", words, range.start)
        && range.start + 1 < open
        && is_capitalised(doc, &doc.tokens[range.start + 1])
    {
        return false;
    }
    // Introduced like a quote: "a dit : «non»", "a qualifié de «…»", "said “no”".
    let before = open.saturating_sub(5).max(range.start);
    if (before..open).any(|k| words[k] == ":" || data.reporting.longest_at(words, k, open).is_some()) {
        return false;
    }
    let after_end = (to + 4).min(range.end);
    if (to + 1..after_end).any(|k| data.reporting.longest_at(words, k, after_end).is_some()) {
        return false;
    }
    !inside_reported_clause(ctx, range, open)
}

/// "X a déclaré que Moscou était «convaincu»": a reporting verb, then "que",
/// then the fragment, all outside quote marks.
fn inside_reported_clause(ctx: &Ctx, range: &Range<usize>, open: usize) -> bool {
    let (words, data) = (&ctx.words, ctx.data);
    let mut seen_que = false;
    // Bounded, so that a huge unpunctuated "sentence" stays linear.
    for k in (open.saturating_sub(40).max(range.start)..open).rev() {
        if ctx.quoted[k] {
            continue;
        }
        if data.is("que", words, k) {
            seen_que = true;
        } else if data.reporting.longest_at(words, k, open).is_some() {
            return seen_que;
        }
    }
    false
}

//! The French journalistic conditional: "le ministre aurait démissionné",
//! "le bilan s'élèverait à vingt morts".
//!
//! Only the writer's own voice counts, so a conditional is a hedge when:
//! - it is third person ("je voudrais", "on dirait", "ce serait bien" are not);
//! - it is a conditional auxiliary with a participle (not a counterfactual one:
//!   "il aurait dû", "elle aurait aimé"), or a listed verb of fact;
//! - the sentence states no condition ("si j'avais su, il serait venu");
//! - it sits outside quote marks, and not after "X a dit que", where the tense
//!   only follows the reporting verb.

use std::ops::Range;

use super::{Ctx, Marker, MarkerKind};
use crate::segment::TokenKind;
use crate::word_lists;

/// How far back (in tokens) a reporting verb and its "que" are looked for.
const LOOKBACK: usize = 40;

pub(super) fn find(ctx: &Ctx, range: Range<usize>, out: &mut Vec<Marker>) {
    let (words, data) = (&ctx.words, ctx.data);
    if data.cond_aux.is_empty() && data.cond_verbs.is_empty() {
        return;
    }
    // Quoted tokens first: they are never candidates, and need no look-up.
    let candidates = (range.start..range.end)
        .filter(|&i| !ctx.quoted[i])
        .filter(|&i| words.in_list(i, word_lists::FRAMING_COND_AUX | word_lists::FRAMING_COND_VERBS));
    let mut candidates = candidates.peekable();
    if candidates.peek().is_none() {
        return;
    }
    let hypothetical = (range.start..range.end).any(|i| data.class_at("hypothesis", words, i, range.end).is_some());
    let question = range.end > range.start && words[range.end - 1].contains('?');
    if hypothetical || question {
        return;
    }
    let mut last_end = range.start;
    for i in candidates {
        if i < last_end || !third_person_subject(ctx, &range, i) || after_reported_que(ctx, &range, i) {
            continue;
        }
        // "Il y aurait vingt morts": the existential form hedges by itself.
        let existential =
            i >= range.start + 2 && words[i - 1] == "y" && words[i - 2] == "il" && words[i].starts_with("aur");
        let to = if existential {
            i + 1
        } else if words.in_list(i, word_lists::FRAMING_COND_AUX) {
            match completes_aux(ctx, &range, i) {
                Some(to) => to,
                None => continue,
            }
        } else {
            i + 1
        };
        // Keep a reflexive "s'" with its verb ("s'élèverait") and "il y" with "aurait".
        let from = if existential {
            i - 2
        } else if i > range.start && matches!(words[i - 1], "s'" | "se") {
            i - 1
        } else {
            i
        };
        out.push(ctx.marker(from, to, MarkerKind::Hedge, None, "conditional", None));
        last_end = to;
    }
}

/// The end of "aurait démissionné", "seraient morts", "serait à l'origine"
/// starting at the auxiliary `i`, if a participle or a listed phrase follows.
fn completes_aux(ctx: &Ctx, range: &Range<usize>, i: usize) -> Option<usize> {
    let (words, data) = (&ctx.words, ctx.data);
    let mut j = i + 1;
    // One or two adverbs may sit between: "aurait déjà quitté", "aurait même été tué".
    let mut skipped = 0;
    while j < range.end && skipped < 2 && is_adverb(words[j]) {
        j += 1;
        skipped += 1;
    }
    if j >= range.end {
        return None;
    }
    let is_etre = words[i].starts_with("ser");
    if is_etre {
        if let Some((n, _)) = data.after_etre.longest_at(words, j, range.end) {
            return Some(j + n);
        }
    }
    // "auraient été tués": the participle of être, then the verb's.
    if words[j] == "été" {
        return (j + 1 < range.end && is_participle(ctx, j + 1)).then_some(j + 2);
    }
    if !is_participle(ctx, j) || words.in_list(j, word_lists::FRAMING_COUNTERFACTUAL) {
        return None;
    }
    Some(j + 1)
}

fn is_adverb(w: &str) -> bool {
    (w.ends_with("ment") && w.chars().count() > 6) || matches!(w, "déjà" | "même" | "aussi" | "ainsi" | "encore")
}

/// A lowercase word with a French past-participle ending.
fn is_participle(ctx: &Ctx, j: usize) -> bool {
    let t = &ctx.doc.tokens[j];
    if t.kind != TokenKind::Word || ctx.doc.tok(t).chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let w = ctx.words[j];
    const ENDINGS: [&str; 15] =
        ["é", "ée", "és", "ées", "i", "ie", "is", "ies", "u", "ue", "us", "ues", "t", "te", "ts"];
    // "-nt" words are adjectives and adverbs ("content", "souvent"), not participles.
    // "eu" (had) is a function word, and the participle of "aurait eu lieu".
    w == "eu"
        || w.chars().count() >= 2
            && ENDINGS.iter().any(|e| w.ends_with(e))
            && !w.ends_with("nt")
            && !ctx.words.in_list(j, word_lists::FRAMING_STOPWORDS)
}

/// The subject before the verb at `i` is not je/tu/nous/vous/on/ce/ça.
fn third_person_subject(ctx: &Ctx, range: &Range<usize>, i: usize) -> bool {
    let words = &ctx.words;
    let mut k = i;
    // Object pronouns and negation sit between subject and verb: "il ne l'aurait".
    while k > range.start
        && matches!(words[k - 1], "ne" | "n'" | "y" | "en" | "s'" | "se" | "l'" | "le" | "la" | "les" | "lui" | "leur")
    {
        k -= 1;
    }
    !(k > range.start && ctx.data.is("nonthird", words, k - 1))
}

/// "Le ministre a dit qu'il serait parti": the conditional follows the
/// reporting verb, as a future in the past, and is the speaker's.
fn after_reported_que(ctx: &Ctx, range: &Range<usize>, i: usize) -> bool {
    let (words, data) = (&ctx.words, ctx.data);
    // Bounded, so that a huge unpunctuated "sentence" stays linear.
    let from = i.saturating_sub(LOOKBACK).max(range.start);
    let Some(que) = (from..i).rev().find(|&k| data.is("que", words, k)) else { return false };
    data.reporting.occurs_in(words, from, que)
}

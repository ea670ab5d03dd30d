//! Check-worthy claims and who stands behind them.
//!
//! # Method
//! The units are the quotes of the quotes layer (direct and reported speech, whose
//! speaker is known) and the sentences that quotes do not mostly cover. Each unit
//! gets a score from cues that fact-checkers look for (the criteria of the CLEF
//! CheckThat! lab): numbers, units and statistics, comparisons, causes, verifiable
//! events, public actors. Opinions, greetings, questions and very short units
//! lose points. Units that reach [`MIN_SCORE`] are claims.
//!
//! Attribution: a quote's claim goes to its speaker; a sentence's claim goes to a
//! named entity introduced by "selon" / "according to" or by a reporting verb
//! close by; otherwise it is `hedged` when a hedge or unnamed source marks it, and
//! `unattributed` when the article asserts it in its own voice.

use std::ops::Range;

use serde::ser::SerializeStruct;
use serde::Serialize;

use crate::entities::Entity;
use crate::markers::lexicon::{is_capitalised, is_word, LangData, Words, DATA};
use crate::markers::{Marker, MarkerKind};
use crate::numbers::Quantity;
use crate::quotes::{Quote, QuoteKind};
use crate::segment::{Doc, TokenKind};
use crate::span::{Span, Spanned};
use crate::word_lists;

/// Who stands behind a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Attribution {
    /// A named source says it; `source` holds its entity id.
    Attributed,
    /// Hedged: conditional, "reportedly", an unnamed source.
    Hedged,
    /// The article asserts it in its own voice.
    Unattributed,
}

/// One check-worthy sentence or clause.
#[derive(Clone, Debug)]
pub struct Claim {
    pub span: Span,
    /// From 0 to 1: how much a fact-checker would want to check it.
    pub score: f64,
    /// The entity id of the source, when attributed.
    pub source: Option<String>,
    /// The source as the article names it.
    pub source_name: Option<String>,
    pub attribution: Attribution,
    /// Why it is check-worthy: "number", "statistic", "comparison", "causal",
    /// "event", "public actor", "reported speech", "hedged".
    pub reasons: Vec<String>,
    /// The id of the quote the claim comes from, when it is one; written
    /// only then.
    pub quote: Option<String>,
}

impl Serialize for Claim {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Claim", 9)?;
        self.span.serialize_fields(&mut s)?;
        s.serialize_field("score", &self.score)?;
        s.serialize_field("source", &self.source)?;
        s.serialize_field("source_name", &self.source_name)?;
        s.serialize_field("attribution", &self.attribution)?;
        s.serialize_field("reasons", &self.reasons)?;
        match &self.quote {
            Some(quote) => s.serialize_field("quote", quote)?,
            None => s.skip_field("quote")?,
        }
        s.end()
    }
}

impl Spanned for Claim {
    fn visit_offsets(&mut self, f: &mut dyn FnMut(&mut usize)) {
        self.span.visit_offsets(f);
    }
}

/// The lowest score a claim has.
pub const MIN_SCORE: f64 = 0.3;

/// How far (in tokens) a source is looked for around "selon" or a reporting verb.
const SOURCE_WINDOW: usize = 8;

/// Scores the sentences and quotes and keeps the check-worthy ones, in text order.
pub fn find(
    doc: &Doc,
    quotes: &[Quote],
    entities: &[Entity],
    quantities: &[Quantity],
    markers: &[Marker],
) -> Vec<Claim> {
    let ctx = Ctx::new(doc, entities, quantities, markers);
    let mut out = Vec::new();
    // Quotes whose speaker is known are claims of their own; their words are
    // then left out of their sentence's score.
    let mut in_quote = vec![false; doc.tokens.len()];
    // The words of the quotes made claims.
    let mut claimed = vec![false; doc.tokens.len()];
    for q in quotes {
        let partial_too_short = q.kind == QuoteKind::Partial && q.span.text.split_whitespace().count() < 4;
        if partial_too_short || (q.speaker.is_none() && q.speaker_name.is_none()) {
            continue;
        }
        let Some(tokens) = ctx.tokens_in(q.span.start, q.span.end) else { continue };
        in_quote[tokens.clone()].iter_mut().for_each(|b| *b = true);
        let mut unit = ctx.score(tokens.clone(), &[]);
        unit.add(true, 0.05, "reported speech", false);
        // The speaker is a public actor when the article names it.
        unit.add(q.speaker.is_some() && !unit.reasons.contains(&"public actor"), 0.2, "public actor", false);
        // What the article flags as unconfirmed is worth a check.
        unit.add(ctx.hedged(q.span.start, q.span.end), 0.1, "hedged", false);
        if unit.score < MIN_SCORE || !unit.checkable {
            continue;
        }
        claimed[tokens].iter_mut().for_each(|b| *b = true);
        out.push(Claim {
            span: q.span.clone(),
            score: round(unit.score),
            source: q.speaker.clone(),
            source_name: q.speaker_name.clone(),
            attribution: Attribution::Attributed,
            reasons: unit.reasons.iter().map(|r| r.to_string()).collect(),
            quote: Some(q.id.clone()),
        });
    }
    for s in &doc.sentences {
        let range = s.tokens.clone();
        // A sentence that is mostly a claimed quote is that claim: what is
        // left is its attribution ("…, according to data compiled by LSEG").
        let words = range.clone().filter(|&k| doc.tokens[k].kind == TokenKind::Word);
        let (all, in_claims) = words.fold((0, 0), |(a, c), k| (a + 1, c + usize::from(claimed[k])));
        if in_claims > 0 && (all - in_claims) * 2 <= all {
            continue;
        }
        let mut unit = ctx.score(range.clone(), &in_quote);
        let hedged = ctx.hedged(s.start, s.end);
        unit.add(hedged, 0.1, "hedged", false);
        if unit.score < MIN_SCORE || !unit.checkable {
            continue;
        }
        let (attribution, source) = match ctx.named_source(range.clone()) {
            Some(e) => (Attribution::Attributed, Some(e)),
            None if hedged => (Attribution::Hedged, None),
            None => (Attribution::Unattributed, None),
        };
        out.push(Claim {
            span: Span::of(doc.text, s.start, s.end),
            score: round(unit.score),
            source: source.map(|e| e.id.clone()),
            source_name: source.map(|e| e.name.clone()),
            attribution,
            reasons: unit.reasons.iter().map(|r| r.to_string()).collect(),
            quote: None,
        });
    }
    crate::sort::sort_by_key(&mut out, |c| (c.span.start, c.span.end));
    out
}

fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The score of one unit and what earned it.
struct Scored {
    score: f64,
    reasons: Vec<&'static str>,
    /// Whether some cue of a checkable fact was found: an actor alone, or
    /// reported speech alone, is not a claim.
    checkable: bool,
}

impl Scored {
    fn add(&mut self, cond: bool, weight: f64, reason: &'static str, fact: bool) {
        if cond && !self.reasons.contains(&reason) {
            self.score = (self.score + weight).min(1.0);
            self.reasons.push(reason);
            self.checkable |= fact;
        }
    }
}

struct Ctx<'d, 'a> {
    doc: &'d Doc<'a>,
    words: Words<'d>,
    data: &'static LangData,
    /// Entity mentions as (start, end, entity index), sorted by start.
    mentions: Vec<(usize, usize, usize)>,
    entities: &'d [Entity],
    /// Quantity start offsets, sorted.
    quantities: Vec<usize>,
    /// Hedge and unnamed-source markers as (start, end), sorted by start.
    hedges: Vec<(usize, usize)>,
}

impl<'d, 'a> Ctx<'d, 'a> {
    fn new(doc: &'d Doc<'a>, entities: &'d [Entity], quantities: &[Quantity], markers: &[Marker]) -> Ctx<'d, 'a> {
        let mut mentions: Vec<(usize, usize, usize)> = entities
            .iter()
            .enumerate()
            .flat_map(|(k, e)| e.mentions.iter().map(move |m| (m.start, m.end, k)))
            .collect();
        crate::sort::sort(&mut mentions);
        let mut qs: Vec<usize> = quantities.iter().map(|q| q.span.start).collect();
        crate::sort::sort(&mut qs);
        let mut hedges: Vec<(usize, usize)> = markers
            .iter()
            .filter(|m| matches!(m.kind, MarkerKind::Hedge | MarkerKind::UnnamedSource))
            .map(|m| (m.span.start, m.span.end))
            .collect();
        crate::sort::sort(&mut hedges);
        Ctx { doc, words: Words::of(doc), data: &DATA[doc.lang.index()], mentions, entities, quantities: qs, hedges }
    }

    /// The tokens inside the byte range `start..end`.
    fn tokens_in(&self, start: usize, end: usize) -> Option<Range<usize>> {
        let from = self.doc.tokens.partition_point(|t| t.start < start);
        let to = self.doc.tokens.partition_point(|t| t.end <= end);
        (from < to).then_some(from..to)
    }

    fn hedged(&self, start: usize, end: usize) -> bool {
        let first = self.hedges.partition_point(|&(s, _)| s < start);
        self.hedges[first..].first().is_some_and(|&(s, _)| s < end)
    }

    /// The mentions that start inside `start..end`.
    fn mentions_in(&self, start: usize, end: usize) -> &[(usize, usize, usize)] {
        let from = self.mentions.partition_point(|&(s, _, _)| s < start);
        let to = self.mentions.partition_point(|&(s, _, _)| s < end);
        &self.mentions[from..to]
    }

    /// Scores the tokens of `range`, leaving out those `skip` marks.
    fn score(&self, range: Range<usize>, skip: &[bool]) -> Scored {
        let (doc, words, data) = (self.doc, &self.words, self.data);
        let kept = |k: usize| !skip.get(k).copied().unwrap_or(false);
        let mut cues: Vec<&'static str> = Vec::new();
        let mut i = range.start;
        while i < range.end {
            // A cue must start on a kept token: a quote's words are not looked up again.
            match kept(i).then(|| data.claim_cues.longest_at(words, i, range.end)).flatten() {
                Some((n, class)) if (i..i + n).all(kept) => {
                    cues.push(class);
                    i += n;
                }
                _ => i += 1,
            }
        }
        let has = |c: &str| cues.contains(&c);
        let (mut digits, mut actor, mut reports, mut n_words) = (false, false, false, 0);
        // Tokens come in text order, so quantities and mentions are walked
        // alongside them rather than searched for at every token; and each flag,
        // once set, needs no more look-ups.
        let first_start = doc.tokens.get(range.start).map_or(usize::MAX, |t| t.start);
        let mut next_quantity = self.quantities.partition_point(|&s| s < first_start);
        let mut next_mention = self.mentions.partition_point(|&(s, _, _)| s < first_start);
        for k in range.clone().filter(|&k| kept(k)) {
            let t = &doc.tokens[k];
            if !digits {
                while self.quantities.get(next_quantity).is_some_and(|&s| s < t.start) {
                    next_quantity += 1;
                }
                digits = (t.kind == TokenKind::Number && !self.is_date_number(k, &range))
                    || self.quantities.get(next_quantity) == Some(&t.start);
            }
            if !actor {
                while self.mentions.get(next_mention).is_some_and(|&(s, _, _)| s < t.start) {
                    next_mention += 1;
                }
                actor = self.mentions.get(next_mention).is_some_and(|&(s, _, _)| s == t.start)
                    || (self.mentions.is_empty() && k > range.start && self.is_name(k));
            }
            if !reports {
                reports = data.reporting.longest_at(words, k, range.end).is_some();
            }
            n_words += usize::from(is_word(t));
        }
        let mut unit = Scored { score: 0.0, reasons: Vec::new(), checkable: false };
        unit.add(digits || has("number"), 0.25, "number", true);
        unit.add(has("unit"), 0.15, "quantity", true);
        unit.add(has("statistic"), 0.2, "statistic", true);
        unit.add(has("comparison"), 0.2, "comparison", true);
        unit.add(has("causal"), 0.3, "causal", true);
        unit.add(has("event"), 0.15, "event", true);
        unit.add(actor || has("actor"), 0.2, "public actor", false);
        unit.add(reports, 0.05, "reported speech", false);
        let mut penalty = 0.0;
        if has("opinion") {
            penalty += 0.5;
        }
        if has("smalltalk") {
            penalty += 0.5;
        }
        if words[range.clone()].last().is_some_and(|w| w.contains('?')) {
            penalty += 0.2;
        }
        if n_words < 5 {
            penalty += 0.2;
        }
        unit.score = (unit.score - penalty).clamp(0.0, 1.0);
        unit
    }

    /// A capitalised word inside the unit that is not a function word: a name.
    fn is_name(&self, k: usize) -> bool {
        is_capitalised(self.doc, &self.doc.tokens[k]) && !self.words.in_list(k, word_lists::FRAMING_STOPWORDS)
    }

    /// A number that is part of a date: "25 novembre", "2024", "November 25".
    fn is_date_number(&self, k: usize, range: &Range<usize>) -> bool {
        let w = &self.words[k];
        let year = w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y));
        let month_near = |j: usize| {
            range.contains(&j)
                && self.data.claim_cues.longest_at(&self.words, j, range.end).is_some_and(|(_, c)| *c == "month")
        };
        year || month_near(k + 1) || (k > 0 && month_near(k - 1))
    }

    /// The named entity a sentence attributes its content to: the first mention
    /// after "selon" / "according to", or the nearest mention before a reporting
    /// verb ("Le ministère a déclaré que…").
    fn named_source(&self, range: Range<usize>) -> Option<&'d Entity> {
        let (doc, words, data) = (self.doc, &self.words, self.data);
        for k in range.clone() {
            let Some((n, _)) = data.reporting.longest_at(words, k, range.end) else { continue };
            let cue_start = doc.tokens[k].start;
            let cue_end = doc.tokens[k + n - 1].end;
            let after_end = doc.tokens[(k + n + SOURCE_WINDOW).min(range.end) - 1].end;
            let before_start = doc.tokens[k.saturating_sub(SOURCE_WINDOW).max(range.start)].start;
            let is_preposition = matches!(words[k], "selon" | "d'après" | "according");
            let found = if is_preposition {
                self.mentions_in(cue_end, after_end).first()
            } else {
                // Subject before the verb, or after it when inverted ("a déclaré le ministère").
                // The subject stands right before the verb, past an auxiliary, a
                // possessive's noun ("Ukraine's air force said") or an apposition
                // between commas ("John Thune, R-S.D., called"); "…Erik ten Hag,
                // the club announced" and "Republican-led states" name no source.
                let close_before = |&&(_, end, _): &&(usize, usize, usize)| {
                    let between = self.tokens_in(end, cue_start).unwrap_or(k..k);
                    let tok = |j: usize| doc.tok(&doc.tokens[j]);
                    // The name ends its word: "Republican-led" is no subject.
                    let word_ends =
                        doc.text[end..].starts_with(|c: char| !crate::segment::is_alphanumeric(c) && c != '-');
                    let apposition = between.len() >= 3
                        && between.len() <= 8
                        && tok(between.start) == ","
                        && tok(between.end - 1) == ",";
                    let adjacent = between.len() <= 3
                        && between.clone().all(|j| !matches!(tok(j), "," | "-" | "–" | "—" | ";" | ":"));
                    word_ends && (apposition || adjacent)
                };
                self.mentions_in(before_start, cue_start)
                    .last()
                    .filter(close_before)
                    .or_else(|| self.mentions_in(cue_end, after_end).first())
            };
            if let Some(&(_, _, e)) = found {
                return self.entities.get(e);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests;

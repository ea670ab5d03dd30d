//! Count checks: does a total equal the sum of its parts?

use serde::Serialize;

use crate::numbers::lexicon;
use crate::numbers::{same_noun, Quantity, QuantityKind};
use crate::segment::{Doc, TokenKind};

/// A total broken into parts about the same thing.
#[derive(Clone, Debug, Serialize)]
pub struct CountCheck {
    /// Always `count_sum` for now.
    pub kind: &'static str,
    /// The id of the total's quantity.
    pub total: String,
    /// The ids of the parts.
    pub parts: Vec<String>,
    pub consistent: bool,
    /// "8 = 7 abattus + 1 a atteint sa cible".
    pub explanation: String,
}

/// How many sentences after the total its parts may come.
const PART_WINDOW: usize = 2;

/// How many quantities after a total are looked at, so that a huge sentence
/// full of numbers stays linear.
const MAX_CANDIDATES: usize = 24;

/// How many tokens after a count its part cue may come ("sept missiles ont été abattus").
const CUE_WINDOW: usize = 6;

/// Finds totals and their parts among the quantities.
///
/// A total is a count with its noun written out ("huit missiles"). Its parts
/// are the counts of the same noun that follow within `PART_WINDOW`
/// sentences, each with a cue saying what became of it ("abattus", "ont
/// atteint leur cible"). A count of the same noun without a cue is a new
/// total and ends the search; a count after "dont" / "including" is a subset,
/// not a part, and cancels the sum. Two parts at least make a check.
///
/// Parts may instead break the total down by place: bare counts, each after a
/// joint and before a preposition of place ("Twelve people died, nine in
/// Nairobi and three in Garissa"). After a subset cue ("sept morts, dont
/// quatre à Kharkiv et trois à Odessa") such a list may leave places out, so
/// it is checked only when it adds up or exceeds its total.
pub fn find(doc: &Doc, quantities: &[Quantity]) -> Vec<CountCheck> {
    let lex = lexicon::of(doc.lang);
    let token_at = |offset: usize| doc.tokens.partition_point(|t| t.start < offset);
    let sentence_of = |q: &Quantity| doc.sentence_at(q.span.start).unwrap_or(usize::MAX);
    // The token index of the cue word after a count, if any.
    let cue_after = |q: &Quantity| -> Option<usize> {
        let s = doc.sentences.get(sentence_of(q))?;
        let first = token_at(q.span.end);
        // "90 drones et trois missiles ont été abattus": the cue of a
        // coordination of counts comes after the last one.
        let coordinated = first + 2 < doc.tokens.len()
            && matches!(doc.lower(first + 1), "et" | "and")
            && (doc.tokens[first + 2].kind == TokenKind::Number || lex.words.contains_key(doc.lower(first + 2)));
        let window = if coordinated { CUE_WINDOW + 3 } else { CUE_WINDOW };
        (first..s.tokens.end.min(first + window)).find(|&k| lex.is_part_cue(doc.lower(k)))
    };
    let is_subset = |q: &Quantity| {
        let Some(s) = doc.sentences.get(sentence_of(q)) else { return false };
        lex.subset_cue_before(doc, token_at(q.span.start), s.tokens.start)
    };
    // The preposition of place after a part of a breakdown by place.
    let place_after = |q: &Quantity| -> Option<usize> {
        let s = doc.sentences.get(sentence_of(q))?;
        let (first, end) = (token_at(q.span.start), token_at(q.span.end));
        lex.is_breakdown_part(doc, first, end, s.tokens.clone()).then_some(end)
    };
    let countable = |q: &Quantity| q.kind == QuantityKind::Count && q.of.is_some() && q.value.fract() == 0.0;
    let mut used = vec![false; quantities.len()];
    let mut out = Vec::new();
    for (t, total) in quantities.iter().enumerate() {
        if used[t] || !countable(total) || total.of_inherited || total.approximate || total.value < 2.0 {
            continue;
        }
        let noun = total.of.as_deref().expect("countable quantities have a noun");
        let last_sentence = sentence_of(total).saturating_add(PART_WINDOW);
        let mut parts = Vec::new();
        let mut subset = false;
        // Whether the parts are a breakdown by place, and whether it opened
        // with a subset cue ("dont quatre à Kharkiv").
        let mut by_place: Option<bool> = None;
        for (p, q) in quantities.iter().enumerate().skip(t + 1).take(MAX_CANDIDATES) {
            if sentence_of(q) > last_sentence {
                break;
            }
            if !countable(q) || !q.of.as_deref().is_some_and(|o| same_noun(o, noun)) {
                continue;
            }
            if let Some(place) = place_after(q) {
                // "29 were killed in Nairobi, 11 in Garissa": a count placed
                // like the parts after it is the list's first part.
                let placed = |k: usize| {
                    lex.breakdown_places.contains(doc.lower(k))
                        && doc.tokens.get(k + 1).is_some_and(|t| doc.tok(t).starts_with(char::is_uppercase))
                };
                if parts.is_empty() && (token_at(total.span.end)..token_at(q.span.start)).any(placed) {
                    break;
                }
                if q.value < total.value && (by_place.is_some() || parts.is_empty()) {
                    by_place.get_or_insert(is_subset(q));
                    parts.push((p, place));
                    continue;
                }
                break;
            }
            if is_subset(q) {
                subset = true;
                break;
            }
            match cue_after(q) {
                Some(cue) if q.value < total.value && by_place.is_none() => parts.push((p, cue)),
                _ => break,
            }
        }
        if subset || parts.len() < 2 {
            continue;
        }
        let sum: f64 = parts.iter().map(|&(p, _)| quantities[p].value).sum();
        let consistent = (sum - total.value).abs() < 1e-9;
        // "sept morts, dont quatre à Kharkiv et deux à Odessa" may leave the
        // rest out: a breakdown after a subset cue is wrong only when it
        // exceeds its total.
        if by_place == Some(true) && sum < total.value {
            continue;
        }
        for &(p, _) in &parts {
            used[p] = true;
        }
        let described: Vec<String> = parts.iter().map(|&(p, cue)| describe_part(doc, &quantities[p], cue)).collect();
        let values: Vec<String> = parts.iter().map(|&(p, _)| number(quantities[p].value)).collect();
        let verdict = if consistent {
            format!("{} = {}", values.join(" + "), number(total.value))
        } else {
            format!("{} = {}, not {}", values.join(" + "), number(sum), number(total.value))
        };
        out.push(CountCheck {
            kind: "count_sum",
            total: total.id.clone(),
            parts: parts.iter().map(|&(p, _)| quantities[p].id.clone()).collect(),
            consistent,
            explanation: format!(
                "{} ({}) {} = {} ({verdict})",
                total.span.text,
                number(total.value),
                noun,
                described.join(" + ")
            ),
        });
    }
    out
}

/// "sept (7) ont été abattus": the part as written, its value, and the words up
/// to its cue and the object that follows it, without crossing a clause.
fn describe_part(doc: &Doc, q: &Quantity, cue: usize) -> String {
    let s = doc.sentence_at(q.span.start).map_or(doc.tokens.len(), |s| doc.sentences[s].tokens.end);
    let mut end = cue;
    while end + 1 < s && end < cue + 3 {
        let t = &doc.tokens[end + 1];
        let w = doc.lower(end + 1);
        if matches!(t.kind, TokenKind::Punct | TokenKind::Number) || matches!(w, "et" | "and" | "mais" | "but") {
            break;
        }
        end += 1;
    }
    // "dans la région d'Odessa": an elision takes its word.
    if end + 1 < s && doc.tok(&doc.tokens[end]).ends_with(['\'', '’']) {
        end += 1;
    }
    let from = doc.tokens.partition_point(|t| t.start < q.span.end);
    // 'ont été « perdus »': the closing mark of a quote the tail opens.
    let opens = (from..=end).any(|k| matches!(doc.tok(&doc.tokens[k]), "«" | "“" | "\""));
    if opens && end + 1 < s && matches!(doc.tok(&doc.tokens[end + 1]), "»" | "”" | "\"") {
        end += 1;
    }
    let tail =
        if from <= end { doc.text[doc.tokens[from].start..doc.tokens[end].end].to_string() } else { String::new() };
    format!("{} ({}) {tail}", q.span.text, number(q.value)).trim_end().to_string()
}

/// Counts in checks are whole numbers (see `countable`); integer formatting
/// keeps the float printer out of the browser build.
fn number(v: f64) -> String {
    (v.round() as i64).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    fn checks(text: &str, lang: Lang) -> (Vec<Quantity>, Vec<CountCheck>) {
        let doc = Doc::new(text, lang);
        let quantities = crate::numbers::find(&doc, &[], &[]);
        let checks = find(&doc, &quantities);
        (quantities, checks)
    }

    fn text_of<'q>(quantities: &'q [Quantity], id: &str) -> &'q str {
        quantities.iter().find(|q| q.id == id).map_or("", |q| q.span.text.as_str())
    }

    /// (text, language, total as written, parts as written, consistent)
    type Case = (&'static str, Lang, &'static str, &'static [&'static str], bool);

    const SUMS: &[Case] = &[
        (
            "«Le régime de Kiev a lancé une frappe avec huit missiles sur l'aérodrome» indique le communiqué. \
             «Deux militaires ont été blessés», a-t-il ajouté, précisant que «sept missiles ont été abattus» \
             et qu'un autre avait atteint sa cible.",
            Lang::Fr,
            "huit",
            &["sept", "un"],
            true,
        ),
        (
            "L'attaque a été menée avec cinq missiles. «Trois missiles ATACMS ont été détruits et deux ont \
             atteint leur cible», a déclaré le ministère.",
            Lang::Fr,
            "cinq",
            &["Trois", "deux"],
            true,
        ),
        (
            "Le régime a lancé huit missiles. Six ont été abattus, un a atteint sa cible.",
            Lang::Fr,
            "huit",
            &["Six", "un"],
            false,
        ),
        (
            "L'attaque a été menée avec cinq missiles. Trois ont été détruits et trois ont atteint leur cible.",
            Lang::Fr,
            "cinq",
            &["Trois", "trois"],
            false,
        ),
        (
            "Russia fired eight missiles overnight. Seven were shot down and one hit its target.",
            Lang::En,
            "eight",
            &["Seven", "one"],
            true,
        ),
        (
            "Russia fired eight missiles overnight. Five were shot down and two hit their targets.",
            Lang::En,
            "eight",
            &["Five", "two"],
            false,
        ),
        // Breakdowns by place, after a joint: each part counts the total's noun.
        (
            "Sept personnes ont été tuées, dont quatre à Kharkiv et trois dans la région d'Odessa.",
            Lang::Fr,
            "Sept",
            &["quatre", "trois"],
            true,
        ),
        ("Le bilan est de cinq morts : trois à Alès et deux à Lodève.", Lang::Fr, "cinq", &["trois", "deux"], true),
        ("Twelve people died, nine in Nairobi and three in Garissa.", Lang::En, "Twelve", &["nine", "three"], true),
        ("Twelve people died, nine in Nairobi and four in Garissa.", Lang::En, "Twelve", &["nine", "four"], false),
        (
            "Sept personnes ont été tuées, dont cinq à Kharkiv et trois à Odessa.",
            Lang::Fr,
            "Sept",
            &["cinq", "trois"],
            false,
        ),
        // The cue of coordinated counts comes after the last.
        (
            "La Russie a lancé 112 drones et cinq missiles. Quatre-vingt-dix drones et trois missiles ont été \
             abattus, tandis que vingt-deux drones ont été « perdus ».",
            Lang::Fr,
            "112",
            &["Quatre-vingt-dix", "vingt-deux"],
            true,
        ),
    ];

    #[test]
    fn totals_broken_into_parts_are_checked() {
        for &(text, lang, total, parts, consistent) in SUMS {
            let (quantities, found) = checks(text, lang);
            assert_eq!(found.len(), 1, "{text:?}: {found:?}");
            let c = &found[0];
            assert_eq!(c.kind, "count_sum");
            assert_eq!(text_of(&quantities, &c.total), total, "{text:?}");
            let got: Vec<&str> = c.parts.iter().map(|p| text_of(&quantities, p)).collect();
            assert_eq!(got, parts, "{text:?}");
            assert_eq!(c.consistent, consistent, "{text:?}: {}", c.explanation);
            assert!(c.explanation.starts_with(total), "the explanation names the total as written: {}", c.explanation);
        }
    }

    #[test]
    fn the_explanation_shows_the_sum() {
        let (_, found) = checks(SUMS[0].0, Lang::Fr);
        assert_eq!(
            found[0].explanation,
            "huit (8) missiles = sept (7) missiles ont été abattus + un (1) autre avait atteint sa cible (7 + 1 = 8)"
        );
        let (_, found) = checks(SUMS[6].0, Lang::Fr);
        assert_eq!(
            found[0].explanation,
            "Sept (7) personnes = quatre (4) à Kharkiv + trois (3) dans la région d'Odessa (4 + 3 = 7)"
        );
        let (_, found) = checks(SUMS[2].0, Lang::Fr);
        assert!(found[0].explanation.ends_with("(6 + 1 = 7, not 8)"), "{}", found[0].explanation);
    }

    #[test]
    fn subsets_and_unrelated_counts_are_not_sums() {
        let cases: &[(&str, Lang)] = &[
            ("L'avion transportait 206 passagers, dont 12 enfants et 3 bébés.", Lang::Fr),
            ("The plane carried 206 passengers, including 12 children and 3 infants.", Lang::En),
            // After a subset cue, a breakdown that falls short may leave places out.
            ("Sept personnes ont été tuées, dont quatre à Kharkiv et deux à Odessa.", Lang::Fr),
            ("Seven people were killed, including four in Kharkiv and two in Odesa.", Lang::En),
            // The first count of a list by place is its first part, not its total.
            ("Of the dead, 29 were killed in Nairobi, 11 in Garissa and 7 in Tana River.", Lang::En),
            ("Huit missiles ont été tirés. Deux militaires ont été blessés et trois soldats tués.", Lang::Fr),
            ("Huit missiles ont été tirés. Sept ont été abattus.", Lang::Fr),
            ("Huit missiles ont été tirés. Ensuite cinq missiles ont été tirés. Trois ont été abattus.", Lang::Fr),
        ];
        for &(text, lang) in cases {
            let (_, found) = checks(text, lang);
            assert!(found.is_empty(), "{text:?}: {found:?}");
        }
    }

    #[test]
    fn parts_far_from_the_total_are_not_taken() {
        let text = "Huit missiles ont été tirés. Il pleuvait. Le vent soufflait. La nuit tombait. \
                    Sept ont été abattus et un autre a atteint sa cible.";
        let (_, found) = checks(text, Lang::Fr);
        assert!(found.is_empty(), "{found:?}");
    }
}

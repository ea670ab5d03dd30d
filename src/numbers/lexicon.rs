//! The per-language lists the number layer reads, parsed once.

use crate::hash::{HashMap, HashSet};
use crate::lang::{entries, pairs, Lang, PerLang};
use crate::per_lang;
use std::ops::Range;

use crate::segment::{fold, Doc};
use crate::word_lists::{self, WordLists};

/// What a number word does inside a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// 0–99: added to the current group.
    Unit,
    /// cent, hundred: multiplies the group by 100.
    Hundred,
    /// mille, million, thousand: closes a group.
    Scale,
    /// An ordinal form of a unit (septième, seventh).
    OrdUnit,
    /// centième, hundredth.
    OrdHundred,
    /// millième, thousandth.
    OrdScale,
    /// et, and: allowed between parts of one number.
    And,
    /// virgule, point: a spoken decimal separator.
    Point,
    /// a, an: one, but only before a hundred, a scale word or "dozen".
    Article,
    /// k, M, bn: a scale written short, only after digits.
    Abbr,
    /// moins, minus: makes the number after it negative.
    Minus,
}

impl Role {
    fn parse(s: &str) -> Option<Role> {
        Some(match s {
            "unit" => Role::Unit,
            "hundred" => Role::Hundred,
            "scale" => Role::Scale,
            "ord" => Role::OrdUnit,
            "ord-hundred" => Role::OrdHundred,
            "ord-scale" => Role::OrdScale,
            "and" => Role::And,
            "point" => Role::Point,
            "article" => Role::Article,
            "abbr" => Role::Abbr,
            "minus" => Role::Minus,
            _ => return None,
        })
    }
}

/// A set of words. Every word token is looked up in several of these, so
/// they hash (see `crate::hash`) rather than search sorted lists.
#[derive(Debug, Default)]
pub struct Set(HashSet<String>);

impl Set {
    pub fn contains(&self, word: &str) -> bool {
        self.0.contains(word)
    }

    fn words(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }

    pub fn insert(&mut self, word: String) -> bool {
        self.0.insert(word)
    }
}

impl FromIterator<String> for Set {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> Set {
        Set(iter.into_iter().collect())
    }
}

/// Words with a value each.
#[derive(Debug)]
pub struct Map<V>(HashMap<String, V>);

impl<V> Default for Map<V> {
    fn default() -> Map<V> {
        Map(HashMap::default())
    }
}

impl<V> Map<V> {
    pub fn get(&self, word: &str) -> Option<&V> {
        self.0.get(word)
    }

    fn words(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }

    pub fn contains_key(&self, word: &str) -> bool {
        self.0.contains_key(word)
    }

    /// Sets the value of `word`, returning the one it replaces.
    pub fn insert(&mut self, word: String, value: V) -> Option<V> {
        self.0.insert(word, value)
    }
}

/// Phrases with a value each, found by any of their words: a number is
/// looked up in several lists at every token, so each list is indexed rather
/// than scanned.
#[derive(Debug)]
pub struct Phrases<V> {
    items: Vec<(Vec<String>, V)>,
    /// A word's comparable form → (phrase, position of the word in it).
    by_word: HashMap<String, Vec<(usize, usize)>>,
}

impl<V> Default for Phrases<V> {
    fn default() -> Phrases<V> {
        Phrases { items: Vec::new(), by_word: HashMap::default() }
    }
}

impl<V> Phrases<V> {
    pub fn push(&mut self, phrase: Vec<String>, value: V) {
        for (k, w) in phrase.iter().enumerate() {
            self.by_word.entry(crate::segment::fold(w)).or_default().push((self.items.len(), k));
        }
        self.items.push((phrase, value));
    }

    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The phrases holding a word whose comparable form is `lowered`, each with
    /// its value and the word's position, in list order.
    pub fn having<'s>(&'s self, lowered: &str) -> impl Iterator<Item = (&'s [String], &'s V, usize)> + 's {
        let hits = self.by_word.get(lowered).map_or(&[][..], Vec::as_slice);
        hits.iter().map(|&(p, k)| (self.items[p].0.as_slice(), &self.items[p].1, k))
    }

    /// The phrases starting with a word whose comparable form is `lowered`.
    pub fn starting<'s>(&'s self, lowered: &str) -> impl Iterator<Item = (&'s [String], &'s V)> + 's {
        self.having(lowered).filter(|&(_, _, k)| k == 0).map(|(p, v, _)| (p, v))
    }
}

impl<V> FromIterator<(Vec<String>, V)> for Phrases<V> {
    fn from_iter<I: IntoIterator<Item = (Vec<String>, V)>>(iter: I) -> Phrases<V> {
        let mut out = Phrases::default();
        for (p, v) in iter {
            out.push(p, v);
        }
        out
    }
}

impl FromIterator<Vec<String>> for Phrases<()> {
    fn from_iter<I: IntoIterator<Item = Vec<String>>>(iter: I) -> Phrases<()> {
        iter.into_iter().map(|p| (p, ())).collect()
    }
}

/// When the word for one counts.
#[derive(Debug, Default)]
pub struct OneRules {
    pub forms: Set,
    /// Alone it counts (English "one"); otherwise it is an article (French "un").
    pub counts_by_default: bool,
    pub counts_before: Set,
    pub counts_before_unless_noun: Set,
    pub not_after: Set,
    /// Phrases (one or two words) that stop it when they follow.
    pub not_before: Set,
}

/// Everything the number layer knows about one language.
#[derive(Debug, Default)]
pub struct Lexicon {
    pub words: Map<(f64, Role)>,
    /// Scale abbreviations, case kept: ("M", 1e6).
    pub scale_abbreviations: Vec<(String, f64)>,
    /// Approximate nouns: value and whether the noun is exact ("a dozen").
    pub approx: Map<(f64, bool)>,
    pub approx_determiners: Set,
    pub ordinal_suffixes: Set,
    /// Multi-word phrases as lists of lowercased words.
    pub currencies: Phrases<String>,
    pub units: Phrases<String>,
    pub percent: Phrases<()>,
    pub time_words: Set,
    pub months: Set,
    pub label_before: Set,
    pub label_after: Set,
    pub approx_cues: Phrases<()>,
    pub noun_skip: Set,
    /// "of", "des": the counted noun comes after them ("two of the victims").
    pub partitive: Set,
    pub standalone_next: Set,
    pub part_cues: Vec<String>,
    /// Cue words that are nouns too: after a number they are what is counted.
    pub cue_nouns: Set,
    pub subset_cues: Vec<Vec<String>>,
    /// A breakdown by place: the joints before a bare count, and the
    /// prepositions of place after it (`numbers_breakdown.txt`).
    pub breakdown_joints: Vec<Vec<String>>,
    pub breakdown_places: Set,
    /// The joints between a range's bounds, each with the word that must open
    /// the range for it, or "" (`numbers_ranges.txt`).
    pub range_joints: Vec<(String, String)>,
    pub fractions: Map<f64>,
    /// Phrases adding a fraction of the number's last unit: "et demi", "and a half".
    pub halves: Phrases<f64>,
    /// Nouns that divide the number before them: "deux tiers".
    pub denominators: Map<f64>,
    pub not_numbers: Phrases<()>,
    pub stopwords: Set,
    pub one: OneRules,
}

impl Lexicon {
    /// Whether the count on tokens `first..end` of `doc` is a part of a
    /// breakdown by place ("dont quatre à Kharkiv", ", nine in Nairobi"): a
    /// joint ends right before it and a preposition of place follows it,
    /// within the sentence on tokens `sentence`.
    pub fn is_breakdown_part(&self, doc: &Doc, first: usize, end: usize, sentence: Range<usize>) -> bool {
        if first <= sentence.start || end >= sentence.end || !self.breakdown_places.contains(doc.lower(end)) {
            return false;
        }
        if matches!(doc.tok(&doc.tokens[first - 1]), "," | ":" | ";") {
            return true;
        }
        ends_before(&self.breakdown_joints, doc, first, sentence.start)
            || self.subset_cue_before(doc, first, sentence.start)
    }

    /// Whether a subset cue ("dont", "including") ends right before token
    /// `at`, within the sentence starting at token `from`.
    pub fn subset_cue_before(&self, doc: &Doc, at: usize, from: usize) -> bool {
        ends_before(&self.subset_cues, doc, at, from)
    }

    /// Whether `word` (normalised) is a part cue: a listed word, or one that
    /// starts with a listed stem (entries ending in `*`).
    pub fn is_part_cue(&self, word: &str) -> bool {
        self.part_cues.iter().any(|c| match c.strip_suffix('*') {
            Some(stem) => word.starts_with(stem),
            None => word == c,
        })
    }
}

/// Whether one of `phrases` (lowercase words) ends right before token `at`,
/// starting at or after token `from`.
fn ends_before(phrases: &[Vec<String>], doc: &Doc, at: usize, from: usize) -> bool {
    phrases
        .iter()
        .any(|p| at >= from + p.len() && p.iter().enumerate().all(|(k, w)| doc.lower(at - p.len() + k) == w.as_str()))
}

fn phrase(s: &str) -> Vec<String> {
    s.split_whitespace().map(fold).collect()
}

/// A phrase whose words keep their case when they have capitals ("F" for
/// francs must not match the letter "f"); see [`word_matches`].
fn cased_phrase(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|w| if w.chars().any(char::is_uppercase) { w.replace('’', "'") } else { fold(w) })
        .collect()
}

/// Whether a token's text matches a list word: exactly when the word has
/// capitals, case-insensitively otherwise.
/// `lowered` is the token's comparable form ([`crate::segment::Doc::lower`]).
pub fn word_matches(word: &str, token: &str, lowered: &str) -> bool {
    if word.chars().any(char::is_uppercase) {
        word == token.replace('’', "'")
    } else {
        word == lowered
    }
}

fn set(data: &'static str) -> Set {
    entries(data).map(fold).collect()
}

fn build(i: usize) -> Lexicon {
    let mut lex = Lexicon::default();
    for (k, v) in pairs(per_lang!("numbers_words.txt")[i]) {
        let mut f = v.split('|');
        let value = f.next().and_then(|x| crate::decimal::parse(x.trim()));
        let role = f.next().and_then(|r| Role::parse(r.trim()));
        if let (Some(value), Some(role)) = (value, role) {
            // Ordinals take a plural in both languages: "vingt-cinquièmes", "twenty-fifths".
            if matches!(role, Role::OrdUnit | Role::OrdHundred | Role::OrdScale) && !k.ends_with('s') {
                let plural = fold(&format!("{k}s"));
                if !lex.words.contains_key(&plural) {
                    lex.words.insert(plural, (value, role));
                }
            }
            // Abbreviations keep their case: "M" is a million, "m" a metre.
            match role {
                Role::Abbr => lex.scale_abbreviations.push((k.to_string(), value)),
                _ => {
                    lex.words.insert(fold(k), (value, role));
                }
            }
        }
    }
    for (k, v) in pairs(per_lang!("numbers_approx.txt")[i]) {
        if let Some(det) = k.strip_prefix('@') {
            lex.approx_determiners.insert(fold(det));
            continue;
        }
        let mut f = v.split('|');
        if let Some(value) = f.next().and_then(|x| crate::decimal::parse(x.trim())) {
            let exact = f.next().is_some_and(|x| x.trim() == "=");
            lex.approx.insert(fold(k), (value, exact));
        }
    }
    for (k, v) in pairs(per_lang!("numbers_fractions.txt")[i]) {
        if let Some(value) = crate::decimal::parse(v) {
            if let Some(p) = k.strip_prefix('+') {
                lex.halves.push(phrase(p), value);
                continue;
            }
            match k.strip_prefix('/') {
                Some(noun) => lex.denominators.insert(fold(noun), value),
                None => lex.fractions.insert(fold(k), value),
            };
        }
    }
    lex.ordinal_suffixes = set(per_lang!("numbers_ordinal_suffixes.txt")[i]);
    // Currencies keep their case: "F" (francs) must not match the word "f".
    lex.currencies =
        pairs(per_lang!("numbers_currencies.txt")[i]).map(|(k, v)| (cased_phrase(k), v.to_string())).collect();
    lex.units = pairs(per_lang!("numbers_units.txt")[i]).map(|(k, v)| (cased_phrase(k), v.to_string())).collect();
    lex.percent = entries(per_lang!("numbers_percent.txt")[i]).map(phrase).collect();
    lex.time_words = set(per_lang!("numbers_time_words.txt")[i]);
    lex.months = set(per_lang!("numbers_months.txt")[i]);
    for e in entries(per_lang!("numbers_label_words.txt")[i]) {
        if let Some(w) = e.strip_prefix('<') {
            lex.label_before.insert(fold(w));
        } else if let Some(w) = e.strip_prefix('>') {
            lex.label_after.insert(fold(w));
        }
    }
    lex.approx_cues = entries(per_lang!("numbers_approx_cues.txt")[i]).map(phrase).collect();
    lex.noun_skip = set(per_lang!("numbers_noun_skip.txt")[i]);
    lex.partitive = set(per_lang!("numbers_partitive.txt")[i]);
    lex.standalone_next = set(per_lang!("numbers_standalone_next.txt")[i]);
    for e in entries(per_lang!("numbers_part_cues.txt")[i]) {
        match e.strip_prefix('=') {
            Some(noun) => lex.cue_nouns.insert(fold(noun)),
            None => {
                lex.part_cues.push(fold(e));
                true
            }
        };
    }
    lex.subset_cues = entries(per_lang!("numbers_subset_cues.txt")[i]).map(phrase).collect();
    lex.range_joints = pairs(per_lang!("numbers_ranges.txt")[i]).map(|(j, o)| (fold(j), fold(o))).collect();
    for e in entries(per_lang!("numbers_breakdown.txt")[i]) {
        match e.strip_prefix('+') {
            Some(joint) => lex.breakdown_joints.push(phrase(joint)),
            None => {
                lex.breakdown_places.insert(fold(e));
            }
        }
    }
    lex.not_numbers = entries(per_lang!("numbers_not_numbers.txt")[i]).map(phrase).collect();
    lex.stopwords = set(per_lang!("stopwords.txt")[i]);
    for e in entries(per_lang!("numbers_one.txt")[i]) {
        let one = &mut lex.one;
        if let Some(w) = e.strip_prefix('=') {
            one.forms.insert(fold(w));
        } else if let Some(w) = e.strip_prefix('+') {
            one.counts_before.insert(fold(w));
        } else if let Some(w) = e.strip_prefix('~') {
            one.counts_before_unless_noun.insert(fold(w));
        } else if let Some(w) = e.strip_prefix('<') {
            one.not_after.insert(fold(w));
        } else if let Some(w) = e.strip_prefix('>') {
            one.not_before.insert(phrase(w).join(" "));
        } else if e == "default:count" {
            one.counts_by_default = true;
        }
    }
    lex
}

static LEXICONS: PerLang<Lexicon> = PerLang::new(|l| build(l.index()));

/// The lexicon of `lang`.
pub fn of(lang: Lang) -> &'static Lexicon {
    &LEXICONS[lang.index()]
}

/// The number layer's words for the word-list table of `lang`, with their lists.
pub(crate) fn word_lists(lang: Lang) -> Vec<(&'static str, WordLists)> {
    let lex = of(lang);
    let mut out = Vec::new();
    out.extend(lex.words.words().map(|w| (w, word_lists::NUM_WORDS)));
    out.extend(lex.approx.words().map(|w| (w, word_lists::NUM_APPROX)));
    out.extend(lex.approx_determiners.words().map(|w| (w, word_lists::NUM_APPROX_DETERMINERS)));
    out.extend(lex.fractions.words().map(|w| (w, word_lists::NUM_FRACTIONS)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_and_maps_find_what_was_inserted_in_any_order() {
        let set: Set = ["b", "a", "c", "a"].into_iter().map(String::from).collect();
        assert!(set.contains("a") && set.contains("c") && !set.contains("d"));
        let mut map = Map::default();
        assert_eq!(map.insert("z".to_string(), 1), None);
        assert_eq!(map.insert("a".to_string(), 2), None);
        assert_eq!(map.insert("z".to_string(), 3), Some(1));
        assert_eq!((map.get("z"), map.get("a"), map.get("m")), (Some(&3), Some(&2), None));
    }

    #[test]
    fn every_language_has_its_lists() {
        for lang in Lang::ALL {
            let lex = of(lang);
            assert!(lex.words.0.len() > 40, "{lang:?} number words");
            assert!(!lex.currencies.is_empty() && !lex.units.is_empty() && !lex.percent.is_empty());
            assert!(!lex.one.forms.0.is_empty(), "{lang:?} forms of one");
            assert!(!lex.part_cues.is_empty() && !lex.months.0.is_empty());
        }
    }
}

//! Phrase lists matched token by token, and the per-language framing data.
//!
//! Phrases are tokenized with the same tokenizer as the article, so `d'après`
//! and `semble-t-il` split the same way on both sides. Matching is keyed by the
//! first token in a hash map, and a phrase is at most a few tokens long, so a
//! pass over a sentence is linear in its length.

use crate::hash::{HashMap, HashSet};

use crate::lang::{entries, pairs, Lang, PerLang};
use crate::per_lang;
use crate::segment::{fold, tokenize, Doc, Token, TokenKind};
use crate::word_lists::{self, WordLists};

use super::MarkerKind;

/// A document's comparable words ([`Doc::lower`]) and the word lists each
/// belongs to ([`Doc::word_lists`]), index for index. Derefs to the words.
pub(crate) struct Words<'d> {
    lower: Vec<&'d str>,
    lists: &'d [WordLists],
}

impl<'d> Words<'d> {
    pub(crate) fn of(doc: &'d Doc) -> Words<'d> {
        Words { lower: doc.lower_words(), lists: doc.word_lists() }
    }

    /// Whether word `i` is in a word list (a set of words, not phrases) with bit `list`.
    #[inline]
    pub(crate) fn in_list(&self, i: usize, list: WordLists) -> bool {
        self.lists[i].any_of(list)
    }

    /// Whether word `i` may start a phrase of a list with bit `list`; `None`
    /// (a list with no bit) always may.
    #[inline]
    fn may_start(&self, i: usize, list: Option<WordLists>) -> bool {
        match list {
            Some(l) => self.lists[i].any_of(l),
            None => true,
        }
    }
}

impl<'d> std::ops::Deref for Words<'d> {
    type Target = [&'d str];

    fn deref(&self) -> &[&'d str] {
        &self.lower
    }
}

/// A list of phrases, each with a value, matched on normalised tokens.
pub(crate) struct Phrases<T> {
    /// First token → (rest of the phrase, value), longest first.
    by_first: HashMap<String, Vec<(Vec<String>, T)>>,
    /// Its bit in the language's word-list table, which files every first
    /// word: a token without the bit starts no phrase, and is not hashed again.
    list: Option<WordLists>,
}

impl<T> Phrases<T> {
    pub(crate) fn new() -> Phrases<T> {
        Phrases { by_first: HashMap::default(), list: None }
    }

    /// Room for the phrases of `data`'s lines without growing: a table that
    /// grows hashes its words again at each step.
    fn for_lines_of(data: &[&str]) -> Phrases<T> {
        let lines = data.iter().map(|d| crate::lang::count_newlines(d) + 1).sum();
        Phrases { by_first: HashMap::with_capacity_and_hasher(lines, Default::default()), list: None }
    }

    /// The same phrases, their first words filed under `list` in the word-list table.
    fn filed_under(mut self, list: WordLists) -> Phrases<T> {
        self.list = Some(list);
        self
    }

    /// Every first word, with this list's bit.
    fn first_words(&'static self) -> impl Iterator<Item = (&'static str, WordLists)> {
        let list = self.list.unwrap_or_default();
        self.by_first.keys().map(move |w| (w.as_str(), list))
    }

    pub(crate) fn insert(&mut self, phrase: &str, value: T) {
        let mut words: Vec<String> = Vec::new();
        if !phrase.is_empty() && phrase.chars().all(crate::segment::is_alphabetic) {
            // Most entries are one plain word, which the tokenizer would return
            // whole: the lists hold thousands, built on first use.
            words.push(fold(phrase));
        } else {
            for t in tokenize(phrase) {
                let w = fold(&phrase[t.start..t.end]);
                // A lone elision ("qu'", "d'") tokenizes as a word and an apostrophe;
                // in running text it is one token.
                match words.last_mut() {
                    Some(last) if w == "'" && !last.ends_with('\'') => last.push('\''),
                    _ => words.push(w),
                }
            }
        }
        if words.is_empty() {
            return;
        }
        let first = words.remove(0);
        let list = self.by_first.entry(first).or_default();
        // Longest first; among phrases of one length, in the order listed.
        let at = list.partition_point(|(rest, _)| rest.len() >= words.len());
        list.insert(at, (words, value));
    }

    /// Every phrase that starts at `words[i]` and ends before `end`, longest
    /// first, as (number of tokens, value).
    pub(crate) fn matches_at<'s>(
        &'s self,
        words: &'s Words<'s>,
        i: usize,
        end: usize,
    ) -> impl Iterator<Item = (usize, &'s T)> + 's {
        let end = end.min(words.len());
        let list = if i < end && words.may_start(i, self.list) { self.by_first.get(words[i]) } else { None };
        list.into_iter().flatten().filter_map(move |(rest, value)| {
            let stop = i + 1 + rest.len();
            (stop <= end && words[i + 1..stop] == rest[..]).then_some((rest.len() + 1, value))
        })
    }

    /// The longest phrase at `words[i]`, as (number of tokens, value).
    #[inline]
    pub(crate) fn longest_at<'s>(&'s self, words: &Words, i: usize, end: usize) -> Option<(usize, &'s T)> {
        // `matches_at(..).next()`, spelt out: this runs several times per token,
        // and the iterator adapters cost a copy of their state at each call.
        let end = end.min(words.len());
        if i >= end || !words.may_start(i, self.list) {
            return None;
        }
        self.longest_from(words, i, end)
    }

    /// [`Phrases::longest_at`] past the bit test. Kept apart so that the test,
    /// which turns away most tokens, is inlined at every call and the look-up is not.
    #[inline(never)]
    fn longest_from<'s>(&'s self, words: &Words, i: usize, end: usize) -> Option<(usize, &'s T)> {
        let list = self.by_first.get(words[i])?;
        list.iter().find_map(|(rest, value)| {
            let stop = i + 1 + rest.len();
            (stop <= end && words[i + 1..stop] == rest[..]).then_some((rest.len() + 1, value))
        })
    }

    /// Whether any phrase occurs in `words[start..end]`.
    pub(crate) fn occurs_in(&self, words: &Words, start: usize, end: usize) -> bool {
        (start..end).any(|i| self.longest_at(words, i, end).is_some())
    }
}

/// Conditions a lexicon entry puts on its context.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Flags {
    /// "selon X" / "according to X": X must be a source.
    pub attrib: bool,
    /// Not right after a form of être/avoir or be/have.
    pub notcopula: bool,
    /// Only as a noun, right after a determiner.
    pub det: bool,
    /// A proper name must follow (and joins the span).
    pub name_after: bool,
    /// A proper name must come first (and joins the span).
    pub name_before: bool,
}

/// One lexicon entry: what a phrase marks.
#[derive(Clone, Debug)]
pub(crate) struct Entry {
    pub kind: MarkerKind,
    /// The key of the default `why` in `why.txt`.
    pub why_key: &'static str,
    pub technique: Option<&'static str>,
    pub flags: Flags,
    /// A `why` of its own, `{}` standing for the marked words.
    pub why: Option<&'static str>,
}

/// Everything the framing layer knows about one language.
pub(crate) struct LangData {
    /// Word classes of `words.txt` (det, indef, copula…).
    pub classes: HashMap<&'static str, Phrases<()>>,
    /// Hedges, distancing words, labels, loaded words and intensifiers.
    pub lexicon: Phrases<Entry>,
    pub source_heads: HashSet<String>,
    pub bare_source_heads: HashSet<String>,
    pub source_qualifiers: Phrases<()>,
    /// The words allowed between an indefinite and a source noun, where the
    /// language puts few adjectives first ("un haut responsable"); empty: any.
    pub source_premodifiers: HashSet<String>,
    pub fixed_sources: Phrases<()>,
    /// Conditional auxiliaries, factual conditional verbs (singular and plural),
    /// counterfactual participles and what may follow "serait".
    pub cond_aux: HashSet<String>,
    pub cond_verbs: HashSet<String>,
    pub counterfactual: HashSet<String>,
    pub after_etre: Phrases<()>,
    pub reporting: Phrases<()>,
    pub stopwords: HashSet<String>,
    pub why: HashMap<&'static str, &'static str>,
    /// Claim cues by class (number, unit, statistic, comparison…).
    pub claim_cues: Phrases<&'static str>,
}

impl LangData {
    /// Whether `words[i]` starts a phrase of word class `class`.
    pub(crate) fn is(&self, class: &str, words: &Words, i: usize) -> bool {
        i < words.len() && self.classes.get(class).is_some_and(|p| p.longest_at(words, i, words.len()).is_some())
    }

    /// The class phrase at `words[i]` (bounded by `end`), as its length in tokens.
    pub(crate) fn class_at(&self, class: &str, words: &Words, i: usize, end: usize) -> Option<usize> {
        self.classes.get(class).and_then(|p| p.longest_at(words, i, end)).map(|(n, _)| n)
    }

    /// Whether `word` ends like an adjective of this language.
    pub(crate) fn has_adjective_suffix(&self, word: &str) -> bool {
        self.classes.get("adjective_suffix").is_some_and(|p| {
            p.by_first.keys().any(|suffix| word.len() > suffix.len() + 2 && word.ends_with(suffix.as_str()))
        })
    }

    /// The `why` sentence for `key`, with `{}` replaced by `text`.
    pub(crate) fn why(&self, key: &str, own: Option<&str>, text: &str) -> String {
        let template = own.or_else(|| self.why.get(key).copied()).unwrap_or("{}");
        template.replace("{}", text)
    }
}

fn parse_entry(line: &'static str, kind: MarkerKind, why_key: &'static str) -> (&'static str, Entry) {
    let mut fields = line.split('|').map(str::trim);
    let phrase = fields.next().unwrap_or_default();
    let technique = fields.next().filter(|t| !t.is_empty());
    let mut flags = Flags::default();
    for flag in fields.next().unwrap_or_default().split(',').map(str::trim) {
        match flag {
            "attrib" => flags.attrib = true,
            "notcopula" => flags.notcopula = true,
            "det" => flags.det = true,
            "name_after" => flags.name_after = true,
            "name_before" => flags.name_before = true,
            _ => {}
        }
    }
    let why = fields.next().filter(|w| !w.is_empty());
    (phrase, Entry { kind, why_key, technique, flags, why })
}

fn word_set(data: &'static str, class: &str) -> HashSet<String> {
    pairs(data).filter(|(c, _)| *c == class).map(|(_, w)| fold(w)).collect()
}

fn load(lang: Lang) -> LangData {
    let i = lang.index();
    let mut classes: HashMap<&'static str, Phrases<()>> = HashMap::default();
    for (class, word) in pairs(per_lang!("framing/words.txt")[i]) {
        let n = u32::try_from(classes.len()).expect("a few classes");
        classes
            .entry(class)
            .or_insert_with(|| {
                // Past the bits the table has for classes, a class is looked up unfiltered.
                let p = Phrases::new();
                if n < word_lists::FRAMING_CLASS_MAX {
                    p.filed_under(word_lists::framing_class(n))
                } else {
                    p
                }
            })
            .insert(word, ());
    }
    let lists: [(&'static str, MarkerKind, &'static str); 5] = [
        (per_lang!("framing/hedges.txt")[i], MarkerKind::Hedge, "hedge"),
        (per_lang!("framing/distancing.txt")[i], MarkerKind::ScareQuote, "distancing"),
        (per_lang!("framing/labels.txt")[i], MarkerKind::Label, "label"),
        (per_lang!("framing/loaded.txt")[i], MarkerKind::LoadedLanguage, "loaded_language"),
        (per_lang!("framing/intensifiers.txt")[i], MarkerKind::Intensifier, "intensifier"),
    ];
    let mut lexicon = Phrases::for_lines_of(&lists.map(|(data, _, _)| data));
    for (data, kind, why_key) in lists {
        for line in entries(data) {
            let (phrase, entry) = parse_entry(line, kind, why_key);
            lexicon.insert(phrase, entry);
        }
    }
    let sources = per_lang!("framing/unnamed_sources.txt")[i];
    let mut source_qualifiers = Phrases::new();
    let mut fixed_sources = Phrases::new();
    for (class, phrase) in pairs(sources) {
        match class {
            "qualifier" => source_qualifiers.insert(phrase, ()),
            "fixed" => fixed_sources.insert(phrase, ()),
            _ => {}
        }
    }
    let conditional = per_lang!("framing/conditional.txt")[i];
    let singular = word_set(conditional, "verb");
    // The plural of "-rait" is "-raient".
    let cond_verbs =
        singular.iter().flat_map(|v| [v.clone(), format!("{}ent", v.strip_suffix('t').unwrap_or(v))]).collect();
    let mut after_etre = Phrases::new();
    for (class, phrase) in pairs(conditional) {
        if class == "after_etre" {
            after_etre.insert(phrase, ());
        }
    }
    let mut reporting = Phrases::for_lines_of(&[per_lang!("framing/reporting.txt")[i]]);
    for phrase in entries(per_lang!("framing/reporting.txt")[i]) {
        reporting.insert(phrase, ());
    }
    let mut claim_cues = Phrases::new();
    for (class, phrase) in pairs(per_lang!("framing/claim_cues.txt")[i]) {
        claim_cues.insert(phrase, class);
    }
    LangData {
        classes,
        lexicon: lexicon.filed_under(word_lists::FRAMING_LEXICON),
        source_heads: word_set(sources, "head"),
        bare_source_heads: word_set(sources, "bare_head"),
        source_premodifiers: word_set(sources, "premodifier"),
        source_qualifiers: source_qualifiers.filed_under(word_lists::FRAMING_SOURCE_QUALIFIERS),
        fixed_sources: fixed_sources.filed_under(word_lists::FRAMING_FIXED_SOURCES),
        cond_aux: word_set(conditional, "aux"),
        cond_verbs,
        counterfactual: word_set(conditional, "counterfactual"),
        after_etre: after_etre.filed_under(word_lists::FRAMING_AFTER_ETRE),
        reporting: reporting.filed_under(word_lists::FRAMING_REPORTING),
        stopwords: entries(per_lang!("stopwords.txt")[i]).map(fold).collect(),
        why: pairs(per_lang!("framing/why.txt")[i]).collect(),
        claim_cues: claim_cues.filed_under(word_lists::FRAMING_CLAIM_CUES),
    }
}

/// The framing layer's words for the word-list table of `lang`, with their lists.
pub(crate) fn word_lists(lang: Lang) -> Vec<(&'static str, WordLists)> {
    let data = DATA.get(lang);
    let mut out = Vec::new();
    out.extend(data.lexicon.first_words());
    out.extend(data.source_qualifiers.first_words());
    out.extend(data.fixed_sources.first_words());
    out.extend(data.after_etre.first_words());
    out.extend(data.reporting.first_words());
    out.extend(data.claim_cues.first_words());
    for class in data.classes.values() {
        out.extend(class.first_words());
    }
    let sets = [
        (&data.stopwords, word_lists::FRAMING_STOPWORDS),
        (&data.source_heads, word_lists::FRAMING_SOURCE_HEADS),
        (&data.bare_source_heads, word_lists::FRAMING_BARE_SOURCE_HEADS),
        (&data.cond_aux, word_lists::FRAMING_COND_AUX),
        (&data.cond_verbs, word_lists::FRAMING_COND_VERBS),
        (&data.counterfactual, word_lists::FRAMING_COUNTERFACTUAL),
    ];
    for (set, list) in sets {
        out.extend(set.iter().map(|w| (w.as_str(), list)));
    }
    out
}

/// The framing data of each language, parsed on its first use.
pub(crate) static DATA: PerLang<LangData> = PerLang::new(load);

/// Whether a token starts with a capital letter.
pub(crate) fn is_capitalised(doc: &Doc, t: &Token) -> bool {
    t.kind == TokenKind::Word && doc.tok(t).chars().next().is_some_and(char::is_uppercase)
}

/// Whether a token is a word (letters or digits).
pub(crate) fn is_word(t: &Token) -> bool {
    matches!(t.kind, TokenKind::Word | TokenKind::Number | TokenKind::Elision)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_phrase_wins_and_apostrophes_match_either_way() {
        let mut p = Phrases::new();
        p.insert("régime", 1);
        p.insert("régime de", 2);
        p.insert("d'après", 3);
        let doc = Doc::new("Le Régime de Kiev, d’après lui", crate::Lang::Fr);
        let w = Words::of(&doc);
        assert_eq!(p.longest_at(&w, 1, w.len()), Some((2, &2)));
        assert_eq!(p.matches_at(&w, 1, w.len()).map(|(n, _)| n).collect::<Vec<_>>(), [2, 1]);
        assert_eq!(p.longest_at(&w, 5, w.len()), Some((2, &3)));
        // A phrase never runs past the end it is given.
        assert_eq!(p.longest_at(&w, 1, 2), Some((1, &1)));
    }

    #[test]
    fn list_files_are_sorted_without_duplicates() {
        let files = [
            per_lang!("framing/words.txt"),
            per_lang!("framing/hedges.txt"),
            per_lang!("framing/distancing.txt"),
            per_lang!("framing/labels.txt"),
            per_lang!("framing/loaded.txt"),
            per_lang!("framing/intensifiers.txt"),
            per_lang!("framing/unnamed_sources.txt"),
            per_lang!("framing/conditional.txt"),
            per_lang!("framing/reporting.txt"),
            per_lang!("framing/claim_cues.txt"),
        ];
        for data in files.iter().flatten() {
            let lines: Vec<String> = entries(data).map(str::to_lowercase).collect();
            assert!(lines.windows(2).all(|w| w[0] < w[1]), "{}", data.lines().next().unwrap_or_default());
        }
    }

    #[test]
    fn every_language_loads_its_lists() {
        for lang in Lang::ALL {
            let d = &DATA[lang.index()];
            assert!(!d.source_heads.is_empty(), "{lang:?}");
            assert!(d.why.contains_key("scare_quote"), "{lang:?}");
            assert!(d.classes.contains_key("indef"), "{lang:?}");
        }
        let fr = &DATA[Lang::Fr.index()];
        assert!(fr.cond_verbs.contains("élèveraient"), "{:?}", fr.cond_verbs);
    }
}

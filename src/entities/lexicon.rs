//! The per-language lists the entity layer reads, parsed once.
//!
//! Places, well-known names and demonyms go into one Aho-Corasick automaton per
//! language, so finding every gazetteer name is a single pass over the text.
//! Places and first names are looked up in every language's list: a French
//! article may write "Kyiv" or name "John Kirby".

use crate::hash::{HashMap, HashSet};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::EntityType;
use crate::lang::{entries, Lang};
use crate::per_lang;

/// What the gazetteer knows about a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Known {
    pub kind: EntityType,
    /// Names with the same group are one actor (acronym and expansion, two
    /// languages' forms); `None` for plain gazetteer places.
    pub group: Option<u32>,
    /// For a demonym, the plural noun that names its group.
    pub demonym: Option<&'static str>,
}

/// How a lowercase head noun joins a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeadRule {
    /// "rue Paul-Bert": the head directly precedes the name and is part of it.
    Before,
    /// "rue de Rivoli": as `Before`, and a particle may come between.
    Street,
    /// "ministère de la Défense": the head, adjectives, a particle and a
    /// capitalised word that is no known place.
    Of,
}

pub struct Lexicon {
    pub automaton: AhoCorasick,
    /// One entry per automaton pattern.
    pub patterns: Vec<Known>,
    /// Single-word names by their lowercase form, for ALL-CAPS text ("LONDON").
    pub by_lowercase: HashMap<String, Known>,
    /// Acronyms by their lowercase form, for the title-case spelling French uses
    /// for pronounceable ones ("Otan", "Unesco").
    pub acronyms: HashMap<String, Known>,
    pub first_names: HashSet<&'static str>,
    /// Lowercase titles, one or two words ("président", "prime minister", "mr").
    pub titles: HashSet<String>,
    /// Capitalised words that type the name holding them.
    pub name_words: HashMap<&'static str, EntityType>,
    pub heads: HashMap<&'static str, (EntityType, HeadRule)>,
    /// Lowercase particles as token sequences ("de la" → ["de", "la"]).
    pub particles: Vec<Vec<String>>,
    pub adjective_endings: Vec<&'static str>,
    /// Lowercase demonym adjectives ("russe", "américaine").
    pub lower_demonyms: HashSet<String>,
    pub compass: HashSet<&'static str>,
    pub place_prepositions: HashSet<&'static str>,
    /// Articles that a person's name never takes (fr: "le", "l'").
    pub name_articles: HashSet<&'static str>,
    pub stopwords: HashSet<&'static str>,
    pub not_names: HashSet<&'static str>,
}

impl Lexicon {
    pub fn for_lang(lang: Lang) -> &'static Lexicon {
        &LEXICONS[lang.index()]
    }

    pub fn is_title(&self, lower: &str) -> bool {
        self.titles.contains(lower)
    }

    pub fn is_adjective(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        word.chars().next().is_some_and(char::is_lowercase)
            && (self.lower_demonyms.contains(&lower)
                || (lower.chars().count() > 3 && self.adjective_endings.iter().any(|e| lower.ends_with(e))))
    }
}

/// The name with an unaccented first capital, when it starts with an accented one.
fn unaccent_capital(name: &str) -> Option<String> {
    let mut chars = name.chars();
    let first = chars.next()?;
    let plain = match first {
        'É' | 'È' | 'Ê' => 'E',
        'À' | 'Â' => 'A',
        'Î' => 'I',
        'Ô' => 'O',
        _ => return None,
    };
    Some(std::iter::once(plain).chain(chars).collect())
}

fn kind_of(code: &str) -> Option<EntityType> {
    match code.trim() {
        "PER" => Some(EntityType::PER),
        "ORG" => Some(EntityType::ORG),
        "LOC" => Some(EntityType::LOC),
        "MISC" => Some(EntityType::MISC),
        _ => None,
    }
}

/// Built on first use, one language at a time: an English article never pays
/// for the French lists.
static LEXICONS: [LazyLock<Lexicon>; 2] = [LazyLock::new(|| build(Lang::Fr)), LazyLock::new(|| build(Lang::En))];

fn build(lang: Lang) -> Lexicon {
    let i = lang.index();
    let mut names: Vec<String> = Vec::new();
    let mut patterns: Vec<Known> = Vec::new();
    let mut seen: HashSet<String> = HashSet::default();
    let mut add = |name: String, known: Known, names: &mut Vec<String>, patterns: &mut Vec<Known>| {
        if name.is_empty() || !seen.insert(name.clone()) {
            return;
        }
        names.push(name);
        patterns.push(known);
    };
    // Well-known names first: their type and group win over a plain place.
    // This language's file first, so its forms decide the type.
    let mut group = 0u32;
    let known_files = per_lang!("known_names.txt");
    for k in std::iter::once(i).chain((0..known_files.len()).filter(|&k| k != i)) {
        for line in entries(known_files[k]) {
            let mut parts = line.split('|').map(str::trim);
            let Some(head) = parts.next() else { continue };
            let Some(kind) = parts.next().and_then(kind_of) else { continue };
            group += 1;
            let known = Known { kind, group: Some(group), demonym: None };
            add(head.to_string(), known, &mut names, &mut patterns);
            for alias in parts {
                add(alias.to_string(), known, &mut names, &mut patterns);
            }
        }
    }
    for data in per_lang!("demonyms.txt")[i..=i].iter() {
        for line in entries(data) {
            if let Some((form, plural)) = line.split_once('|') {
                let known = Known { kind: EntityType::MISC, group: None, demonym: Some(plural.trim()) };
                add(form.trim().to_string(), known, &mut names, &mut patterns);
            }
        }
    }
    for data in per_lang!("places.txt") {
        for name in entries(data) {
            add(
                name.to_string(),
                Known { kind: EntityType::LOC, group: None, demonym: None },
                &mut names,
                &mut patterns,
            );
        }
    }
    // French often drops the accent on a capital: "Etats-Unis", "Epinal".
    let extra: Vec<(String, Known)> =
        names.iter().zip(&patterns).filter_map(|(n, k)| unaccent_capital(n).map(|u| (u, *k))).collect();
    for (u, k) in extra {
        add(u, k, &mut names, &mut patterns);
    }
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        // A contiguous NFA builds fast and stays small; a DFA for ~20 000 names
        // would cost startup time in the browser for little gain.
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(&names)
        .expect("gazetteer patterns are plain strings and build an automaton");
    let by_lowercase = names
        .iter()
        .zip(&patterns)
        .filter(|(n, _)| !n.contains(' '))
        .map(|(n, k)| (n.to_lowercase(), *k))
        .rev()
        .collect();

    let acronyms = names
        .iter()
        .zip(&patterns)
        .filter(|(n, _)| n.chars().count() >= 3 && n.chars().all(|c| c.is_ascii_uppercase()))
        .map(|(n, k)| (n.to_lowercase(), *k))
        .collect();
    let lower_demonyms = entries(per_lang!("demonyms.txt")[i])
        .filter_map(|l| l.split_once('|'))
        .map(|(f, _)| f.to_lowercase())
        .collect();
    let mut name_words = HashMap::default();
    for line in entries(per_lang!("org_words.txt")[i]) {
        let (word, kind) = match line.split_once('|') {
            Some((w, k)) => (w.trim(), kind_of(k).unwrap_or(EntityType::ORG)),
            None => (line, EntityType::ORG),
        };
        name_words.insert(word, kind);
    }
    let mut heads = HashMap::default();
    for line in entries(per_lang!("name_heads.txt")[i]) {
        let mut parts = line.split('|').map(str::trim);
        if let (Some(word), Some(kind), Some(rule)) = (parts.next(), parts.next().and_then(kind_of), parts.next()) {
            let rule = match rule {
                "of" => HeadRule::Of,
                "street" => HeadRule::Street,
                _ => HeadRule::Before,
            };
            heads.insert(word, (kind, rule));
        }
    }
    let mut particles: Vec<Vec<String>> =
        entries(per_lang!("particles.txt")[i]).map(|p| p.split(' ').map(crate::segment::fold).collect()).collect();
    // Longest first, so "de la" is tried before "de".
    particles.sort_by_key(|p| std::cmp::Reverse(p.len()));

    Lexicon {
        automaton,
        patterns,
        by_lowercase,
        acronyms,
        first_names: per_lang!("first_names.txt").iter().flat_map(|d| entries(d)).collect(),
        titles: entries(per_lang!("titles.txt")[i]).map(str::to_lowercase).collect(),
        name_words,
        heads,
        particles,
        adjective_endings: entries(per_lang!("adjective_endings.txt")[i]).collect(),
        lower_demonyms,
        compass: entries(per_lang!("compass.txt")[i]).collect(),
        place_prepositions: entries(per_lang!("place_prepositions.txt")[i]).collect(),
        name_articles: entries(per_lang!("name_articles.txt")[i]).collect(),
        stopwords: entries(per_lang!("stopwords.txt")[i]).collect(),
        not_names: entries(per_lang!("not_names.txt")[i]).collect(),
    }
}

//! The per-language lists the entity layer reads, parsed once.
//!
//! Places, well-known names and demonyms go into one [`Gazetteer`] per language,
//! indexed by each name's first word, so finding the names is one look-up per
//! token and building it costs little at start-up (the browser pays for it
//! before the first analysis).
//! Places and first names are looked up in every language's list: a French
//! article may write "Kyiv" or name "John Kirby".

use crate::hash::{HashMap, HashSet};

use super::EntityType;
use crate::lang::{entries, Lang, PerLang};
use crate::per_lang;
use crate::segment::fold;
use crate::word_lists::{self, WordLists};

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

/// A name from a list: borrowed from the embedded data, or made at start-up.
type Name = std::borrow::Cow<'static, str>;

/// Names by the word they start with.
pub struct Gazetteer {
    names: Vec<(Name, Known)>,
    /// A name's [`first_word`] → its names, longest first.
    by_first_word: HashMap<Name, Vec<u32>>,
    /// The bytes some name starts with. Names are capitalised, so this turns
    /// away lowercase words, digits and punctuation (most tokens) before the
    /// first word is cut and hashed.
    first_bytes: [bool; 256],
}

/// The letters and digits a text starts with (or its first char when it starts
/// with neither): the key names are filed under. Both names and the article
/// text go through it, so "L'Oréal" and "L’" + "Oréal" meet under "L".
fn first_word(text: &str) -> &str {
    // Byte-wise over ASCII, which most names and tokens are; chars past it.
    let ascii = text.bytes().position(|b| !b.is_ascii_alphanumeric()).unwrap_or(text.len());
    let end = if text.as_bytes().get(ascii).is_some_and(|b| !b.is_ascii()) {
        ascii + text[ascii..].find(|c: char| !c.is_alphanumeric()).unwrap_or(text.len() - ascii)
    } else {
        ascii
    };
    let end = if end == 0 { text.chars().next().map_or(0, char::len_utf8) } else { end };
    &text[..end]
}

impl Gazetteer {
    fn new(names: Vec<(Name, Known)>) -> Gazetteer {
        let mut by_first_word: HashMap<Name, Vec<u32>> =
            HashMap::with_capacity_and_hasher(names.len(), Default::default());
        for (k, (name, _)) in names.iter().enumerate() {
            let slot = u32::try_from(k).expect("fewer than 4 billion names");
            let key = match name {
                Name::Borrowed(n) => Name::Borrowed(first_word(n)),
                Name::Owned(n) => Name::Owned(first_word(n).to_string()),
            };
            by_first_word.entry(key).or_default().push(slot);
        }
        for list in by_first_word.values_mut() {
            // Longest first; among equals, the first listed.
            list.sort_by_key(|&k| std::cmp::Reverse(names[k as usize].0.len()));
        }
        let mut first_bytes = [false; 256];
        for key in by_first_word.keys() {
            if let Some(&b) = key.as_bytes().first() {
                first_bytes[usize::from(b)] = true;
            }
        }
        Gazetteer { names, by_first_word, first_bytes }
    }

    /// The names `text` starts with, longest first.
    pub fn prefixes_of<'s>(&'s self, text: &'s str) -> impl Iterator<Item = (&'s str, Known)> + 's {
        // A text and its first word start with the same byte.
        let may_start = text.as_bytes().first().is_some_and(|&b| self.first_bytes[usize::from(b)]);
        let list = if may_start { self.by_first_word.get(first_word(text)) } else { None };
        let list = list.map_or(&[][..], Vec::as_slice);
        list.iter()
            .map(|&k| &self.names[k as usize])
            .filter(|(n, _)| text.starts_with(n.as_ref()))
            .map(|(n, k)| (n.as_ref(), *k))
    }
}

pub struct Lexicon {
    pub gazetteer: Gazetteer,
    /// Single-word names by their lowercase form, for ALL-CAPS text ("LONDON").
    pub by_lowercase: HashMap<String, Known>,
    /// Acronyms by their lowercase form, for the title-case spelling French uses
    /// for pronounceable ones ("Otan", "Unesco").
    pub acronyms: HashMap<String, Known>,
    pub first_names: HashSet<&'static str>,
    /// Lowercase titles, one or two words ("président", "prime minister", "mr").
    pub titles: HashSet<String>,
    /// The first words of two-word titles: only these need the pair looked up.
    pub title_starts: HashSet<String>,
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

    /// Whether the two lowercase words make a title ("prime minister").
    pub fn is_title_pair(&self, first: &str, second: &str) -> bool {
        self.title_starts.contains(first) && self.titles.contains(&format!("{first} {second}"))
    }

    pub fn is_adjective(&self, word: &str) -> bool {
        if !word.chars().next().is_some_and(char::is_lowercase) {
            return false;
        }
        let lower = word.to_lowercase();
        self.lower_demonyms.contains(&lower)
            || (lower.chars().count() > 3 && self.adjective_endings.iter().any(|e| lower.ends_with(e)))
    }
}

/// The entity layer's words for the word-list table of `lang`, with their
/// lists: as they are for lists looked up by a token's comparable form, folded
/// for lists looked up by the token as written.
pub(crate) fn word_lists(lang: Lang) -> Vec<(std::borrow::Cow<'static, str>, WordLists)> {
    use std::borrow::Cow;
    let lex = Lexicon::for_lang(lang);
    let mut out: Vec<(Cow<'static, str>, WordLists)> = Vec::new();
    out.extend(lex.titles.iter().map(|w| (Cow::Borrowed(w.as_str()), word_lists::ENT_TITLES)));
    out.extend(lex.title_starts.iter().map(|w| (Cow::Borrowed(w.as_str()), word_lists::ENT_TITLE_STARTS)));
    out.extend(lex.heads.keys().map(|&w| (Cow::Borrowed(w), word_lists::ENT_HEADS)));
    out.extend(lex.stopwords.iter().map(|&w| (Cow::Borrowed(w), word_lists::ENT_STOPWORDS)));
    out.extend(lex.place_prepositions.iter().map(|&w| (Cow::Borrowed(w), word_lists::ENT_PLACE_PREPOSITIONS)));
    out.extend(lex.name_articles.iter().map(|&w| (Cow::Borrowed(w), word_lists::ENT_NAME_ARTICLES)));
    out.extend(lex.not_names.iter().map(|w| (Cow::Owned(fold(w)), word_lists::ENT_NOT_NAMES)));
    out.extend(lex.first_names.iter().map(|w| (Cow::Owned(fold(w)), word_lists::ENT_FIRST_NAMES)));
    out.extend(lex.name_words.keys().map(|w| (Cow::Owned(fold(w)), word_lists::ENT_NAME_WORDS)));
    out.extend(lex.compass.iter().map(|w| (Cow::Owned(fold(w)), word_lists::ENT_COMPASS)));
    out
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
static LEXICONS: PerLang<Lexicon> = PerLang::new(build);

fn build(lang: Lang) -> Lexicon {
    let i = lang.index();
    // Names borrow the embedded lists; only the unaccented variants are made.
    let mut names: Vec<Name> = Vec::with_capacity(20_000);
    let mut patterns: Vec<Known> = Vec::with_capacity(20_000);
    let mut seen: HashSet<Name> = HashSet::with_capacity_and_hasher(20_000, Default::default());
    let mut add = |name: Name, known: Known, names: &mut Vec<Name>, patterns: &mut Vec<Known>| {
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
            add(Name::Borrowed(head), known, &mut names, &mut patterns);
            for alias in parts {
                add(Name::Borrowed(alias), known, &mut names, &mut patterns);
            }
        }
    }
    for data in per_lang!("demonyms.txt")[i..=i].iter() {
        for line in entries(data) {
            if let Some((form, plural)) = line.split_once('|') {
                let known = Known { kind: EntityType::MISC, group: None, demonym: Some(plural.trim()) };
                add(Name::Borrowed(form.trim()), known, &mut names, &mut patterns);
            }
        }
    }
    for data in per_lang!("places.txt") {
        for name in entries(data) {
            add(
                Name::Borrowed(name),
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
        add(Name::Owned(u), k, &mut names, &mut patterns);
    }
    // Sized up front: collecting a filtered iterator grows the table a step at a time.
    let mut by_lowercase = HashMap::with_capacity_and_hasher(names.len(), Default::default());
    by_lowercase.extend(
        names.iter().zip(&patterns).filter(|(n, _)| !n.contains(' ')).map(|(n, k)| (n.to_lowercase(), *k)).rev(),
    );

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

    let lists = per_lang!("first_names.txt");
    let mut first_names =
        HashSet::with_capacity_and_hasher(lists.iter().map(|d| d.len() / 8).sum(), Default::default());
    first_names.extend(lists.iter().flat_map(|d| entries(d)));
    let titles: HashSet<String> = entries(per_lang!("titles.txt")[i]).map(str::to_lowercase).collect();
    let title_starts = titles.iter().filter_map(|t| t.split_once(' ')).map(|(first, _)| first.to_string()).collect();
    Lexicon {
        gazetteer: Gazetteer::new(names.into_iter().zip(patterns).collect()),
        by_lowercase,
        acronyms,
        first_names,
        titles,
        title_starts,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn place() -> Known {
        Known { kind: EntityType::LOC, group: None, demonym: None }
    }

    #[test]
    fn gazetteer_gives_the_names_a_text_starts_with_longest_first() {
        let names = ["Saint-Denis", "Saint", "Saint-Denis-de-la-Réunion", "L'Oréal", "Sainte-Foy"];
        let g = Gazetteer::new(names.iter().map(|&n| (Name::Borrowed(n), place())).collect());
        let found = |text: &str| g.prefixes_of(text).map(|(n, _)| n.to_string()).collect::<Vec<_>>();
        assert_eq!(found("Saint-Denis-de-la-Réunion, hier"), ["Saint-Denis-de-la-Réunion", "Saint-Denis", "Saint"]);
        assert_eq!(found("Sainte-Foy"), ["Sainte-Foy"]);
        assert_eq!(found("L'Oréal a dit"), ["L'Oréal"]);
        assert!(found("Saint").contains(&"Saint".to_string()));
        assert!(found("saint-Denis").is_empty() && found("").is_empty() && found("’").is_empty());
    }

    #[test]
    fn every_language_builds_its_gazetteer_with_places_in_it() {
        for lang in Lang::ALL {
            let lex = Lexicon::for_lang(lang);
            assert_eq!(
                lex.gazetteer.prefixes_of("Paris, France").next().map(|(n, k)| (n, k.kind)),
                Some(("Paris", EntityType::LOC))
            );
        }
    }
}

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
use crate::lang::{entries, Lang, Made, PerLang};
use crate::per_lang;
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

/// Names by the word they start with.
pub struct Gazetteer {
    /// The names, grouped by [`first_word`], each group longest first (among
    /// equals, the first listed).
    names: Vec<(&'static str, Known)>,
    /// A name's [`first_word`] → its group in `names`: where it starts, and
    /// how many names it holds.
    by_first_word: HashMap<&'static str, (u32, u32)>,
    /// The bytes some name starts with. Names are capitalised, so this turns
    /// away lowercase words, digits and punctuation (most tokens) before the
    /// first word is cut and hashed.
    first_bytes: [bool; 256],
}

/// The letters and digits a text starts with (or its first char when it starts
/// with neither): the key names are filed under. Both names and the article
/// text go through it, so "L'Oréal" and "L’" + "Oréal" meet under "L".
fn first_word(text: &str) -> &str {
    // Byte-wise over ASCII, which most names and tokens are, by a table rather
    // than three range tests a byte; chars past it.
    let bytes = text.as_bytes();
    let mut ascii = 0;
    while bytes.get(ascii).is_some_and(|&b| ASCII_ALPHANUMERIC[usize::from(b)]) {
        ascii += 1;
    }
    let end = if bytes.get(ascii).is_some_and(|b| !b.is_ascii()) {
        ascii + text[ascii..].find(|c: char| !crate::segment::is_alphanumeric(c)).unwrap_or(text.len() - ascii)
    } else {
        ascii
    };
    let end = if end == 0 { text.chars().next().map_or(0, char::len_utf8) } else { end };
    &text[..end]
}

/// Whether a byte is an ASCII letter or digit.
const ASCII_ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

impl Gazetteer {
    /// The gazetteer of `names`, in order of precedence: of equal names, the
    /// first listed counts.
    fn new(names: Vec<(&'static str, Known)>) -> Gazetteer {
        let n = names.len();
        // Each name's group, numbered as first met, and the size of each: the
        // groups then take their places in one list, not a vector each.
        let mut by_first_word: HashMap<&'static str, (u32, u32)> =
            HashMap::with_capacity_and_hasher(n, Default::default());
        let mut group_of = Vec::with_capacity(n);
        let mut sizes: Vec<u32> = Vec::with_capacity(n);
        let mut first_bytes = [false; 256];
        for &(name, _) in &names {
            let next = u32::try_from(sizes.len()).expect("fewer than 4 billion names");
            let group = by_first_word.entry(first_word(name)).or_insert((next, 0)).0;
            if group == next {
                sizes.push(1);
                // A name and its first word start with the same byte.
                if let Some(&b) = name.as_bytes().first() {
                    first_bytes[usize::from(b)] = true;
                }
            } else {
                sizes[group as usize] += 1;
            }
            group_of.push(group);
        }
        // Where each group's names go, in the order listed.
        let mut fill = Vec::with_capacity(sizes.len());
        let mut at = 0u32;
        for &size in &sizes {
            fill.push(at);
            at += size;
        }
        let mut order = vec![0u32; n];
        for (k, &group) in group_of.iter().enumerate() {
            let slot = &mut fill[group as usize];
            order[*slot as usize] = k as u32;
            *slot += 1;
        }
        // Each group's names without repeats (the first listed counts), then
        // longest first: the sort is stable. Most groups hold one name.
        let mut kept: Vec<(&'static str, Known)> = Vec::with_capacity(n);
        let mut spans = Vec::with_capacity(sizes.len());
        let mut start = 0;
        for &size in &sizes {
            let from = kept.len();
            let group = &order[start..start + size as usize];
            start += size as usize;
            if let [k] = group {
                kept.push(names[*k as usize]);
            } else {
                for &k in group {
                    let (name, known) = names[k as usize];
                    if !kept[from..].iter().any(|&(n, _)| n == name) {
                        kept.push((name, known));
                    }
                }
                crate::sort::sort_by_key(&mut kept[from..], |(n, _)| std::cmp::Reverse(n.len()));
            }
            spans.push((from as u32, (kept.len() - from) as u32));
        }
        for group in by_first_word.values_mut() {
            *group = spans[group.0 as usize];
        }
        Gazetteer { names: kept, by_first_word, first_bytes }
    }

    /// The names `text` starts with, longest first.
    pub fn prefixes_of<'s>(&'s self, text: &'s str) -> impl Iterator<Item = (&'static str, Known)> + 's {
        // A text and its first word start with the same byte.
        let may_start = text.as_bytes().first().is_some_and(|&b| self.first_bytes[usize::from(b)]);
        let group = if may_start { self.by_first_word.get(first_word(text)) } else { None };
        let list = group.map_or(&[][..], |&(start, size)| &self.names[start as usize..(start + size) as usize]);
        list.iter().filter(|(n, _)| text.starts_with(n)).copied()
    }
}

pub struct Lexicon {
    pub gazetteer: Gazetteer,
    /// Single-word names by their lowercase form, for ALL-CAPS text ("LONDON").
    pub by_lowercase: HashMap<&'static str, Known>,
    /// Acronyms by their lowercase form, for the title-case spelling French uses
    /// for pronounceable ones ("Otan", "Unesco").
    pub acronyms: HashMap<&'static str, Known>,
    pub first_names: HashSet<&'static str>,
    /// Lowercase titles, one or two words ("président", "prime minister", "mr").
    pub titles: HashSet<&'static str>,
    /// The first words of two-word titles: only these need the pair looked up.
    pub title_starts: HashSet<&'static str>,
    /// Capitalised words that type the name holding them.
    pub name_words: HashMap<&'static str, EntityType>,
    pub heads: HashMap<&'static str, (EntityType, HeadRule)>,
    /// Lowercase particles as token sequences ("de la" → ["de", "la"]).
    pub particles: Vec<Vec<String>>,
    pub adjective_endings: Vec<&'static str>,
    /// Lowercase demonym adjectives ("russe", "américaine").
    pub lower_demonyms: HashSet<&'static str>,
    pub compass: HashSet<&'static str>,
    pub place_prepositions: HashSet<&'static str>,
    /// Articles that a person's name never takes (fr: "le", "l'").
    pub name_articles: HashSet<&'static str>,
    pub stopwords: HashSet<&'static str>,
    pub not_names: HashSet<&'static str>,
    /// The folded forms of the lists looked up by the token as written, with
    /// their lists, for the word-list table.
    folded: Vec<(&'static str, WordLists)>,
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
        self.title_starts.contains(first) && self.titles.contains(format!("{first} {second}").as_str())
    }

    /// Whether `lower`, a lowercase word, is an adjective.
    pub fn is_adjective(&self, lower: &str) -> bool {
        self.lower_demonyms.contains(lower)
            || (lower.chars().count() > 3 && self.adjective_endings.iter().any(|e| lower.ends_with(e)))
    }
}

/// The entity layer's words for the word-list table of `lang`, with their
/// lists: as they are for lists looked up by a token's comparable form, folded
/// for lists looked up by the token as written.
pub(crate) fn word_lists(lang: Lang) -> Vec<(&'static str, WordLists)> {
    let lex = Lexicon::for_lang(lang);
    let mut out: Vec<(&'static str, WordLists)> = Vec::with_capacity(
        lex.titles.len()
            + lex.title_starts.len()
            + lex.heads.len()
            + lex.stopwords.len()
            + lex.place_prepositions.len()
            + lex.name_articles.len()
            + lex.folded.len(),
    );
    out.extend(lex.titles.iter().map(|&w| (w, word_lists::ENT_TITLES)));
    out.extend(lex.title_starts.iter().map(|&w| (w, word_lists::ENT_TITLE_STARTS)));
    out.extend(lex.heads.keys().map(|&w| (w, word_lists::ENT_HEADS)));
    out.extend(lex.stopwords.iter().map(|&w| (w, word_lists::ENT_STOPWORDS)));
    out.extend(lex.place_prepositions.iter().map(|&w| (w, word_lists::ENT_PLACE_PREPOSITIONS)));
    out.extend(lex.name_articles.iter().map(|&w| (w, word_lists::ENT_NAME_ARTICLES)));
    out.extend_from_slice(&lex.folded);
    out
}

/// A name that starts with an accented capital, as its unaccented capital and
/// the rest.
fn unaccent_capital(name: &str) -> Option<(char, &str)> {
    let mut chars = name.chars();
    let first = chars.next()?;
    let plain = match first {
        'É' | 'È' | 'Ê' => 'E',
        'À' | 'Â' => 'A',
        'Î' => 'I',
        'Ô' => 'O',
        _ => return None,
    };
    Some((plain, chars.as_str()))
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

/// How many lines `data` has, at most: a bound on its entries.
fn line_count(data: &str) -> usize {
    crate::lang::count_newlines(data) + 1
}

fn build(lang: Lang) -> Lexicon {
    let i = lang.index();
    let known_files = per_lang!("known_names.txt");
    let demonym_files = per_lang!("demonyms.txt");
    let place_files = per_lang!("places.txt");
    // Names borrow the embedded lists; only the unaccented variants are made.
    // A name listed twice counts where first listed: the gazetteer keeps that
    // one, and the tables below take the first of equal keys.
    // The places' lines bound their count: a cheaper guess than counting every
    // line, and the vector grows past it at little cost.
    let mut names: Vec<(&'static str, Known)> = Vec::with_capacity(place_files.iter().map(|d| d.len() / 8).sum());
    let add = |name: &'static str, known: Known, names: &mut Vec<(&'static str, Known)>| {
        if !name.is_empty() {
            names.push((name, known));
        }
    };
    // Well-known names first: their type and group win over a plain place.
    // This language's file first, so its forms decide the type.
    let mut group = 0u32;
    for k in std::iter::once(i).chain((0..known_files.len()).filter(|&k| k != i)) {
        for line in entries(known_files[k]) {
            let mut parts = line.split('|').map(str::trim);
            let Some(head) = parts.next() else { continue };
            let Some(kind) = parts.next().and_then(kind_of) else { continue };
            group += 1;
            let known = Known { kind, group: Some(group), demonym: None };
            add(head, known, &mut names);
            for alias in parts {
                add(alias, known, &mut names);
            }
        }
    }
    for line in entries(demonym_files[i]) {
        if let Some((form, plural)) = line.split_once('|') {
            let known = Known { kind: EntityType::MISC, group: None, demonym: Some(plural.trim()) };
            add(form.trim(), known, &mut names);
        }
    }
    let place = Known { kind: EntityType::LOC, group: None, demonym: None };
    for data in place_files {
        for name in entries(data) {
            add(name, place, &mut names);
        }
    }
    // French often drops the accent on a capital: "Etats-Unis", "Epinal".
    let mut unaccented = Made::default();
    let mut unaccented_known = Vec::new();
    for &(name, known) in &names {
        if let Some((plain, rest)) = unaccent_capital(name) {
            unaccented.push_with(|out| {
                out.push(plain);
                out.push_str(rest);
            });
            unaccented_known.push(known);
        }
    }
    for (name, known) in unaccented.finish().zip(unaccented_known) {
        add(name, known, &mut names);
    }

    // Single-word names by their lowercase form, and among them acronyms
    // (three or more capitals, and nothing else), keyed by the same words.
    let mut lower = Made::with_capacity(names.len(), names.iter().map(|(n, _)| n.len()).sum());
    let mut lower_known = Vec::with_capacity(names.len());
    for &(name, known) in &names {
        if !name.bytes().any(|b| b == b' ') {
            lower.push_lowercase(name);
            let acronym = name.len() >= 3 && name.bytes().all(|b| b.is_ascii_uppercase());
            lower_known.push((known, acronym));
        }
    }
    let mut by_lowercase = HashMap::with_capacity_and_hasher(lower_known.len(), Default::default());
    let mut acronyms = HashMap::default();
    for (key, (known, acronym)) in lower.finish().zip(lower_known) {
        by_lowercase.entry(key).or_insert(known);
        if acronym {
            acronyms.entry(key).or_insert(known);
        }
    }

    let mut lower = Made::with_capacity(line_count(demonym_files[i]), demonym_files[i].len());
    for (form, _) in entries(demonym_files[i]).filter_map(|l| l.split_once('|')) {
        lower.push_lowercase(form);
    }
    let lower_demonyms = lower.finish().collect();
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
    crate::sort::sort_by_key(&mut particles, |p| std::cmp::Reverse(p.len()));

    let lists = per_lang!("first_names.txt");
    let mut first_names =
        HashSet::with_capacity_and_hasher(lists.iter().map(|d| line_count(d)).sum(), Default::default());
    first_names.extend(lists.iter().flat_map(|d| entries(d)));
    let mut lower = Made::default();
    for title in entries(per_lang!("titles.txt")[i]) {
        lower.push_lowercase(title);
    }
    let titles: HashSet<&'static str> = lower.finish().collect();
    let title_starts = titles.iter().filter_map(|t| t.split_once(' ')).map(|(first, _)| first).collect();
    let not_names: HashSet<&'static str> = entries(per_lang!("not_names.txt")[i]).collect();
    let compass: HashSet<&'static str> = entries(per_lang!("compass.txt")[i]).collect();
    // Lists looked up by the token as written file their words folded.
    let written = [
        (not_names.len(), word_lists::ENT_NOT_NAMES),
        (name_words.len(), word_lists::ENT_NAME_WORDS),
        (compass.len(), word_lists::ENT_COMPASS),
    ];
    let mut folded = Made::with_capacity(written.iter().map(|&(n, _)| n).sum(), 0);
    for &word in not_names.iter().chain(name_words.keys()).chain(&compass) {
        folded.push_folded(word);
    }
    let lists = written.iter().flat_map(|&(n, list)| std::iter::repeat(list).take(n));
    let folded = folded.finish().zip(lists).collect();
    Lexicon {
        gazetteer: Gazetteer::new(names),
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
        compass,
        place_prepositions: entries(per_lang!("place_prepositions.txt")[i]).collect(),
        name_articles: entries(per_lang!("name_articles.txt")[i]).collect(),
        stopwords: entries(per_lang!("stopwords.txt")[i]).collect(),
        not_names,
        folded,
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
        let g = Gazetteer::new(names.iter().map(|&n| (n, place())).collect());
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

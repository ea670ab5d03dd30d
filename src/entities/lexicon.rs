//! The per-language lists the entity layer reads, parsed once.
//!
//! Places, well-known names and demonyms go into one [`Gazetteer`] per language,
//! laid out by the build script and indexed by each name's first word, so
//! finding the names is one look-up per token and section, and building it
//! costs little at start-up (the browser pays for it before the first analysis).
//! Places and first names are looked up in every language's list: a French
//! article may write "Kyiv" or name "John Kirby".

use crate::hash::{HashMap, HashSet};

use super::EntityType;
use crate::lang::{entries, pairs, Lang, Made, PerLang};
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

/// Names by the word they start with: this language's well-known names and
/// demonyms, and every language's places.
///
/// The build script lays the names out (`build.rs`, `mod gazetteer`), one a
/// line: `name`, then, but for a place, a tab and a code: the kind's letter
/// (`P`, `O`, `L`, `M`; lowercase for the unaccented form of a name, which
/// French writes for "États-Unis"), the group number of a well-known name, and
/// `|` and the plural noun of a demonym. Each name is filed as often as it is
/// listed (the first of equal names counts); the names are grouped by
/// [`first_word`] as lowercase, each group longest first, then by [`Tier`],
/// then as listed. Here a look-up table
/// from first word to group is all that is built: one step a line.
pub struct Gazetteer {
    /// This language's names, then the shared places.
    sections: [Section; 2],
    /// The hash of a first word ([`caseless_hash`]) → the byte range of its
    /// group in each section ((0, 0) where a section has none): one probe
    /// finds both.
    groups: HashMap<u64, [(u32, u32); 2]>,
    /// The bytes some name starts with. Names are capitalised, so this turns
    /// away lowercase words, digits and punctuation (most tokens) before the
    /// first word is cut and hashed.
    first_bytes: [bool; 256],
}

/// One laid-out list of names, and where each group of it lies.
struct Section {
    text: &'static str,
    /// Whether this is the places' section, whose lines without a code are places.
    places: bool,
    /// Groups whose first word's hash another group of this section had first.
    overflow: Vec<(&'static str, (u32, u32))>,
}

/// The places' section of a [`Gazetteer`].
const PLACES: usize = 1;

/// Which list a name comes from, in order of precedence: of equal names, the
/// first tier counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Tier {
    Known,
    Demonym,
    Place,
    UnaccentedKnown,
    UnaccentedDemonym,
    UnaccentedPlace,
}

/// The letters, digits and combining marks a text starts with (or its first
/// char when it starts with none): the key names are filed under. Both names and the article
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
        // Combining marks too: "İ" lowercases to "i" and a combining dot.
        let ends = |c: char| !crate::segment::is_alphanumeric(c) && !crate::segment::is_mark(c);
        ascii + text[ascii..].find(ends).unwrap_or(text.len() - ascii)
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

/// A word's lowercase chars, one by one (no copy): [`str::to_lowercase`] but
/// for the final sigma, which no first word needs. Latin-1 without the case
/// table: French names are full of it.
fn lowercase_chars(word: &str) -> impl Iterator<Item = char> + '_ {
    word.chars().flat_map(|c| {
        let latin1 = crate::segment::latin1_lowercase(c);
        latin1.into_iter().chain(latin1.is_none().then(|| c.to_lowercase()).into_iter().flatten())
    })
}

/// Whether two words are equal as lowercase.
fn caseless_eq(a: &str, b: &str) -> bool {
    if a == b {
        true
    } else if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        lowercase_chars(a).eq(lowercase_chars(b))
    }
}

/// The hash of a word's lowercase: "Paris", "PARIS" and "paris" hash alike,
/// with no lowercase copy made. ASCII goes in eight-byte words (most first
/// words are short and ASCII), a char past it on its own.
fn caseless_hash(word: &str) -> u64 {
    use std::hash::Hasher;
    let mut state = crate::hash::FxHasher::default();
    if word.is_ascii() {
        let mut chunks = word.as_bytes().chunks_exact(8);
        for chunk in &mut chunks {
            state.write_u64(ascii_lowercase_word(u64::from_le_bytes(chunk.try_into().expect("eight bytes"))));
        }
        if !chunks.remainder().is_empty() {
            state.write_u64(ascii_lowercase_word(crate::hash::padded_word(chunks.remainder())));
        }
    } else {
        // The same for the ASCII runs of the lowercase, so a word that only
        // lowercases to ASCII ("K", the Kelvin sign) hashes as its lowercase.
        let mut run = [0u8; 8];
        let mut n = 0;
        let mut feed = |c: char| {
            if c.is_ascii() {
                run[n] = c as u8;
                n += 1;
                if n < 8 {
                    return;
                }
            } else if n == 0 {
                state.write_u32(c as u32);
                return;
            }
            state.write_u64(u64::from_le_bytes(run));
            run = [0; 8];
            n = 0;
            if !c.is_ascii() {
                state.write_u32(c as u32);
            }
        };
        for c in word.chars() {
            match crate::segment::latin1_lowercase(c) {
                Some(l) => feed(l),
                None => c.to_lowercase().for_each(&mut feed),
            }
        }
        if n > 0 {
            state.write_u64(u64::from_le_bytes(run));
        }
    }
    state.finish()
}

/// Eight ASCII bytes lowercased at once: 0x20 added to each of A to Z.
fn ascii_lowercase_word(w: u64) -> u64 {
    const EACH: u64 = 0x0101_0101_0101_0101;
    // Below 0x80 each, so no sum carries into the next byte: its high bit
    // tells whether the byte is at least `A`, or past `Z`.
    let from_a = w + EACH * (0x80 - u64::from(b'A'));
    let past_z = w + EACH * (0x80 - u64::from(b'Z') - 1);
    w | ((from_a & !past_z & (EACH * 0x80)) >> 2)
}

impl Section {
    /// Reads section number `k` of a gazetteer, filing its groups in `groups`
    /// and the first bytes of its names in `first_bytes`.
    fn new(
        text: &'static str,
        k: usize,
        groups: &mut HashMap<u64, [(u32, u32); 2]>,
        first_bytes: &mut [bool; 256],
    ) -> Section {
        let mut overflow = Vec::new();
        // The group being read: its first word, that word's hash, where it starts.
        let mut open: Option<(&'static str, u64, usize)> = None;
        let mut close = |open: Option<(&'static str, u64, usize)>, end: usize| {
            let Some((word, hash, start)) = open else { return };
            let range = (start as u32, end as u32);
            let slot = &mut groups.entry(hash).or_default()[k];
            if *slot == (0, 0) {
                *slot = range;
            } else {
                // Two first words with one hash: the later is looked up apart
                // (a test checks that the lists have none).
                overflow.push((word, range));
            }
        };
        let mut at = 0;
        while at < text.len() {
            let end = at + crate::lang::find_newline(&text.as_bytes()[at..]).unwrap_or(text.len() - at);
            let word = first_word(&text[at..end]);
            if let Some(&b) = word.as_bytes().first() {
                first_bytes[usize::from(b)] = true;
            }
            let hash = caseless_hash(word);
            // Groups are runs: a line whose first word hashes as the open
            // group's is in it, unless the two words differ (that same test).
            if !open.is_some_and(|(w, h, _)| h == hash && caseless_eq(w, word)) {
                close(open, at);
                open = Some((word, hash, at));
            }
            at = end + 1;
        }
        close(open, text.len());
        Section { text, places: k == PLACES, overflow }
    }

    /// The lines filed under the hash of first word `word` (`range`): its
    /// group, or, where it has none, perhaps the group of another word with
    /// that hash. Callers keep only the names whose first word is `word`,
    /// which they test on the few names that fit the text anyway.
    fn group(&self, word: &str, range: Option<(u32, u32)>) -> &'static str {
        let range = if self.overflow.is_empty() {
            range
        } else {
            // Two words of this section share a hash: find the right one.
            range
                .filter(|&(s, _)| caseless_eq(first_word(&self.text[s as usize..]), word))
                .or_else(|| self.overflow.iter().find(|(w, _)| caseless_eq(w, word)).map(|&(_, r)| r))
        };
        range.map_or("", |(s, e)| &self.text[s as usize..e as usize])
    }

    /// A group's lines as names and codes.
    fn lines(mut lines: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
        // Byte by byte: a group holds a line or two, of a few bytes each.
        std::iter::from_fn(move || {
            let end = lines.bytes().position(|b| b == b'\n')?;
            let line = &lines[..end];
            lines = &lines[end + 1..];
            Some(match line.bytes().position(|b| b == b'\t') {
                Some(tab) => (&line[..tab], &line[tab + 1..]),
                None => (line, ""),
            })
        })
    }

    /// The names of a group's lines, with their tiers and what is known of them.
    fn names(&self, lines: &'static str) -> impl Iterator<Item = (&'static str, Tier, Known)> + '_ {
        Section::lines(lines).map(|line| self.decoded(line))
    }

    /// A line's name, tier and what is known of it.
    fn decoded(&self, (name, code): (&'static str, &'static str)) -> (&'static str, Tier, Known) {
        let (tier, known) = decode(code, self.places);
        (name, tier, known)
    }
}

/// What a line's code says (see [`Gazetteer`]).
fn decode(code: &'static str, places: bool) -> (Tier, Known) {
    let (head, demonym) = match code.bytes().position(|b| b == b'|') {
        Some(bar) => (&code[..bar], Some(&code[bar + 1..])),
        None => (code, None),
    };
    let letter = head.chars().next().unwrap_or('L');
    let kind = match letter.to_ascii_uppercase() {
        'P' => EntityType::PER,
        'O' => EntityType::ORG,
        'M' => EntityType::MISC,
        _ => EntityType::LOC,
    };
    let group = head.get(1..).and_then(|g| g.parse().ok());
    let unaccented = letter.is_ascii_lowercase();
    let tier = match (places, unaccented, demonym.is_some()) {
        (true, false, _) => Tier::Place,
        (true, true, _) => Tier::UnaccentedPlace,
        (false, false, false) => Tier::Known,
        (false, false, true) => Tier::Demonym,
        (false, true, false) => Tier::UnaccentedKnown,
        (false, true, true) => Tier::UnaccentedDemonym,
    };
    (tier, Known { kind, group, demonym })
}

impl Gazetteer {
    fn new(names: &'static str, places: &'static str) -> Gazetteer {
        let mut first_bytes = [false; 256];
        // Sized for a group a line: most groups hold one name.
        let lines = crate::lang::count_newlines(names) + crate::lang::count_newlines(places);
        let mut groups = HashMap::with_capacity_and_hasher(lines, Default::default());
        let sections = [
            Section::new(names, 0, &mut groups, &mut first_bytes),
            Section::new(places, PLACES, &mut groups, &mut first_bytes),
        ];
        Gazetteer { sections, groups, first_bytes }
    }

    /// Each section's lines filed under the hash of first word `word` (see
    /// [`Section::group`]), or "".
    fn groups(&self, word: &str) -> [&'static str; 2] {
        let ranges = self.groups.get(&caseless_hash(word));
        [0, PLACES].map(|k| self.sections[k].group(word, ranges.map(|r| r[k])))
    }

    /// The names `text` starts with, longest first; of equal length, in order
    /// of precedence. A name filed in both sections may come twice.
    pub fn prefixes_of<'s>(&'s self, text: &'s str) -> impl Iterator<Item = (&'static str, Known)> + 's {
        // A text and its first word start with the same byte.
        let may_start = text.as_bytes().first().is_some_and(|&b| self.first_bytes[usize::from(b)]);
        // Allocated only when a name fits, which few tokens start.
        let mut found = Vec::new();
        if may_start {
            let word = first_word(text);
            // Only the names the text starts with are decoded: most are not.
            // Such a name's first word is the text's if it is as long.
            let fits = |n: &str| text.starts_with(n) && first_word(n).len() == word.len();
            for (s, lines) in self.sections.iter().zip(self.groups(word)) {
                found.extend(Section::lines(lines).filter(|(n, _)| fits(n)).map(|line| s.decoded(line)));
            }
            // Each section's are in that order already; a stable sort merges them.
            crate::sort::sort_by_key(&mut found, |&(n, tier, _)| (std::cmp::Reverse(n.len()), tier));
        }
        found.into_iter().map(|(n, _, k)| (n, k))
    }

    /// The single-word name whose lowercase is `lower`, the first listed; with
    /// `acronym`, only names of three or more capitals and nothing else
    /// ("OTAN" for "Otan").
    pub fn by_lowercase(&self, lower: &str, acronym: bool) -> Option<Known> {
        // Acronyms are three ASCII capitals or more.
        if acronym && (lower.len() < 3 || !lower.is_ascii()) {
            return None;
        }
        let mut best: Option<(Tier, usize, Known)> = None;
        for (s, lines) in self.sections.iter().zip(self.groups(first_word(lower))) {
            for (name, code) in Section::lines(lines) {
                let fits = if acronym {
                    name.len() == lower.len()
                        && name.len() >= 3
                        && name.bytes().all(|b| b.is_ascii_uppercase())
                        && name.eq_ignore_ascii_case(lower)
                } else {
                    caseless_eq(name, lower) && !name.contains(' ')
                };
                if !fits {
                    continue;
                }
                let (_, tier, known) = s.decoded((name, code));
                let here = name.as_ptr() as usize - s.text.as_ptr() as usize;
                if best.map_or(true, |(t, p, _)| (tier, here) < (t, p)) {
                    best = Some((tier, here, known));
                }
            }
        }
        best.map(|(_, _, k)| k)
    }
}

pub struct Lexicon {
    /// Names, looked up as written, or by their lowercase form for ALL-CAPS
    /// text ("LONDON") and for the title-case spelling French gives
    /// pronounceable acronyms ("Otan", "Unesco").
    pub gazetteer: Gazetteer,
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
    /// Lowercase words that join the items of a list ("et", "and").
    pub coordinators: HashSet<&'static str>,
    /// How an unlisted demonym is built ("les Alsaciens"): see `demonym_endings.txt`.
    pub demonym_endings: DemonymEndings,
    pub place_prepositions: HashSet<&'static str>,
    /// Nouns after which "de"/"of" + a name names a place ("la localité d'Abou Tacht").
    pub place_nouns: HashSet<&'static str>,
    /// Titles whose "de"/"of" + a name names a place ("le maire d'Acari"):
    /// after other titles the name employs the holder ("la présidente d'Enedis").
    pub place_titles: HashSet<&'static str>,
    /// Nouns that, right before a name or opening it, make it an event's
    /// ("la tempête Ciarán", "Hurricane Katrina").
    pub event_descriptors: HashSet<&'static str>,
    /// Nouns that, right before a name, make it an organisation ("l'association Emmaüs").
    pub org_descriptors: HashSet<&'static str>,
    /// Articles that a person's name never takes (fr: "le", "l'").
    pub name_articles: HashSet<&'static str>,
    pub stopwords: HashSet<&'static str>,
    pub not_names: HashSet<&'static str>,
    /// Lowercase ordinals ("first", "deuxième", from `numbers_words.txt`): no
    /// name alone ("First published May 5"), though one may open a name.
    pub ordinals: HashSet<&'static str>,
    /// The folded forms of the lists looked up by the token as written, with
    /// their lists, for the word-list table.
    folded: Vec<(&'static str, WordLists)>,
}

/// Determiners and word endings of demonyms that no list holds, for a group
/// ("les Alsaciens") and for one person ("une Spinalienne").
pub struct DemonymEndings {
    group_dets: Vec<&'static str>,
    group_ends: Vec<&'static str>,
    one_dets: Vec<&'static str>,
    one_ends: Vec<&'static str>,
}

impl DemonymEndings {
    fn parse(data: &'static str) -> DemonymEndings {
        let class = |name: &str| pairs(data).filter(|(c, _)| *c == name).map(|(_, w)| w).collect();
        DemonymEndings {
            group_dets: class("group_det"),
            group_ends: class("group_end"),
            one_dets: class("one_det"),
            one_ends: class("one_end"),
        }
    }

    /// Whether `word`, after the lowercase determiner `det`, reads as a demonym.
    /// The stem must keep three letters: "des Bois" is no demonym.
    pub fn fits(&self, det: &str, word: &str) -> bool {
        let ends = |ends: &[&str]| ends.iter().any(|e| word.len() >= e.len() + 3 && word.ends_with(e));
        (self.group_dets.contains(&det) && ends(&self.group_ends))
            || (self.one_dets.contains(&det) && ends(&self.one_ends))
    }
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
    let gazetteer = Gazetteer::new(
        per_lang!("names_by_key.txt")[i],
        include_str!(concat!(env!("OUT_DIR"), "/lang/places_by_key.txt")),
    );
    let names = &gazetteer.sections[0];
    let mut lower = Made::default();
    for (name, tier, _) in names.names(names.text) {
        if tier == Tier::Demonym {
            lower.push_lowercase(name);
        }
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
    let ordinals = pairs(per_lang!("numbers_words.txt")[i])
        .filter_map(|(word, rest)| rest.rsplit('|').next().is_some_and(|role| role.starts_with("ord")).then_some(word))
        .collect();
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
        gazetteer,
        first_names,
        titles,
        title_starts,
        name_words,
        heads,
        particles,
        adjective_endings: entries(per_lang!("adjective_endings.txt")[i]).collect(),
        lower_demonyms,
        compass,
        coordinators: entries(per_lang!("coordinators.txt")[i]).collect(),
        demonym_endings: DemonymEndings::parse(per_lang!("demonym_endings.txt")[i]),
        place_prepositions: entries(per_lang!("place_prepositions.txt")[i]).collect(),
        place_nouns: entries(per_lang!("place_nouns.txt")[i]).collect(),
        place_titles: entries(per_lang!("place_titles.txt")[i]).collect(),
        org_descriptors: entries(per_lang!("org_descriptors.txt")[i]).collect(),
        event_descriptors: entries(per_lang!("event_descriptors.txt")[i]).collect(),
        name_articles: entries(per_lang!("name_articles.txt")[i]).collect(),
        stopwords: entries(per_lang!("stopwords.txt")[i]).collect(),
        not_names,
        ordinals,
        folded,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gazetteer_gives_the_names_a_text_starts_with_longest_first() {
        // Laid out as the build script does: grouped, longest first.
        let places = "L'Oréal\nSaint-Denis-de-la-Réunion\nSaint-Denis\nSaint\nSainte-Foy\n";
        let g = Gazetteer::new("", places);
        let found = |text: &str| g.prefixes_of(text).map(|(n, _)| n.to_string()).collect::<Vec<_>>();
        assert_eq!(found("Saint-Denis-de-la-Réunion, hier"), ["Saint-Denis-de-la-Réunion", "Saint-Denis", "Saint"]);
        assert_eq!(found("Sainte-Foy"), ["Sainte-Foy"]);
        assert_eq!(found("L'Oréal a dit"), ["L'Oréal"]);
        assert!(found("Saint").contains(&"Saint".to_string()));
        assert!(found("saint-Denis").is_empty() && found("").is_empty() && found("’").is_empty());
    }

    #[test]
    fn names_come_longest_first_then_by_precedence_across_sections() {
        let names = "Georgia Tech\tO4\nGeorgia\tO1\nGeorgian\tM|Georgians\nNATO\tO2\nEtats-Unis\tl3\n";
        let places = "Georgia\nEtats-Unis\nNato\n";
        let g = Gazetteer::new(names, places);
        let found = |text: &str| g.prefixes_of(text).map(|(n, k)| (n, k.kind, k.group)).collect::<Vec<_>>();
        // Of equal names, the well-known one first, the place after it.
        assert_eq!(
            found("Georgia Tech"),
            [
                ("Georgia Tech", EntityType::ORG, Some(4)),
                ("Georgia", EntityType::ORG, Some(1)),
                ("Georgia", EntityType::LOC, None)
            ]
        );
        // A place comes before the unaccented form of a well-known name.
        assert_eq!(found("Etats-Unis")[0], ("Etats-Unis", EntityType::LOC, None));
        assert_eq!(g.by_lowercase("etats-unis", false).map(|k| k.kind), Some(EntityType::LOC));
        // By lowercase: "NATO" is filed before the place "Nato"; as an acronym
        // only the capitals count, whatever the tier.
        assert_eq!(g.by_lowercase("nato", false).map(|k| k.group), Some(Some(2)));
        assert_eq!(g.by_lowercase("nato", true).map(|k| k.group), Some(Some(2)));
        assert_eq!(g.by_lowercase("georgian", false).and_then(|k| k.demonym), Some("Georgians"));
        assert_eq!(g.by_lowercase("georgia tech", false), None);
        assert_eq!(g.by_lowercase("geo", true), None);
    }

    #[test]
    fn every_listed_name_is_found_as_written_and_by_its_lowercase() {
        for lang in Lang::ALL {
            let g = &Lexicon::for_lang(lang).gazetteer;
            for s in &g.sections {
                // No two first words share a hash: each group is found in one probe.
                assert!(s.overflow.is_empty(), "{lang:?}: {:?}", s.overflow);
                for (name, _) in Section::lines(s.text) {
                    assert!(g.prefixes_of(name).any(|(n, _)| n == name), "{lang:?}: {name}");
                    if !name.contains(' ') {
                        assert!(g.by_lowercase(&name.to_lowercase(), false).is_some(), "{lang:?}: {name}");
                    }
                }
            }
        }
    }

    #[test]
    fn caseless_hash_and_eq_agree_on_case() {
        for (a, b) in [("Paris", "PARIS"), ("État", "éTAT"), ("Abcdefghijk", "aBCDEFGHIJK"), ("\u{212A}iev", "kiev")]
        {
            assert!(caseless_eq(a, b), "{a} {b}");
            assert_eq!(caseless_hash(a), caseless_hash(b), "{a} {b}");
        }
        assert!(!caseless_eq("Paris", "Pari") && caseless_hash("Paris") != caseless_hash("Parisa"));
        assert_eq!(ascii_lowercase_word(u64::from_le_bytes(*b"@AZ[`az{")), u64::from_le_bytes(*b"@az[`az{"));
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

//! Per-language knowledge, kept as data.
//!
//! Each language is a folder `src/lang/<code>/` of plain-text lists: one entry
//! per line, `#` starts a comment. Layers embed the files they need with
//! [`per_lang!`](crate::per_lang) and parse them once, lazily. Adding a language means adding a
//! folder, a variant to [`Lang`] and its code to `per_lang!`.

use std::sync::{LazyLock, OnceLock};

use serde::{Deserialize, Serialize};

/// A language Glose knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    /// Every known language, in the order of [`per_lang!`](crate::per_lang)'s arrays.
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// The index of this language in [`per_lang!`](crate::per_lang) arrays.
    pub fn index(self) -> usize {
        self as usize
    }

    /// Parses an ISO 639-1 code (`fr`, `en`), case-insensitively.
    pub fn parse(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code().eq_ignore_ascii_case(code.trim()))
    }
}

/// Embeds `src/lang/<code>/<file>` for every language, as `[&'static str; N]`
/// indexed by [`Lang::index`]. The build script copies the lists without their
/// comment lines, which [`entries`] would skip anyway.
#[macro_export]
macro_rules! per_lang {
    ($file:literal) => {
        [
            include_str!(concat!(env!("OUT_DIR"), "/lang/fr/", $file)),
            include_str!(concat!(env!("OUT_DIR"), "/lang/en/", $file)),
        ]
    };
}

/// One value per language, each built on first use: an article pays only for
/// the lists of its own language, and the first article of a page (or of a
/// batch) does not wait for the others'.
pub struct PerLang<T> {
    cells: [OnceLock<T>; Lang::ALL.len()],
    build: fn(Lang) -> T,
}

impl<T> PerLang<T> {
    pub const fn new(build: fn(Lang) -> T) -> Self {
        PerLang { cells: [const { OnceLock::new() }; Lang::ALL.len()], build }
    }

    /// The value of `lang`, built now if it is its first use.
    pub fn get(&self, lang: Lang) -> &T {
        self.cells[lang.index()].get_or_init(|| (self.build)(lang))
    }
}

/// By [`Lang::index`], as `per_lang!` arrays are.
impl<T> std::ops::Index<usize> for PerLang<T> {
    type Output = T;

    fn index(&self, i: usize) -> &T {
        self.get(Lang::ALL[i])
    }
}

/// The entries of a list file: trimmed lines, without `#` comments or blanks.
pub fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    // The build script takes the comments out of the embedded lists, and trims
    // their lines: most lines need neither looked at again.
    let comments = data.as_bytes().contains(&b'#');
    let mut rest = data;
    std::iter::from_fn(move || {
        while !rest.is_empty() {
            // Lines are short: eight bytes at a time cost less than a
            // `memchr` call each.
            let line = match find_newline(rest.as_bytes()) {
                Some(end) => {
                    let line = &rest[..end];
                    rest = &rest[end + 1..];
                    line
                }
                None => std::mem::take(&mut rest),
            };
            let line = match (line.as_bytes().first(), line.as_bytes().last()) {
                (Some(a), Some(b)) if !comments && a.is_ascii_graphic() && b.is_ascii_graphic() => line,
                _ => uncommented(line, comments),
            };
            if !line.is_empty() {
                return Some(line);
            }
        }
        None
    })
}

/// `line` without its comment (if the list has any) or the blanks around it.
/// Out of the loop that cuts the lines, which most lines skip: kept in, it
/// made that loop save and restore more registers for every line.
#[cold]
#[inline(never)]
fn uncommented(line: &str, comments: bool) -> &str {
    match comments.then(|| line.find('#')).flatten() {
        Some(i) => &line[..i],
        None => line,
    }
    .trim()
}

/// Where the first `\n` of `bytes` is, read eight bytes at a time.
pub(crate) fn find_newline(bytes: &[u8]) -> Option<usize> {
    find_any(bytes, [b'\n'])
}

/// Where the first byte of `bytes` that is one of `wanted` is, read eight
/// bytes at a time: lines and paragraphs hold hundreds of bytes and none.
pub(crate) fn find_any<const N: usize>(bytes: &[u8], wanted: [u8; N]) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    let mut at = 0;
    while let Some(chunk) = bytes.get(at..at + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
        let x = u64::from_le_bytes(chunk);
        // The high bit of each byte that was a wanted one: a byte past one
        // may be marked too, never one before it, so the lowest mark of all
        // is the first wanted byte.
        let found = wanted.iter().fold(0, |found, &w| {
            let y = x ^ u64::from_le_bytes([w; 8]);
            found | (y.wrapping_sub(ONES) & !y & HIGHS)
        });
        if found != 0 {
            return Some(at + found.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    bytes.get(at..)?.iter().position(|b| wanted.contains(b)).map(|i| at + i)
}

/// How many `\n` bytes `data` holds.
pub(crate) fn count_newlines(data: &str) -> usize {
    // Counted into a byte per run of 255 bytes, a loop that is vectorised.
    data.as_bytes().chunks(255).map(|run| run.iter().fold(0u8, |n, &b| n + u8::from(b == b'\n')) as usize).sum()
}

/// The entries of a `key<TAB or |>value` file as pairs; lines without a
/// separator give an empty value.
pub fn pairs(data: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    entries(data).map(|line| match line.split_once(['\t', '|']) {
        Some((k, v)) => (k.trim(), v.trim()),
        None => (line, ""),
    })
}

/// Words made from the lists at start-up (lowercase or folded forms,
/// variants), written into one buffer rather than a `String` each: a table
/// built from the lists can then key them as `&'static str`, as it keys the
/// words it borrows from the embedded files, for one allocation in all.
///
/// [`Made::finish`] leaks the buffer: use it only for tables that live as long
/// as the program does (those of a [`PerLang`] static).
#[derive(Default)]
pub(crate) struct Made {
    text: String,
    ends: Vec<usize>,
    /// Where the words added by [`Made::push_lowercase`] whose ASCII capitals
    /// are still to be lowered start: a run of them is lowered at once, in a
    /// loop long enough to be vectorised, not byte by byte for each word.
    unlowered: usize,
}

impl Made {
    pub fn with_capacity(words: usize, bytes: usize) -> Made {
        Made { text: String::with_capacity(bytes), ends: Vec::with_capacity(words), unlowered: 0 }
    }

    /// Adds the word that `write` appends to the buffer given it.
    pub fn push_with(&mut self, write: impl FnOnce(&mut String)) {
        self.lower_ascii();
        write(&mut self.text);
        self.ends.push(self.text.len());
        self.unlowered = self.text.len();
    }

    /// Adds `word` lowercased as [`str::to_lowercase`] does.
    pub fn push_lowercase(&mut self, word: &str) {
        // Its ASCII capitals wait for `lower_ascii`: the lowercase of a char
        // past ASCII has none, so lowering them later changes nothing else.
        if word.is_ascii() {
            self.text.push_str(word);
        } else {
            lowercase_past_ascii_into(word, &mut self.text);
        }
        self.ends.push(self.text.len());
    }

    /// Adds `word` folded as [`crate::segment::fold`] does.
    pub fn push_folded(&mut self, word: &str) {
        self.push_with(|out| crate::segment::fold_into(word, out));
    }

    /// Lowers the ASCII capitals of the words added since the last word
    /// that was not lowercased.
    fn lower_ascii(&mut self) {
        if let Some(run) = self.text.get_mut(self.unlowered..) {
            run.make_ascii_lowercase();
        }
        self.unlowered = self.text.len();
    }

    /// The words, in the order they were added.
    pub fn finish(mut self) -> impl ExactSizeIterator<Item = &'static str> {
        self.lower_ascii();
        // Not shrunk to fit: that would copy the buffer, to give back a few
        // bytes of a table kept for the whole run.
        let text: &'static str = self.text.leak();
        let mut start = 0;
        self.ends.into_iter().map(move |end| {
            let word = &text[start..end];
            start = end;
            word
        })
    }
}

/// Appends `word` lowercased as [`str::to_lowercase`] does, but for its ASCII
/// capitals, which may be left as they are.
fn lowercase_past_ascii_into(word: &str, out: &mut String) {
    if word.bytes().any(|b| b >= 0xC4) {
        // A char past Latin-1 (a UTF-8 lead byte from 0xC4 on): the case
        // tables, and Σ, whose lowercase depends on where it stands.
        out.push_str(&word.to_lowercase());
    } else {
        // Latin-1 past ASCII (lead byte 0xC3 for U+00C0 to U+00FF, where its
        // capitals are) is lowered by `segment::latin1_lowercase`, with no case
        // table to search; the text between its capitals is copied whole.
        let bytes = word.as_bytes();
        let mut copied = 0;
        let mut at = 0;
        while let Some(&[lead, next]) = bytes.get(at..at + 2) {
            if lead == 0xC3 {
                let c = char::from(0xC0 | (next & 0x3F));
                if let Some(lower) = crate::segment::latin1_lowercase(c).filter(|&l| l != c) {
                    out.push_str(&word[copied..at]);
                    out.push(lower);
                    at += 2;
                    copied = at;
                    continue;
                }
            }
            at += 1;
        }
        out.push_str(&word[copied..]);
    }
}

/// Function words, used only to tell languages apart.
static STOPWORDS: LazyLock<Vec<Vec<&'static str>>> =
    LazyLock::new(|| per_lang!("stopwords.txt").iter().map(|d| entries(d).collect()).collect());

/// Each function word → the languages listing it, one bit per [`Lang::index`]:
/// one look-up per word of the article rather than a search per language. Its
/// keys are our own lists', so it takes the fast hasher (see `hash.rs`).
struct StopwordLangs {
    words: crate::hash::HashMap<&'static str, u32>,
    /// The longest word's length in bytes: longer words are not looked up.
    longest: usize,
}

static STOPWORD_LANGS: LazyLock<StopwordLangs> = LazyLock::new(|| {
    let mut words = crate::hash::HashMap::default();
    for (i, list) in STOPWORDS.iter().enumerate() {
        for &word in list {
            *words.entry(word).or_default() |= 1 << i;
        }
    }
    let longest = words.keys().map(|w: &&str| w.len()).max().unwrap_or(0);
    StopwordLangs { words, longest }
});

/// Guesses the language of `text` from function words and letters.
///
/// Works on a single sentence: every word that is a function word of one
/// language and not the other votes, and letters only one language uses
/// (é, è, ç, œ…) add a half vote each. Returns `None` when nothing votes.
pub fn detect(text: &str) -> Option<Lang> {
    let langs = &*STOPWORD_LANGS;
    let mut votes = [0.0f64; Lang::ALL.len()];
    // One buffer for every word's folded form.
    let mut lower = String::new();
    // Only the first 20 000 words: the decision is settled long before, and
    // this keeps detection cheap on huge inputs.
    for Word { text: word, ascii, apostrophe } in words(text).take(20_000) {
        // A long ASCII word is no function word, elision or accent: most
        // words of a text need nothing more.
        if ascii && !apostrophe && word.len() > langs.longest {
            continue;
        }
        // A lowercase ASCII word is its own folded form: most words need no copy.
        let word = if ascii && !word.bytes().any(|b| b.is_ascii_uppercase()) {
            word
        } else {
            lower.clear();
            crate::segment::fold_into(word, &mut lower);
            lower.as_str()
        };
        // A word votes only when exactly one language lists it.
        if word.len() <= langs.longest {
            if let Some(&mask) = langs.words.get(word) {
                if mask.count_ones() == 1 {
                    votes[mask.trailing_zeros() as usize] += 1.0;
                }
            }
        }
        // French elisions (l', d', qu') glued to the next word.
        if apostrophe {
            if let Some((head, _)) = word.split_once('\'') {
                if matches!(head, "l" | "d" | "qu" | "j" | "n" | "s" | "c" | "m" | "jusqu" | "lorsqu" | "puisqu") {
                    votes[Lang::Fr.index()] += 1.0;
                }
            }
        }
        if !ascii
            && word
                .chars()
                .any(|c| matches!(c, 'é' | 'è' | 'ê' | 'à' | 'ç' | 'ù' | 'â' | 'î' | 'ô' | 'û' | 'œ' | 'ë' | 'ï'))
        {
            votes[Lang::Fr.index()] += 0.5;
        }
    }
    let (best, &score) =
        votes.iter().enumerate().max_by(|a, b| a.1.partial_cmp(b.1).expect("vote counts are finite"))?;
    (score > 0.0).then(|| Lang::ALL[best])
}

/// A word of the text for [`detect`], with what it holds.
struct Word<'a> {
    text: &'a str,
    ascii: bool,
    /// An apostrophe, straight or curly.
    apostrophe: bool,
}

/// The words of `text` for [`detect`]: runs of letters and apostrophes. Read
/// byte by byte, decoding only non-ASCII chars: splitting on a char predicate
/// decoded every char, and detection cost as much as finding the entities.
fn words(text: &str) -> impl Iterator<Item = Word<'_>> {
    let bytes = text.as_bytes();
    // A non-ASCII char at `at`: whether it is a letter, an apostrophe, and its length.
    let wide = |at: usize| {
        let c = text[at..].chars().next().unwrap_or(' ');
        let quote = c == '’';
        (quote || crate::segment::is_alphabetic(c), quote, c.len_utf8())
    };
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(&b) = bytes.get(at) {
            if b.is_ascii() {
                if b.is_ascii_alphabetic() || b == b'\'' {
                    break;
                }
                at += 1;
            } else {
                match wide(at) {
                    (true, _, _) => break,
                    (false, _, len) => at += len,
                }
            }
        }
        if at >= bytes.len() {
            return None;
        }
        let start = at;
        let (mut ascii, mut apostrophe) = (true, false);
        while let Some(&b) = bytes.get(at) {
            if b.is_ascii_alphabetic() {
                at += 1;
            } else if b == b'\'' {
                (at, apostrophe) = (at + 1, true);
            } else if b.is_ascii() {
                break;
            } else {
                match wide(at) {
                    (true, quote, len) => {
                        (at, ascii) = (at + len, false);
                        apostrophe |= quote;
                    }
                    (false, _, _) => break,
                }
            }
        }
        Some(Word { text: &text[start..at], ascii, apostrophe })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_lang_values_are_built_once_and_only_for_the_language_asked() {
        use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
        static BUILT: AtomicUsize = AtomicUsize::new(0);
        static CODES: PerLang<&'static str> = PerLang::new(|l| {
            BUILT.fetch_add(1, SeqCst);
            l.code()
        });
        assert_eq!(BUILT.load(SeqCst), 0);
        assert_eq!(*CODES.get(Lang::En), "en");
        assert_eq!(CODES[Lang::En.index()], "en");
        assert_eq!(BUILT.load(SeqCst), 1);
        assert_eq!(CODES[Lang::Fr.index()], "fr");
        assert_eq!(BUILT.load(SeqCst), 2);
    }

    #[test]
    fn lists_are_sorted_for_binary_search() {
        for list in STOPWORDS.iter() {
            let mut sorted = list.clone();
            sorted.sort_unstable();
            assert_eq!(&sorted, list);
        }
    }

    #[test]
    fn single_sentences_are_identified() {
        let cases = [
            ("Le ministère a déclaré que deux attaques avaient eu lieu.", Lang::Fr),
            ("The ministry said that two attacks had taken place.", Lang::En),
            ("Il pleut.", Lang::Fr),
            ("It rains in Paris.", Lang::En),
            ("Kirby a parlé.", Lang::Fr),
            ("Kirby spoke to reporters on Monday.", Lang::En),
        ];
        for (text, want) in cases {
            assert_eq!(detect(text), Some(want), "{text}");
        }
    }

    #[test]
    fn no_words_means_no_answer() {
        assert_eq!(detect(""), None);
        assert_eq!(detect("1234 !!! 😀"), None);
    }

    /// The words as splitting on a char predicate finds them, with what each holds.
    fn words_by_chars(text: &str) -> Vec<(&str, bool, bool)> {
        text.split(|c: char| !(crate::segment::is_alphabetic(c) || c == '\'' || c == '’'))
            .filter(|w| !w.is_empty())
            .map(|w| (w, w.is_ascii(), w.contains(['\'', '’'])))
            .collect()
    }

    fn words_read(text: &str) -> Vec<(&str, bool, bool)> {
        words(text).map(|w| (w.text, w.ascii, w.apostrophe)).collect()
    }

    #[test]
    fn detection_reads_the_words_a_char_split_finds() {
        let text =
            "L’homme d'État, «élu» hier : 12 000 naïfs\u{a0}œuvrent… Ça va? It's Zoë's 3rd—日本語 won't-stop x’y ’ ' é";
        assert_eq!(words_read(text), words_by_chars(text));
    }

    use proptest::prelude::*;

    proptest! {
        #[test]
        fn detection_reads_the_words_of_any_text(
            text in crate::segment::texts_of(
                "[a-zA-Z]{1,4}",
                vec!["'", "’", "é", "«", " ", "\u{a0}", "日", "9", "-", "\u{301}", "😀"],
            )
        ) {
            prop_assert_eq!(words_read(&text), words_by_chars(&text));
        }
    }

    #[test]
    fn made_words_are_lowercased_and_folded_as_alone() {
        let words = ["Paris", "ÉTATS-UNIS", "Île-de-France", "ΟΔΥΣΣΕΥΣ", "İstanbul", "L’Oréal", ""];
        let mut made = Made::default();
        for w in words {
            made.push_lowercase(w);
            made.push_folded(w);
        }
        let want: Vec<String> = words.iter().flat_map(|w| [w.to_lowercase(), crate::segment::fold(w)]).collect();
        assert_eq!(made.finish().collect::<Vec<_>>(), want);
    }

    #[test]
    fn words_pushed_as_written_keep_their_capitals_among_lowercased_ones() {
        let mut made = Made::default();
        made.push_lowercase("ONU");
        made.push_lowercase("Élysée");
        made.push_with(|out| out.push_str("Etats-Unis"));
        made.push_lowercase("NATO");
        made.push_with(|out| out.push_str("EU"));
        assert_eq!(made.finish().collect::<Vec<_>>(), ["onu", "élysée", "Etats-Unis", "nato", "EU"]);
    }

    #[test]
    fn every_latin_1_char_and_some_past_it_lowercase_as_to_lowercase_does() {
        let chars = ('\0'..='\u{17F}').chain(['Σ', 'İ', 'ẞ', 'Ω', '中', '\u{10FFFF}']);
        let mut made = Made::default();
        let mut want = Vec::new();
        for c in chars {
            for word in [format!("{c}"), format!("A{c}É"), format!("é{c}Σ"), format!("Ο{c}ΣΑ")] {
                made.push_lowercase(&word);
                want.push(word.to_lowercase());
            }
        }
        assert_eq!(made.finish().collect::<Vec<_>>(), want);
    }

    #[test]
    fn newlines_are_found_and_counted_wherever_they_stand() {
        // Bytes next to `\n` in value, or in value once xored with it.
        let others = [b'a', 0x0B, 0x09, 0x8A, 0x00, 0xFF, 0x0A ^ 0x80];
        for len in 0..40 {
            let plain: Vec<u8> = (0..len).map(|i| others[i % others.len()]).collect();
            assert_eq!(find_newline(&plain), None);
            for at in 0..len {
                for also in [None, Some(at + 1), Some(len - 1)] {
                    let mut bytes = plain.clone();
                    bytes[at] = b'\n';
                    if let Some(j) = also.filter(|&j| j < len) {
                        bytes[j] = b'\n';
                    }
                    assert_eq!(find_newline(&bytes), Some(at), "{bytes:?}");
                }
            }
        }
        for text in ["", "a", "\n", "a\nb\n\n", &"ab\n".repeat(1000), &"é\n".repeat(300)] {
            assert_eq!(count_newlines(text), text.bytes().filter(|&b| b == b'\n').count(), "{text:?}");
        }
    }

    #[test]
    fn comments_and_blank_lines_are_skipped() {
        let got: Vec<_> = entries("# head\nb # tail\n\n  a  \r\n\u{a0}c\u{a0}\n d").collect();
        assert_eq!(got, ["b", "a", "c", "d"]);
        let got: Vec<_> = entries("x\r\n y\n\nz").collect();
        assert_eq!(got, ["x", "y", "z"]);
    }
}

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
            // Lines are short: a loop over their bytes costs less than a
            // `memchr` call each.
            let line = match rest.bytes().position(|b| b == b'\n') {
                Some(end) => {
                    let line = &rest[..end];
                    rest = &rest[end + 1..];
                    line
                }
                None => std::mem::take(&mut rest),
            };
            let line = match comments.then(|| line.find('#')).flatten() {
                Some(i) => &line[..i],
                None => line,
            };
            let line = match (line.as_bytes().first(), line.as_bytes().last()) {
                (Some(a), Some(b)) if a.is_ascii_graphic() && b.is_ascii_graphic() => line,
                _ => line.trim(),
            };
            if !line.is_empty() {
                return Some(line);
            }
        }
        None
    })
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
}

impl Made {
    pub fn with_capacity(words: usize, bytes: usize) -> Made {
        Made { text: String::with_capacity(bytes), ends: Vec::with_capacity(words) }
    }

    /// Adds the word that `write` appends to the buffer given it.
    pub fn push_with(&mut self, write: impl FnOnce(&mut String)) {
        write(&mut self.text);
        self.ends.push(self.text.len());
    }

    /// Adds `word` lowercased as [`str::to_lowercase`] does.
    pub fn push_lowercase(&mut self, word: &str) {
        self.push_with(|out| {
            if word.is_ascii() {
                let from = out.len();
                out.push_str(word);
                out[from..].make_ascii_lowercase();
            } else if word.contains('Σ') {
                // Its lowercase depends on where it stands in the word.
                out.push_str(&word.to_lowercase());
            } else {
                // As `to_lowercase`, char by char, with no `String` of its own.
                for c in word.chars() {
                    if c.is_ascii() {
                        out.push(c.to_ascii_lowercase());
                    } else {
                        out.extend(c.to_lowercase());
                    }
                }
            }
        });
    }

    /// Adds `word` folded as [`crate::segment::fold`] does.
    pub fn push_folded(&mut self, word: &str) {
        self.push_with(|out| crate::segment::fold_into(word, out));
    }

    /// The words, in the order they were added.
    pub fn finish(self) -> Vec<&'static str> {
        let text: &'static str = Box::leak(self.text.into_boxed_str());
        let mut start = 0;
        self.ends
            .iter()
            .map(|&end| {
                let word = &text[start..end];
                start = end;
                word
            })
            .collect()
    }
}

/// Function words, used only to tell languages apart.
static STOPWORDS: LazyLock<Vec<Vec<&'static str>>> =
    LazyLock::new(|| per_lang!("stopwords.txt").iter().map(|d| entries(d).collect()).collect());

/// Each function word → the languages listing it, one bit per [`Lang::index`]:
/// one look-up per word of the article rather than a search per language. Its
/// keys are our own lists', so it takes the fast hasher (see `hash.rs`).
static STOPWORD_LANGS: LazyLock<crate::hash::HashMap<&'static str, u32>> = LazyLock::new(|| {
    let mut langs = crate::hash::HashMap::default();
    for (i, list) in STOPWORDS.iter().enumerate() {
        for &word in list {
            *langs.entry(word).or_default() |= 1 << i;
        }
    }
    langs
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
    for word in text
        .split(|c: char| !(crate::segment::is_alphabetic(c) || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .take(20_000)
    {
        lower.clear();
        crate::segment::fold_into(word, &mut lower);
        let word = lower.as_str();
        // A word votes only when exactly one language lists it.
        if let Some(&mask) = langs.get(word) {
            if mask.count_ones() == 1 {
                votes[mask.trailing_zeros() as usize] += 1.0;
            }
        }
        // French elisions (l', d', qu') glued to the next word.
        if let Some((head, _)) = word.split_once('\'') {
            if matches!(head, "l" | "d" | "qu" | "j" | "n" | "s" | "c" | "m" | "jusqu" | "lorsqu" | "puisqu") {
                votes[Lang::Fr.index()] += 1.0;
            }
        }
        if word
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

    #[test]
    fn made_words_are_lowercased_and_folded_as_alone() {
        let words = ["Paris", "ÉTATS-UNIS", "Île-de-France", "ΟΔΥΣΣΕΥΣ", "İstanbul", "L’Oréal", ""];
        let mut made = Made::default();
        for w in words {
            made.push_lowercase(w);
            made.push_folded(w);
        }
        let want: Vec<String> = words.iter().flat_map(|w| [w.to_lowercase(), crate::segment::fold(w)]).collect();
        assert_eq!(made.finish(), want);
    }

    #[test]
    fn comments_and_blank_lines_are_skipped() {
        let got: Vec<_> = entries("# head\nb # tail\n\n  a  \r\n\u{a0}c\u{a0}\n d").collect();
        assert_eq!(got, ["b", "a", "c", "d"]);
        let got: Vec<_> = entries("x\r\n y\n\nz").collect();
        assert_eq!(got, ["x", "y", "z"]);
    }
}

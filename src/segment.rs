//! Paragraphs, sentences and tokens with exact byte offsets.
//!
//! This is the first stage of the pipeline; every layer reads the [`Doc`] it
//! builds. One linear pass makes the tokens, one more groups them into
//! sentences, inside paragraphs (a line break always ends a paragraph).

use std::cell::OnceCell;
use std::sync::LazyLock;

use crate::lang::{entries, Lang};
use crate::per_lang;
use crate::word_lists::WordLists;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, with inner hyphens and apostrophes (`Koursk-Vostotchny`,
    /// `aujourd'hui`), or a dotted abbreviation (`U.S.`).
    Word,
    /// Digits with their group and decimal separators (`1 000,5`, `25.11.2024`).
    Number,
    /// A French elision ending in an apostrophe: `l'`, `qu’`, `d'`.
    Elision,
    /// An inverted clitic: `-t-il`, `-elle`, `-on`.
    Clitic,
    /// Punctuation, quote marks and dashes; `...` is one token.
    Punct,
    /// Anything else that is not a space: symbols, emoji.
    Symbol,
}

/// A token: a byte range of the text and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

/// A sentence: a byte range, the paragraph it belongs to, and its tokens as a
/// range of indices into [`Doc::tokens`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
    pub tokens: std::ops::Range<usize>,
}

/// The segmented article.
#[derive(Clone, Debug)]
pub struct Doc<'a> {
    pub text: &'a str,
    pub lang: Lang,
    /// Byte ranges of non-empty lines, trimmed.
    pub paragraphs: Vec<std::ops::Range<usize>>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    /// Every token's comparable form, end to end; see [`Doc::lower`].
    lowered: String,
    /// Where token `i`'s form starts in `lowered`; one more entry marks the end.
    lowered_at: Vec<usize>,
    /// Every token's word lists; see [`Doc::word_lists`].
    word_lists: OnceCell<Vec<WordLists>>,
}

impl<'a> Doc<'a> {
    /// Segments `text`, read as language `lang` (for its abbreviations).
    pub fn new(text: &'a str, lang: Lang) -> Doc<'a> {
        let tokens = tokenize(text);
        let paragraphs = paragraphs(text);
        let sentences = sentences(text, lang, &tokens, &paragraphs);
        let (lowered, lowered_at) = lower_all(text, &tokens);
        Doc { text, lang, paragraphs, sentences, tokens, lowered, lowered_at, word_lists: OnceCell::new() }
    }

    /// Token `i`'s comparable form: lowercase, with the typographic apostrophe
    /// made straight. Every layer looks words up in its lists by this form, so
    /// it is made once here rather than per layer and per look-up.
    #[inline]
    pub fn lower(&self, i: usize) -> &str {
        &self.lowered[self.lowered_at[i]..self.lowered_at[i + 1]]
    }

    /// Every token's comparable form ([`Doc::lower`]), index for index.
    pub fn lower_words(&self) -> Vec<&str> {
        self.lower_iter().collect()
    }

    /// Every token's comparable form, in order: each cut off the front of
    /// what is left, one boundary test a word where [`Doc::lower`] makes four.
    pub fn lower_iter(&self) -> impl Iterator<Item = &str> + '_ {
        let mut rest = self.lowered.as_str();
        self.lowered_at.windows(2).map(move |w| {
            let (word, tail) = rest.split_at(w[1] - w[0]);
            rest = tail;
            word
        })
    }

    /// The word lists each token belongs to, index for index: one look-up per
    /// token, made on first use, instead of one per list and per layer (see
    /// [`crate::word_lists`]).
    pub fn word_lists(&self) -> &[WordLists] {
        self.word_lists.get_or_init(|| crate::word_lists::of(self))
    }

    /// The text of a token.
    pub fn tok(&self, t: &Token) -> &'a str {
        &self.text[t.start..t.end]
    }

    /// The tokens of a sentence.
    pub fn sentence_tokens(&self, s: &Sentence) -> &[Token] {
        &self.tokens[s.tokens.clone()]
    }

    /// The text of a sentence.
    pub fn sentence_text(&self, s: &Sentence) -> &'a str {
        &self.text[s.start..s.end]
    }

    /// The token that starts exactly at byte `offset`, if any.
    pub fn token_starting_at(&self, offset: usize) -> Option<usize> {
        self.tokens.binary_search_by_key(&offset, |t| t.start).ok()
    }

    /// The token that ends exactly at byte `offset`, if any. Tokens never
    /// overlap, so their ends are as sorted as their starts.
    pub fn token_ending_at(&self, offset: usize) -> Option<usize> {
        self.tokens.binary_search_by_key(&offset, |t| t.end).ok()
    }

    /// Whether token `i` is the dot of an abbreviation that never ends a
    /// sentence ("Sen.", "Dr.", "M.") or of a party tag ("D-Mass."):
    /// segmentation read it so, and layers reading a name across it must too.
    pub fn is_abbreviation_dot(&self, i: usize) -> bool {
        i > 0
            && i < self.tokens.len()
            && self.tok(&self.tokens[i]) == "."
            && self.tokens[i - 1].end == self.tokens[i].start
            && (ABBREVIATIONS[self.lang.index()].never_final.contains(&self.tok(&self.tokens[i - 1]))
                || self.is_party_tag(i - 1))
    }

    /// Whether token `i` is a party tag after a legislator's name: "D-Mass."
    /// or "R-Texas" between commas or in brackets, its initial from
    /// `party_initials.txt`.
    ///
    /// A state in dotted initials ("D-N.Y.", "R-S.D.") is read as the tag's
    /// word and its dots: the second initial counts as part of the tag too.
    pub fn is_party_tag(&self, i: usize) -> bool {
        let Some(t) = self.tokens.get(i) else { return false };
        let w = self.tok(t);
        // The cheap test first: the initial is one letter.
        if w.as_bytes().get(1) != Some(&b'-') {
            // "Y" of "D-N.Y.".
            return w.len() == 1 && i >= 2 && self.dotted_state_end(i - 2).is_some();
        }
        let (initial, state) = w.split_at(1);
        let state = &state[1..];
        let opened = i > 0 && matches!(self.tok(&self.tokens[i - 1]), "," | "(");
        let last = match state.len() {
            1 => match self.dotted_state_end(i) {
                Some(last) => last,
                None => return false,
            },
            _ => i,
        };
        let closed = self.tokens.get(last + 1).is_some_and(|n| matches!(self.tok(n), "," | "." | ")"));
        opened
            && closed
            && t.kind == TokenKind::Word
            && (1..=12).contains(&state.len())
            && state.chars().next().is_some_and(char::is_uppercase)
            && state.chars().all(|c| c.is_ascii_alphabetic())
            && PARTY_INITIALS[self.lang.index()].contains(&initial)
    }

    /// For "D-N" at `i` followed by ".", "Y" (one capital) and ".", all glued:
    /// the index of that capital.
    fn dotted_state_end(&self, i: usize) -> Option<usize> {
        let w = self.tok(self.tokens.get(i)?);
        let shaped = w.len() == 3 && w.as_bytes()[1] == b'-' && w.as_bytes()[2].is_ascii_uppercase();
        let glued = self.tokens.get(i + 1).is_some_and(|t| self.tokens[i].end == t.start);
        (shaped && glued && dotted_initial_follows(self.text, &self.tokens, i + 1)).then_some(i + 2)
    }

    /// The index of the sentence holding byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= offset);
        (i < self.sentences.len() && self.sentences[i].start <= offset).then_some(i)
    }
}

/// Lowercases a word and makes its typographic apostrophes straight: the
/// comparable form of [`Doc::lower`], for list entries as well as tokens.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// [`fold`], appending to `out`.
pub(crate) fn fold_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        // Copied whole, then lowered in place: no char-by-char pushes.
        let from = out.len();
        out.push_str(word);
        out[from..].make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        match c {
            // ASCII letters inside an accented word need no case table.
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            '’' => out.push('\''),
            c => match latin1_lowercase(c) {
                Some(lower) => out.push(lower),
                None => out.extend(c.to_lowercase()),
            },
        }
    }
}

fn lower_all(text: &str, tokens: &[Token]) -> (String, Vec<usize>) {
    // Bytes, made a string once at the end: most tokens are short ASCII words,
    // lowered byte by byte into the buffer without a call to copy each.
    let mut lowered: Vec<u8> = Vec::with_capacity(text.len());
    let mut at = Vec::with_capacity(tokens.len() + 1);
    let mut wide = String::new();
    for t in tokens {
        at.push(lowered.len());
        let word = &text.as_bytes()[t.start..t.end];
        if word.is_ascii() {
            lowered.extend(word.iter().map(u8::to_ascii_lowercase));
        } else {
            wide.clear();
            fold_into(&text[t.start..t.end], &mut wide);
            lowered.extend_from_slice(wide.as_bytes());
        }
    }
    at.push(lowered.len());
    (String::from_utf8(lowered).expect("folded words are UTF-8"), at)
}

fn paragraphs(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    // Line breaks found without decoding: '\n' and '\r' are ASCII, and the two
    // Unicode separators are E2 80 A8 and E2 80 A9; E2 leads many other chars
    // (’ « — …), which are read past.
    let mut from = 0;
    let breaks = std::iter::from_fn(|| {
        while let Some(i) = crate::lang::find_any(&bytes[from..], BREAK_LEADS).map(|i| from + i) {
            from = i + 1;
            match bytes[i] {
                b'\n' | b'\r' => return Some((i, 1)),
                _ if matches!(bytes.get(i + 1..i + 3), Some([0x80, 0xA8 | 0xA9])) => return Some((i, 3)),
                _ => {}
            }
        }
        None
    })
    .chain(std::iter::once((text.len(), 1)));
    for (i, len) in breaks {
        let line = &text[start..i];
        let lead = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            out.push(start + lead..start + lead + trimmed.len());
        }
        start = i + len;
    }
    out
}

/// The bytes a line break may begin with: `\n`, `\r`, and 0xE2, the lead
/// byte of the Unicode separators.
const BREAK_LEADS: [u8; 3] = [b'\n', b'\r', 0xE2];

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Spaces that may group the thousands of a number: space, no-break space,
/// narrow no-break space, thin space.
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

fn is_word_char(c: char) -> bool {
    is_alphanumeric(c) || is_mark(c)
}

/// Whether `c` is a Latin letter past ASCII (U+00C0 to U+024F: all letters but
/// × and ÷). French words are full of them, and `char`'s Unicode tests search a
/// table for each.
fn is_latin_letter(c: char) -> bool {
    ('\u{C0}'..='\u{24F}').contains(&c) && c != '×' && c != '÷'
}

/// [`char::is_alphabetic`], without the table search for the Latin letters.
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        is_latin_letter(c) || c.is_alphabetic()
    }
}

/// [`char::is_alphanumeric`], without the table search for the Latin letters:
/// a letter or a number, as `char` defines it (ASCII told at once: words and
/// spaces are most of a text).
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_alphabetic(c) || c.is_numeric()
    }
}

/// The lowercase of a char of Latin-1 (below U+0100), as [`char::to_lowercase`]
/// gives it: A to Z and À to Þ but × are their lowercase less 0x20, and every
/// other char there is its own lowercase. `None` past Latin-1. French text is
/// full of these, and `char` searches its case table for each.
#[inline]
pub fn latin1_lowercase(c: char) -> Option<char> {
    match c {
        'A'..='Z' | '\u{C0}'..='\u{DE}' if c != '×' => char::from_u32(c as u32 + 0x20),
        '\0'..='\u{FF}' => Some(c),
        _ => None,
    }
}

// In a file of its own: the build script groups the gazetteer's names by the
// same first words, and includes it too.
mod marks;
pub(crate) use marks::is_mark;

const ELISIONS: &[&str] =
    &["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"];
const CLITICS: &[&str] = &[
    "t-il", "t-elle", "t-on", "t-ils", "t-elles", "il", "elle", "on", "ils", "elles", "je", "tu", "nous", "vous", "ce",
];

/// The char starting at byte `i`, if any.
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        // Most of a news text is ASCII: skip the UTF-8 decoding for it.
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text.get(i..).and_then(|rest| rest.chars().next()),
        None => None,
    }
}

/// The byte index after the char at `i` (or `i` at the end).
fn next(text: &str, i: usize) -> usize {
    char_at(text, i).map_or(i, |c| i + c.len_utf8())
}

/// Splits `text` into tokens in one pass, decoding chars as it goes.
pub fn tokenize(text: &str) -> Vec<Token> {
    let at = |i: usize| char_at(text, i);
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut i = 0;
    while let Some(c) = at(i) {
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        if c.is_ascii_digit() {
            i = scan_number(text, i);
            out.push(Token { start, end: i, kind: TokenKind::Number });
            continue;
        }
        if is_word_char(c) {
            // A dotted abbreviation: U.S., a.m., e.g. (letter, dot, letter, dot…).
            let after = next(text, i);
            if at(after) == Some('.') && at(after + 1).is_some_and(is_alphabetic) {
                let second = next(text, after + 1);
                if at(second) == Some('.') && is_alphabetic(c) {
                    let mut j = i;
                    while at(j).is_some_and(is_alphabetic) && at(next(text, j)) == Some('.') {
                        j = next(text, j) + 1;
                    }
                    out.push(Token { start, end: j, kind: TokenKind::Word });
                    i = j;
                    continue;
                }
            }
            let mut j = after;
            // Whether the word is ASCII letters and digits only, as most are:
            // then it holds no elision, possessive or clitic to split off.
            let mut plain = c.is_ascii();
            loop {
                // ASCII letters and digits, the bulk of a word, without decoding.
                while text.as_bytes().get(j).is_some_and(u8::is_ascii_alphanumeric) {
                    j += 1;
                }
                match at(j) {
                    Some(c) if is_word_char(c) => j += c.len_utf8(),
                    Some(c)
                        if (is_apostrophe(c) || c == '-' || c == '\u{2011}')
                            && at(j + c.len_utf8()).is_some_and(is_word_char) =>
                    {
                        j += c.len_utf8();
                    }
                    _ => break,
                }
                plain = false;
            }
            if plain {
                out.push(Token { start, end: j, kind: TokenKind::Word });
            } else {
                split_word(text, start, j, &mut out);
            }
            i = j;
            continue;
        }
        // Punctuation: "..." and runs of terminal marks stay together.
        let mut j = i + c.len_utf8();
        if c == '.' || c == '!' || c == '?' {
            while at(j).is_some_and(|d| matches!(d, '.' | '!' | '?')) {
                j += 1;
            }
        }
        let kind = if c.is_ascii_punctuation() || is_unicode_punct(c) { TokenKind::Punct } else { TokenKind::Symbol };
        out.push(Token { start, end: j, kind });
        i = j;
    }
    debug_assert!(out.iter().all(|t| text.is_char_boundary(t.start) && text.is_char_boundary(t.end)));
    out
}

fn is_unicode_punct(c: char) -> bool {
    matches!(
        c,
        '«' | '»'
            | '“'
            | '”'
            | '„'
            | '‟'
            | '‹'
            | '›'
            | '‘'
            | '’'
            | '‚'
            | '—'
            | '–'
            | '…'
            | '·'
            | '¿'
            | '¡'
            | '•'
    )
}

/// Scans a number from byte `i`; returns the byte after it.
fn scan_number(text: &str, mut i: usize) -> usize {
    let b = text.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let first = i;
    while digit(i) {
        i += 1;
    }
    let lead = i - first;
    while let Some(sep) = char_at(text, i) {
        let after = i + sep.len_utf8();
        if (sep == ',' || sep == '.') && digit(after) {
            i = after;
            while digit(i) {
                i += 1;
            }
        } else if is_group_space(sep)
            && lead <= 3
            && digit(after)
            && digit(after + 1)
            && digit(after + 2)
            && !digit(after + 3)
        {
            // "1 000", but not "2024 200": only groups of three after a short lead.
            i = after + 3;
        } else {
            break;
        }
    }
    i
}

/// The first apostrophe of a word and its byte offset, found byte-wise: this
/// runs on every word.
fn first_apostrophe(word: &str) -> Option<(usize, char)> {
    let bytes = word.as_bytes();
    let mut from = 0;
    while let Some(k) = bytes[from..].iter().position(|&b| b == b'\'' || b == 0xE2) {
        let at = from + k;
        if bytes[at] == b'\'' {
            return Some((at, '\''));
        }
        if word[at..].starts_with('’') {
            return Some((at, '’'));
        }
        from = at + 1;
    }
    None
}

/// Pushes a word, splitting off French elisions and inverted clitics.
fn split_word(text: &str, mut start: usize, end: usize, out: &mut Vec<Token>) {
    // Elisions: l'agence → l' + agence; the apostrophe stays with the article.
    loop {
        let word = &text[start..end];
        let Some((i, c)) = first_apostrophe(word) else { break };
        let head = &word[..i];
        if !ELISIONS.iter().any(|e| e.eq_ignore_ascii_case(head)) {
            break;
        }
        let cut = start + i + c.len_utf8();
        out.push(Token { start, end: cut, kind: TokenKind::Elision });
        start = cut;
    }
    // English possessive: Kirby's → Kirby + 's.
    let word = &text[start..end];
    let mut end_word = end;
    for suffix in ["'s", "’s"] {
        if word.len() > suffix.len() && word.ends_with(suffix) {
            end_word = end - suffix.len();
        }
    }
    // Inverted clitics: a-t-il → a + -t-il.
    let word = &text[start..end_word];
    let mut clitic_at = None;
    let hyphenated = word.bytes().any(|b| b == b'-');
    for cl in CLITICS.iter().filter(|_| hyphenated) {
        if word.len() > cl.len() + 1 {
            let cut = word.len() - cl.len();
            if word.is_char_boundary(cut) && word[cut..].eq_ignore_ascii_case(cl) && word[..cut].ends_with('-') {
                clitic_at = Some(start + cut - 1);
                break;
            }
        }
    }
    match clitic_at {
        Some(cut) => {
            out.push(Token { start, end: cut, kind: TokenKind::Word });
            out.push(Token { start: cut, end: end_word, kind: TokenKind::Clitic });
        }
        None => out.push(Token { start, end: end_word, kind: TokenKind::Word }),
    }
    if end_word < end {
        out.push(Token { start: end_word, end, kind: TokenKind::Word });
    }
}

/// Abbreviations per language, without their final dot, in two classes:
/// those that precede a name and never end a sentence (`M.`, `Dr.`), and those
/// that may end one when a capital follows (`etc.`, `J.-C.`).
struct Abbreviations {
    never_final: Vec<&'static str>,
    may_end: Vec<&'static str>,
}

static PARTY_INITIALS: LazyLock<Vec<Vec<&'static str>>> =
    LazyLock::new(|| per_lang!("party_initials.txt").iter().map(|d| entries(d).collect()).collect());

static ABBREVIATIONS: LazyLock<Vec<Abbreviations>> = LazyLock::new(|| {
    per_lang!("abbreviations.txt")
        .iter()
        .map(|data| {
            let mut a = Abbreviations { never_final: Vec::new(), may_end: Vec::new() };
            for e in entries(data) {
                match e.strip_prefix('!') {
                    Some(rest) => a.may_end.push(rest.trim_end_matches('.')),
                    None => a.never_final.push(e.trim_end_matches('.')),
                }
            }
            a
        })
        .collect()
});

fn is_open_quote(s: &str) -> bool {
    matches!(s, "«" | "“" | "„" | "‹" | "‚")
}
fn is_close_quote(s: &str) -> bool {
    matches!(s, "»" | "”" | "›" | "‟")
}

/// Whether the token after a candidate sentence end may begin a sentence.
fn starts_sentence(s: &str) -> bool {
    let Some(c) = s.chars().next() else { return false };
    c.is_uppercase() || c.is_ascii_digit() || is_open_quote(s) || matches!(s, "\"" | "—" | "–" | "-" | "(" | "[" | "'")
}

fn sentences(text: &str, lang: Lang, tokens: &[Token], paragraphs: &[std::ops::Range<usize>]) -> Vec<Sentence> {
    let abbr = &ABBREVIATIONS[lang.index()];
    let tok = |i: usize| &text[tokens[i].start..tokens[i].end];
    let mut out = Vec::new();
    let mut t = 0;
    for (p, para) in paragraphs.iter().enumerate() {
        while t < tokens.len() && tokens[t].start < para.start {
            t += 1;
        }
        let first = t;
        let mut last = t;
        while last < tokens.len() && tokens[last].end <= para.end {
            last += 1;
        }
        let mut sent_start = first;
        // Depth of «…»/“…” quotes and parity of straight double quotes: no
        // sentence ends inside a quote, unless it is so long that its closing
        // mark is probably missing.
        let mut depth = 0usize;
        let mut straight_open = false;
        let mut quote_open_at = 0usize;
        let mut i = first;
        while i < last {
            let s = tok(i);
            if is_open_quote(s) {
                if depth == 0 && !straight_open {
                    quote_open_at = tokens[i].start;
                }
                depth += 1;
            } else if is_close_quote(s) {
                depth = depth.saturating_sub(1);
            } else if s == "\"" {
                straight_open = !straight_open;
                if straight_open && depth == 0 {
                    quote_open_at = tokens[i].start;
                }
            }
            let in_quote = (depth > 0 || straight_open) && tokens[i].start - quote_open_at < 2000;
            let terminal = matches!(s.chars().next(), Some('.' | '!' | '?' | '…'));
            if terminal && !in_quote {
                // Take closing quotes and brackets that follow into this
                // sentence. A straight quote after a space opens the next one:
                // `families. "This is…`.
                let mut end = i + 1;
                while end < last
                    && matches!(tok(end), "»" | "”" | "\"" | ")" | "]" | "’" | "'" | "›")
                    && !(matches!(tok(end), "\"" | "'") && tokens[end].start != tokens[end - 1].end)
                {
                    if tok(end) == "\"" {
                        straight_open = !straight_open;
                    }
                    end += 1;
                }
                let next = (end < last).then(|| tok(end));
                if is_boundary(text, tokens, i, next, abbr) {
                    push_sentence(&mut out, text, tokens, sent_start, end, p);
                    sent_start = end;
                    depth = 0;
                    straight_open = false;
                }
                i = end;
                continue;
            }
            // «Il est parti.» Le ministre… : the quote closes the sentence.
            if (is_close_quote(s) || s == "\"") && depth == 0 && !straight_open && i > first {
                let prev = tok(i - 1);
                if matches!(prev.chars().last(), Some('.' | '!' | '?' | '…'))
                    && i + 1 < last
                    && starts_sentence(tok(i + 1))
                {
                    push_sentence(&mut out, text, tokens, sent_start, i + 1, p);
                    sent_start = i + 1;
                }
            }
            i += 1;
        }
        if sent_start < last {
            push_sentence(&mut out, text, tokens, sent_start, last, p);
        }
        t = last;
    }
    out
}

/// The most tokens a sentence may hold. Real sentences stay far below; text
/// without sentence ends (lists, markup, floods) is cut here so that every
/// per-sentence pass downstream works on a bounded window.
pub const MAX_SENTENCE_TOKENS: usize = 250;

fn push_sentence(out: &mut Vec<Sentence>, text: &str, tokens: &[Token], mut from: usize, to: usize, paragraph: usize) {
    while to - from.min(to) > MAX_SENTENCE_TOKENS {
        // Cut after the last comma, semicolon or colon of the allowed stretch, if
        // there is one in its second half; else at the limit.
        let limit = from + MAX_SENTENCE_TOKENS;
        let cut = (from + MAX_SENTENCE_TOKENS / 2..limit)
            .rev()
            .find(|&k| matches!(&text[tokens[k].start..tokens[k].end], "," | ";" | ":"))
            .map_or(limit, |k| k + 1);
        out.push(Sentence { start: tokens[from].start, end: tokens[cut - 1].end, paragraph, tokens: from..cut });
        from = cut;
    }
    if from < to {
        out.push(Sentence { start: tokens[from].start, end: tokens[to - 1].end, paragraph, tokens: from..to });
    }
}

/// Whether the dot at token `dot` is followed, with no space, by one ASCII
/// capital and that capital's own dot: the ".Y." of "D-N.Y.".
fn dotted_initial_follows(text: &str, tokens: &[Token], dot: usize) -> bool {
    let tok = |k: usize| tokens.get(k).map(|t| &text[t.start..t.end]);
    let glued = |k: usize| k > 0 && tokens.get(k).is_some_and(|t| tokens[k - 1].end == t.start);
    tok(dot) == Some(".")
        && glued(dot + 1)
        && glued(dot + 2)
        && tok(dot + 1).is_some_and(|c| c.len() == 1 && c.as_bytes()[0].is_ascii_uppercase())
        && tok(dot + 2) == Some(".")
}

/// Whether the terminal punctuation at token `i` ends a sentence.
fn is_boundary(text: &str, tokens: &[Token], i: usize, next: Option<&str>, abbr: &Abbreviations) -> bool {
    let s = &text[tokens[i].start..tokens[i].end];
    let Some(next) = next else { return true };
    if !starts_sentence(next) {
        return false;
    }
    if s != "." {
        return true;
    }
    // The word glued to the dot, if any.
    if i == 0 || tokens[i - 1].end != tokens[i].start {
        return true;
    }
    // "D-N.Y.", "R-S.D.": a lone capital glued to the dot, then its own dot,
    // continue dotted initials; no sentence starts without a space.
    if dotted_initial_follows(text, tokens, i) {
        return false;
    }
    let prev = &text[tokens[i - 1].start..tokens[i - 1].end];
    if abbr.never_final.contains(&prev) {
        return false;
    }
    // A lone capital is an initial: J. K. Rowling.
    let mut cs = prev.chars();
    if let (Some(c), None) = (cs.next(), cs.next()) {
        if c.is_uppercase() {
            return false;
        }
    }
    // "J.-C." tokenizes as "J" "." "-" "C" "."; anything ending an
    // abbreviation that may end a sentence needs a capitalised word after it.
    if abbr.may_end.iter().any(|a| text[..tokens[i].start].ends_with(a)) {
        return next.chars().next().is_some_and(char::is_uppercase);
    }
    true
}

/// Texts for property tests: up to 40 pieces, each a run of `words` (a
/// pattern), one of `chars`, or any char at all.
#[cfg(test)]
pub(crate) fn texts_of(
    words: &'static str,
    chars: Vec<&'static str>,
) -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    proptest::collection::vec(
        prop_oneof![
            proptest::string::string_regex(words).expect("a valid pattern"),
            proptest::sample::select(chars).prop_map(str::to_string),
            any::<char>().prop_map(String::from),
        ],
        0..40,
    )
    .prop_map(|pieces| pieces.concat())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| &text[t.start..t.end]).collect()
    }

    #[test]
    fn latin1_lowercase_is_chars_own_lowercase() {
        for c in '\0'..='\u{FF}' {
            let want: Vec<char> = c.to_lowercase().collect();
            assert_eq!(latin1_lowercase(c).map(|l| vec![l]), Some(want), "{c:?}");
        }
        for c in ['\u{100}', 'Ÿ', 'Σ', '中', '\u{10FFFF}'] {
            assert_eq!(latin1_lowercase(c), None, "{c:?}");
        }
    }

    #[test]
    fn letter_tests_answer_as_char_does() {
        for c in ('\0'..='\u{400}').chain(['\u{10FFFF}', '٣', '中', 'ǅ', '\u{2160}']) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn every_kind_of_line_break_ends_a_paragraph() {
        let text = " Un.\r\nDeux\u{2028}trois\u{2029} quatre — «é»\n\n\rcinq ";
        let lines: Vec<&str> = paragraphs(text).into_iter().map(|p| &text[p]).collect();
        assert_eq!(lines, ["Un.", "Deux", "trois", "quatre — «é»", "cinq"]);
    }

    /// The paragraphs and lowered words of a text read a byte at a time, the
    /// reference the word-at-a-time reads are checked against.
    fn paragraphs_by_bytes(text: &str) -> Vec<std::ops::Range<usize>> {
        let bytes = text.as_bytes();
        let breaks = (0..bytes.len())
            .filter_map(|i| match bytes[i] {
                b'\n' | b'\r' => Some((i, 1)),
                0xE2 if matches!(bytes.get(i + 1..i + 3), Some([0x80, 0xA8 | 0xA9])) => Some((i, 3)),
                _ => None,
            })
            .chain(std::iter::once((text.len(), 1)));
        let mut out = Vec::new();
        let mut start = 0;
        for (i, len) in breaks {
            let line = &text[start..i];
            let lead = line.len() - line.trim_start().len();
            if !line.trim().is_empty() {
                out.push(start + lead..start + lead + line.trim().len());
            }
            start = i + len;
        }
        out
    }

    use proptest::prelude::*;

    proptest! {
        #[test]
        fn paragraphs_and_lowered_words_are_those_a_byte_scan_finds(
            text in texts_of(
                "[a-zA-Z ]{1,12}",
                vec!["\n", "\r", "\u{2028}", "\u{2029}", "\u{2027}", "\u{20ac}", "’", "É", "İ", "Σ", " ", "«"],
            )
        ) {
            prop_assert_eq!(paragraphs(&text), paragraphs_by_bytes(&text));
            let tokens = tokenize(&text);
            let (lowered, at) = lower_all(&text, &tokens);
            for (i, t) in tokens.iter().enumerate() {
                prop_assert_eq!(&lowered[at[i]..at[i + 1]], fold(&text[t.start..t.end]));
            }
            let doc = Doc::new(&text, Lang::Fr);
            let one_by_one: Vec<&str> = (0..doc.tokens.len()).map(|i| doc.lower(i)).collect();
            prop_assert_eq!(doc.lower_words(), one_by_one);
            // Words of ASCII letters and digits skip split_word: it would
            // leave them whole.
            for t in tokens.iter().filter(|t| text.as_bytes()[t.start..t.end].iter().all(u8::is_ascii_alphanumeric)) {
                let mut split = Vec::new();
                split_word(&text, t.start, t.end, &mut split);
                prop_assert_eq!(split.len(), 1);
                prop_assert_eq!((split[0].start, split[0].end), (t.start, t.end));
            }
            let bytes = text.as_bytes();
            for from in 0..bytes.len() {
                let want = bytes[from..].iter().position(|&b| matches!(b, b'\n' | b'\r' | 0xE2));
                prop_assert_eq!(crate::lang::find_any(&bytes[from..], BREAK_LEADS), want);
            }
        }
    }

    fn sents(text: &str, lang: Lang) -> Vec<&str> {
        let doc = Doc::new(text, lang);
        doc.sentences.iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn guillemets_with_every_kind_of_space_are_tokens() {
        for text in ["« oui »", "«\u{a0}oui\u{a0}»", "«\u{202f}oui\u{202f}»", "«oui»"] {
            assert_eq!(toks(text), ["«", "oui", "»"], "{text:?}");
        }
    }

    #[test]
    fn elisions_split_with_both_apostrophes() {
        assert_eq!(toks("l’agence qu’ils"), ["l’", "agence", "qu’", "ils"]);
        assert_eq!(toks("l'agence d'Ukraine"), ["l'", "agence", "d'", "Ukraine"]);
        assert_eq!(toks("aujourd'hui"), ["aujourd'hui"]);
        assert_eq!(toks("jusqu'à"), ["jusqu'", "à"]);
    }

    #[test]
    fn hyphenated_names_stay_whole_and_clitics_split() {
        assert_eq!(toks("Koursk-Vostotchny"), ["Koursk-Vostotchny"]);
        assert_eq!(toks("a-t-il ajouté"), ["a", "-t-il", "ajouté"]);
        assert_eq!(toks("dit-elle"), ["dit", "-elle"]);
        assert_eq!(toks("peut-être"), ["peut-être"]);
    }

    #[test]
    fn numbers_keep_their_local_formats() {
        assert_eq!(toks("1 000,5 €"), ["1 000,5", "€"]);
        assert_eq!(toks("1\u{202f}000\u{a0}000"), ["1\u{202f}000\u{a0}000"]);
        assert_eq!(toks("1,000.5"), ["1,000.5"]);
        assert_eq!(toks("25.11.2024."), ["25.11.2024", "."]);
        assert_eq!(toks("en 2024 200 personnes"), ["en", "2024", "200", "personnes"]);
    }

    #[test]
    fn ellipses_and_dotted_abbreviations_are_one_token() {
        assert_eq!(toks("Et... puis…"), ["Et", "...", "puis", "…"]);
        assert_eq!(toks("the U.S. army"), ["the", "U.S.", "army"]);
        assert_eq!(toks("Kirby's"), ["Kirby", "'s"]);
    }

    #[test]
    fn sentences_never_end_inside_abbreviations() {
        assert_eq!(
            sents("M. Dupont est venu. Mme Durand aussi.", Lang::Fr),
            ["M. Dupont est venu.", "Mme Durand aussi."]
        );
        assert_eq!(
            sents("Dr. Smith met the U.S. Army chief. He left.", Lang::En),
            ["Dr. Smith met the U.S. Army chief.", "He left."]
        );
        assert_eq!(
            sents("Né en 52 av. J.-C. à Rome. Il règne.", Lang::Fr),
            ["Né en 52 av. J.-C. à Rome.", "Il règne."]
        );
        assert_eq!(sents("Apples, pears, etc. are fruit. Yes.", Lang::En), ["Apples, pears, etc. are fruit.", "Yes."]);
        assert_eq!(sents("J. K. Rowling wrote it.", Lang::En), ["J. K. Rowling wrote it."]);
        // A party tag with a state in dotted initials.
        assert_eq!(
            sents("Chuck Schumer, D-N.Y., said so. Sen. Thune, R-S.D., did not.", Lang::En),
            ["Chuck Schumer, D-N.Y., said so.", "Sen. Thune, R-S.D., did not."]
        );
    }

    #[test]
    fn quotes_that_contain_sentence_ends_stay_in_one_sentence() {
        let text = "Il a ajouté : «l'attaque a endommagé une station radar. Il y a des blessés». Puis il est parti.";
        assert_eq!(
            sents(text, Lang::Fr),
            ["Il a ajouté : «l'attaque a endommagé une station radar. Il y a des blessés».", "Puis il est parti."]
        );
        let text = "“We are ready. We will go,” he said. Then he left.";
        assert_eq!(sents(text, Lang::En), ["“We are ready. We will go,” he said.", "Then he left."]);
        let text = "He said no. \"This is not serious,\" she said.";
        assert_eq!(sents(text, Lang::En), ["He said no.", "\"This is not serious,\" she said."]);
    }

    #[test]
    fn a_quote_ending_in_a_full_stop_closes_its_sentence() {
        assert_eq!(sents("«Il est parti.» Le ministre sourit.", Lang::Fr), ["«Il est parti.»", "Le ministre sourit."]);
    }

    #[test]
    fn line_breaks_end_paragraphs_and_sentences() {
        let doc = Doc::new("Titre sans point\nLe texte. Suite.\n\nFin", Lang::Fr);
        assert_eq!(doc.paragraphs.len(), 3);
        let got: Vec<_> = doc.sentences.iter().map(|s| doc.sentence_text(s)).collect();
        assert_eq!(got, ["Titre sans point", "Le texte.", "Suite.", "Fin"]);
    }

    #[test]
    fn ellipsis_followed_by_a_capital_ends_a_sentence() {
        assert_eq!(sents("Il hésite... Puis il part.", Lang::Fr), ["Il hésite...", "Puis il part."]);
        assert_eq!(sents("Il hésite... puis part.", Lang::Fr), ["Il hésite... puis part."]);
    }

    #[test]
    fn spans_survive_a_one_character_shift() {
        let text = "M. Dupont a dit «oui». Il part.";
        let shifted = format!("é {text}");
        let a = Doc::new(text, Lang::Fr);
        let b = Doc::new(&shifted, Lang::Fr);
        assert_eq!(a.tokens.len() + 1, b.tokens.len());
        for (x, y) in a.tokens.iter().zip(&b.tokens[1..]) {
            assert_eq!((x.start + 3, x.end + 3), (y.start, y.end));
        }
    }
}

#[cfg(test)]
mod bound_tests {
    use super::*;

    #[test]
    fn text_without_sentence_ends_is_cut_into_bounded_sentences() {
        let text = "et le ministre a dit, puis ".repeat(400);
        let doc = Doc::new(&text, Lang::Fr);
        assert!(doc.sentences.len() > 1);
        for s in &doc.sentences {
            assert!(s.tokens.len() <= MAX_SENTENCE_TOKENS);
        }
        // Cuts prefer a comma when one is near.
        assert!(doc.sentence_text(&doc.sentences[0]).ends_with(','));
        let covered: usize = doc.sentences.iter().map(|s| s.tokens.len()).sum();
        assert_eq!(covered, doc.tokens.len());
    }
}

//! The per-language time grammar: lexicons and rules read from `src/lang/<code>/`,
//! compiled once, and the candidate matches they find in a text.

use std::collections::HashMap;
use std::sync::OnceLock;

// The browser build carries `regex-lite`: the same syntax and leftmost-first
// matches, at a third of the wasm size and a fraction of the compile time. Its
// matching is slower, which the prefix screen below (`candidates_of`) makes up for.
#[cfg(not(target_arch = "wasm32"))]
use regex::{escape, CaptureLocations, Regex, RegexBuilder};
#[cfg(target_arch = "wasm32")]
use regex_lite::{escape, CaptureLocations, Regex, RegexBuilder};

use crate::lang::{entries, pairs, Lang, PerLang};
use crate::per_lang;

mod leads;
mod prefixes;
use leads::LeadScreen;
use prefixes::{Prefixes, Screen};

/// Word lists of one language, keyed by normalised form (lowercase, ' apostrophe).
pub struct Lexicon {
    pub months: HashMap<String, u32>,
    pub weekdays: HashMap<String, u32>,
    pub numbers: HashMap<String, NumWord>,
    pub units: HashMap<String, &'static str>,
    pub offsets: HashMap<String, i64>,
    pub parts: HashMap<String, &'static str>,
    pub seasons: HashMap<String, &'static str>,
    pub directions: HashMap<String, i32>,
    pub refs: HashMap<String, &'static str>,
    pub fixed: HashMap<String, &'static str>,
    pub sets: HashMap<String, &'static str>,
    pub anchors: HashMap<String, i64>,
    pub holidays: HashMap<String, (u32, u32)>,
    pub ordinals: HashMap<String, u32>,
    /// Whole words that mark a future clause.
    pub future_words: Vec<&'static str>,
    /// Word endings that mark a future verb.
    pub future_endings: Vec<&'static str>,
    /// Words that end like a future verb but are not one.
    pub future_exceptions: Vec<&'static str>,
}

/// A number word: a value, or a vague amount ("plusieurs", "a few").
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NumWord {
    Value(u32),
    /// A round amount that multiplies what precedes it: "une dizaine".
    Round(u32),
    Vague,
}

/// One rule of the grammar: what it means and its pattern.
pub struct Rule {
    pub kind: &'static str,
    /// The folded pattern, unanchored.
    source: String,
    /// Compiled on the rule's first try: a short article only pays for the
    /// rules its text could start, and compiling is most of a language's
    /// start-up. `None` if it does not compile, which a test rules out.
    compiled: OnceLock<Option<Compiled>>,
}

/// A rule's pattern, anchored, with its named groups by index.
struct Compiled {
    regex: Regex,
    names: Vec<(usize, &'static str)>,
}

impl Rule {
    fn compiled(&self) -> Option<&Compiled> {
        self.compiled
            .get_or_init(|| {
                let regex = compile(&self.source).ok()?;
                // Leaked once per rule, as the grammar lives as long as the program.
                let names = regex
                    .capture_names()
                    .enumerate()
                    .filter_map(|(i, n)| Some((i, &*String::leak(n?.to_string()))))
                    .collect();
                Some(Compiled { regex, names })
            })
            .as_ref()
    }
}

/// The lexicon and rules of one language.
pub struct Grammar {
    pub lexicon: Lexicon,
    pub rules: Vec<Rule>,
    /// Where each rule's matches may begin, checked at each place: rule
    /// `64 * i + j` is bit `j` of `screens[i]`.
    screens: Vec<Screen>,
    /// Where the matches of the rules that open with some words may begin
    /// after those words, for the same rules as `screens`.
    leads: Vec<LeadScreen>,
    /// The first bytes some rule's match may begin with, by byte: the other
    /// places (spaces, most punctuation, letters no rule opens with) are
    /// passed without asking each screen.
    opens: [bool; 256],
}

/// How many rules a screen tells apart, a bit each.
const SCREEN_RULES: usize = 64;

impl Grammar {
    /// Whether rule `ri`'s screen lets it begin at the start of `text`.
    #[cfg(test)]
    fn screen_passes(&self, ri: usize, text: &[u8]) -> bool {
        let bit = 1 << (ri % SCREEN_RULES);
        self.screens[ri / SCREEN_RULES].passing(text, bit) != 0
    }

    /// Whether rule `ri`'s leads, if it has some, let it begin at the start of
    /// `text` (cut to `REACH`).
    #[cfg(test)]
    fn leads_pass(&self, ri: usize, text: &[u8]) -> bool {
        let (i, bit) = (ri / SCREEN_RULES, 1 << (ri % SCREEN_RULES));
        self.leads[i].led & bit == 0 || self.leads[i].passing(text, bit) != 0
    }
}

/// A rule's match: its whole extent (context included), the expression's span,
/// and the text of every named group that took part.
#[derive(Clone, Debug)]
pub struct RuleMatch {
    pub rule: usize,
    pub kind: &'static str,
    pub start: usize,
    pub end: usize,
    pub span: (usize, usize),
    /// The second expression of a pair ("les 6 et 13 avril").
    pub second: Option<(usize, usize)>,
    /// A rule has a few groups, and a match fewer: a list is searched faster
    /// than a map is built, and costs one allocation.
    groups: Vec<(&'static str, (usize, usize))>,
}

impl RuleMatch {
    /// Where group `name` matched, if it took part.
    pub fn group(&self, name: &str) -> Option<(usize, usize)> {
        self.groups.iter().find(|(n, _)| *n == name).map(|&(_, g)| g)
    }

    /// The text of group `name`, if it took part.
    pub fn get<'t>(&self, text: &'t str, name: &str) -> Option<&'t str> {
        self.group(name).map(|(s, e)| &text[s..e])
    }

    pub fn has(&self, name: &str) -> bool {
        self.group(name).is_some()
    }
}

/// Lowercases and unifies apostrophes and spaces, the form lexicon keys take.
pub fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        crate::segment::fold_into(word, &mut out);
    }
    out
}

/// The word with its first letter unaccented, when it has an accent: French
/// capitals often drop theirs ("Eté", "Etat").
pub fn unaccented_initial(word: &str) -> Option<String> {
    let mut chars = word.chars();
    let first = chars.next()?;
    let plain = match first {
        'é' | 'è' | 'ê' | 'É' | 'È' | 'Ê' => 'e',
        'à' | 'â' | 'À' | 'Â' => 'a',
        'î' | 'Î' => 'i',
        'ô' | 'Ô' => 'o',
        'û' | 'Û' => 'u',
        _ => return None,
    };
    Some(std::iter::once(plain).chain(chars).collect())
}

fn map<V: Clone>(data: &'static str, parse: impl Fn(&'static str) -> Option<V>) -> HashMap<String, V> {
    let mut out = HashMap::new();
    for (k, v) in pairs(data) {
        let Some(v) = parse(v) else { continue };
        let key = normalise(k);
        if let Some(plain) = unaccented_initial(&key) {
            out.entry(plain).or_insert_with(|| v.clone());
        }
        out.insert(key, v);
    }
    out
}

#[inline(never)] // a function of its own for the wasm tier-up: DESIGN.md
fn lexicon(lang: Lang) -> Lexicon {
    let i = lang.index();
    let cues: Vec<&'static str> = entries(per_lang!("future_cues.txt")[i]).collect();
    Lexicon {
        months: map(per_lang!("months.txt")[i], |v| v.split_whitespace().next()?.parse().ok()),
        weekdays: map(per_lang!("weekdays.txt")[i], |v| v.parse().ok()),
        numbers: map(per_lang!("number_words.txt")[i], |v| {
            if v == "X" {
                Some(NumWord::Vague)
            } else if let Some(r) = v.strip_prefix('~') {
                r.parse().ok().map(NumWord::Round)
            } else {
                v.parse().ok().map(NumWord::Value)
            }
        }),
        units: map(per_lang!("time_units.txt")[i], Some),
        offsets: map(per_lang!("day_offsets.txt")[i], |v| v.parse().ok()),
        parts: map(per_lang!("day_parts.txt")[i], Some),
        seasons: map(per_lang!("seasons.txt")[i], Some),
        directions: map(per_lang!("time_directions.txt")[i], |v| v.parse().ok()),
        refs: map(per_lang!("time_refs.txt")[i], Some),
        fixed: map(per_lang!("fixed_durations.txt")[i], Some),
        sets: map(per_lang!("time_sets.txt")[i], Some),
        anchors: map(per_lang!("anchor_offsets.txt")[i], |v| v.parse().ok()),
        holidays: map(per_lang!("holidays.txt")[i], |v| {
            let (m, d) = v.split_once('-')?;
            Some((m.parse().ok()?, d.parse().ok()?))
        }),
        ordinals: map(per_lang!("ordinals.txt")[i], |v| v.parse().ok()),
        future_words: cues.iter().copied().filter(|c| !c.starts_with(['-', '!'])).collect(),
        future_endings: cues.iter().filter_map(|c| c.strip_prefix('-')).collect(),
        future_exceptions: cues.iter().filter_map(|c| c.strip_prefix('!')).collect(),
    }
}

/// A regex alternation of a lexicon's entries, as a trie of their chars:
/// "janvier|juin|juillet" is written "j(?:anvier|ui(?:n|llet))".
///
/// The browser's regex engine (a PikeVM) follows every alternative that can
/// still match, char by char: with a flat list of month names or number words
/// it followed dozens at every place a rule was tried. In a trie, the words
/// that begin with what has been read so far share one path.
///
/// The matches are those of the flat list tried longest first, so that
/// "après-midi" is read before "midi". Two words of which neither begins the
/// other part at some char, where at most one of them can go on; where a word
/// ends inside a longer one's path, the longer is tried first (a greedy `?`).
/// The words are folded first, as the rules are, and ’ read as ', which the
/// rules write for either apostrophe (see `written`): no two branches can
/// match the same char.
#[inline(never)] // a function of its own for the wasm tier-up: DESIGN.md
fn alternation(data: &'static str, keep: impl Fn(&str, &str) -> bool) -> String {
    let mut trie = Trie::default();
    for (word, _) in pairs(data).filter(|(k, v)| keep(k, v)) {
        trie.insert(word);
        if let Some(plain) = unaccented_initial(word) {
            trie.insert(&plain);
        }
    }
    let mut out = String::new();
    trie.write(0, &mut out);
    // A group, as the rules expect of a lexicon: the root's own is one unless
    // all the words start alike.
    if trie.nodes[0].0.len() == 1 {
        out = format!("(?:{out})");
    }
    out
}

/// Words by their chars, for [`alternation`].
struct Trie {
    /// Each node's children, by the char leading to it, in the order first met,
    /// and whether a word ends there.
    nodes: Vec<(Vec<(char, usize)>, bool)>,
}

impl Default for Trie {
    fn default() -> Trie {
        Trie { nodes: vec![(Vec::new(), false)] }
    }
}

impl Trie {
    #[inline(never)] // a function of its own for the wasm tier-up: DESIGN.md
    fn insert(&mut self, word: &str) {
        let mut at = 0;
        for c in word.chars().map(|c| if c == '’' { '\'' } else { fold_char(c) }) {
            at = match self.nodes[at].0.iter().find(|&&(k, _)| k == c) {
                Some(&(_, next)) => next,
                None => {
                    let next = self.nodes.len();
                    self.nodes.push((Vec::new(), false));
                    self.nodes[at].0.push((c, next));
                    next
                }
            };
        }
        self.nodes[at].1 = true;
    }

    /// Writes the words that go on from node `at`, as a regex.
    fn write(&self, at: usize, out: &mut String) {
        let (children, ends) = &self.nodes[at];
        if children.is_empty() {
            return;
        }
        let group = children.len() > 1 || *ends;
        if group {
            out.push_str("(?:");
        }
        for (i, &(c, next)) in children.iter().enumerate() {
            if i > 0 {
                out.push('|');
            }
            // Escaped, then written as the rule files' conventions say (' is
            // one of them, and `escape` leaves it as it is).
            if c.is_ascii_punctuation() && c != '\'' {
                out.push_str(&escape(c.encode_utf8(&mut [0; 4])));
            } else {
                push_written(c, out);
            }
            self.write(next, out);
        }
        if group {
            out.push(')');
        }
        if *ends {
            out.push('?');
        }
    }
}

/// Rewrites the conventions of rule files: a space matches any white space,
/// " ?" optional white space, and ' either apostrophe.
fn written(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' && chars.next_if_eq(&'?').is_some() {
            out.push_str(r"\s*");
        } else {
            push_written(c, &mut out);
        }
    }
    out
}

/// Appends `c` as [`written`] rewrites a char of a rule file: a space as any
/// white space, ' as either apostrophe.
fn push_written(c: char, out: &mut String) {
    match c {
        ' ' => out.push_str(r"\s+"),
        '\'' => out.push_str("['’]"),
        c => out.push(c),
    }
}

/// The letters, digits and marks a word of a Latin-script news text is made of,
/// in place of Unicode's `\w` (whose table is large). Scripts beyond Latin, Greek
/// and Cyrillic do not occur around the English words the one rule using it reads.
const WORD: &str = r"[0-9_a-zA-Z\x{AA}\x{B5}\x{BA}\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{24F}\x{300}-\x{36F}\x{370}-\x{3FF}\x{400}-\x{52F}\x{1E00}-\x{1EFF}]";

/// The lowercase of `c` when it is one char of the same UTF-8 length, else `c`.
fn fold_char(c: char) -> char {
    if let Some(lower) = crate::segment::latin1_lowercase(c) {
        // One char, and below U+0100 its lowercase is too: the same length.
        return lower;
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
        _ => c,
    }
}

/// The text as the rules see it, with the same byte offsets: each char
/// lowercased (when its lowercase is one char of the same UTF-8 length), and
/// each white space (Unicode's White_Space, what `\s` means) turned into as
/// many ASCII spaces as it has bytes. Matches found on this copy slice the
/// original text, and the regexes need neither case-insensitive matching nor
/// Unicode classes for white space: both would pull in the regex crate's
/// Unicode tables, and a Unicode white-space class at every space of every
/// rule makes the automata several times larger.
pub fn fold(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len());
    let mut at = 0;
    while at < bytes.len() {
        // News text is mostly ASCII: its runs are mapped a byte at a time,
        // without decoding chars or asking Unicode's tables.
        let run = bytes[at..].iter().position(|b| !b.is_ascii()).map_or(bytes.len(), |n| at + n);
        out.extend(bytes[at..run].iter().map(|&b| match b {
            // Unicode's White_Space in ASCII, vertical tab included.
            b'\t'..=b'\r' | b' ' => b' ',
            b => b.to_ascii_lowercase(),
        }));
        at = run;
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else { break };
        if c.is_whitespace() {
            out.extend(std::iter::repeat(b' ').take(c.len_utf8()));
        } else {
            out.extend_from_slice(fold_char(c).encode_utf8(&mut [0; 4]).as_bytes());
        }
        at += c.len_utf8();
    }
    String::from_utf8(out).expect("chars folded to chars of the same length")
}

/// A compiled rule's source folded like the text (see `fold`): literals and
/// class members lowercased, escapes and group names kept, white space (only
/// ever `\s+` or `\s*`, from the rule files' spaces) a run of ASCII spaces,
/// `\d` and `\w` spelled out. Nothing may match a single char where the text
/// has white space (`\s` alone, `.`, `[^…]`): a folded space may be one byte of
/// a wider one.
#[inline(never)] // a function of its own for the wasm tier-up: DESIGN.md
fn folded_pattern(source: &str) -> Result<String, String> {
    let mut out = String::with_capacity(source.len());
    let mut chars = source.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('d') => out.push_str("[0-9]"),
                Some('s') if matches!(chars.peek(), Some('+' | '*')) => out.push(' '),
                Some('w') => out.push_str(WORD),
                Some(e @ ('s' | 'S' | 'D' | 'W')) => return Err(format!("\\{e} is not supported: write a space")),
                Some(e) => {
                    out.push('\\');
                    out.push(e);
                    // `\x{..}`, `\p{..}`: the braces hold a name or code, not literals.
                    if chars.peek() == Some(&'{') {
                        for b in chars.by_ref() {
                            out.push(b);
                            if b == '}' {
                                break;
                            }
                        }
                    }
                }
                None => out.push('\\'),
            },
            // A group's name is an identifier, not text to match.
            '(' if chars.peek() == Some(&'?') => {
                out.push(c);
                let rest: String = chars.clone().take(3).collect();
                if rest.starts_with("?P<") || rest.starts_with("?<") {
                    for n in chars.by_ref() {
                        out.push(n);
                        if n == '>' {
                            break;
                        }
                    }
                }
            }
            _ => out.push(fold_char(c)),
        }
    }
    Ok(out)
}

/// A rule file's pattern written as a regex, each `{name}` of a place
/// already defined replaced by its pattern (which holds none of its own).
fn expand(pattern: &str, places: &[(String, String)]) -> String {
    let written = written(pattern);
    let mut out = String::with_capacity(written.len());
    let mut rest = &written[..];
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        rest = &rest[open + 1..];
        let name = rest.find('}').map(|close| &rest[..close]);
        match places.iter().find(|(n, _)| Some(n.as_str()) == name) {
            Some((name, body)) => {
                out.push_str(body);
                rest = &rest[name.len() + 1..];
            }
            // A repeat such as `{2}`, or a name not (yet) defined.
            None => out.push('{'),
        }
    }
    out.push_str(rest);
    out
}

fn grammar(lang: Lang) -> Grammar {
    let i = lang.index();
    let mut places: Vec<(String, String)> = vec![
        ("month".into(), alternation(per_lang!("months.txt")[i], |_, _| true)),
        // A month told alone must be written in full: "Jan" is a name, "mar." a word's end.
        ("monthname".into(), alternation(per_lang!("months.txt")[i], |k, v| !k.ends_with('.') && !v.ends_with("abbr"))),
        ("weekday".into(), alternation(per_lang!("weekdays.txt")[i], |_, _| true)),
        ("numword".into(), alternation(per_lang!("number_words.txt")[i], |_, _| true)),
        ("unit".into(), alternation(per_lang!("time_units.txt")[i], |_, _| true)),
        ("offset".into(), alternation(per_lang!("day_offsets.txt")[i], |_, _| true)),
        ("part".into(), alternation(per_lang!("day_parts.txt")[i], |_, _| true)),
        ("season".into(), alternation(per_lang!("seasons.txt")[i], |_, _| true)),
        ("dir".into(), alternation(per_lang!("time_directions.txt")[i], |_, _| true)),
        ("ref".into(), alternation(per_lang!("time_refs.txt")[i], |_, _| true)),
        ("fixed".into(), alternation(per_lang!("fixed_durations.txt")[i], |_, _| true)),
        ("setword".into(), alternation(per_lang!("time_sets.txt")[i], |_, _| true)),
        ("anchor".into(), alternation(per_lang!("anchor_offsets.txt")[i], |_, _| true)),
        ("holiday".into(), alternation(per_lang!("holidays.txt")[i], |_, _| true)),
        ("ordinal".into(), alternation(per_lang!("ordinals.txt")[i], |_, _| true)),
    ];
    let mut rules = Vec::new();
    let mut starts = Vec::new();
    let (mut leads, mut rests) = (Vec::new(), Vec::new());
    let mut memo = prefixes::Memo::default();
    for (kind, pattern) in pairs(per_lang!("time_rules.txt")[i]) {
        if let Some(name) = kind.strip_prefix("define ") {
            let body = format!("(?:{})", expand(pattern, &places));
            places.push((name.trim().to_string(), body));
            continue;
        }
        let source = folded_pattern(&expand(pattern, &places))
            .unwrap_or_else(|e| panic!("time rule {kind}|{pattern} of {}: {e}", lang.code()));
        // How a match begins: with its leads' words, or where they may all be
        // left out, with the rest (whose place after the words `leads` checks).
        let (lead, rest, prefixes) = match leads::of_with(&source, &mut memo) {
            Some((l, rest)) => {
                let words = prefixes::of_with(&source[..l.split], &mut memo);
                let prefixes = words.then_loosely(&rest, &mut memo);
                (Some(l), rest, prefixes)
            }
            None => (None, Prefixes::none(), prefixes::of_with(&source, &mut memo)),
        };
        starts.push(prefixes);
        leads.push(lead);
        rests.push(rest);
        rules.push(Rule { kind, source, compiled: OnceLock::new() });
    }
    // A plain loop: iterator adapters over chunks would add a kilobyte to the wasm.
    let (mut screens, mut lead_screens) = (Vec::new(), Vec::new());
    let mut at = 0;
    while at < starts.len() {
        let end = (at + SCREEN_RULES).min(starts.len());
        screens.push(Screen::of_rules(&starts[at..end], &memo));
        lead_screens.push(LeadScreen::of_rules(&leads[at..end], &rests[at..end], &memo));
        at = end;
    }
    let mut opens = [false; 256];
    for (b, open) in (0..=u8::MAX).zip(&mut opens) {
        *open = screens.iter().any(|s| s.may_open_with(b));
    }
    Grammar { lexicon: lexicon(lang), rules, screens, leads: lead_screens, opens }
}

/// A rule's folded source compiled to match only at the start of the haystack.
fn compile(source: &str) -> Result<Regex, String> {
    let mut builder = RegexBuilder::new(&format!("^(?:{source})"));
    builder.size_limit(1 << 24);
    #[cfg(not(target_arch = "wasm32"))]
    builder.dfa_size_limit(1 << 22);
    builder.build().map_err(|e| e.to_string())
}

/// One grammar per language, each built on first use: an article only pays
/// for the regexes of its own language.
static GRAMMARS: PerLang<Grammar> = PerLang::new(grammar);

/// The grammar of `lang`, built on first use.
pub fn of(lang: Lang) -> &'static Grammar {
    &GRAMMARS[lang.index()]
}

fn is_word_char(c: char) -> bool {
    crate::segment::is_alphanumeric(c)
}

fn char_before(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

fn char_at(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

/// Every match of every rule that starts and ends on a word boundary.
///
/// A rule is tried where a match may start: on a word's first char or
/// outside words, and on a byte its pattern may begin with. It matches from
/// there over at most `REACH` bytes, so each place costs a bounded amount and
/// the whole pass stays linear in the text. Where it matches, its next try
/// is after the match, as a forward scan would. A match that ends inside a
/// word is retried on the text cut before that word, so "18 heures" does not
/// stop at "18 h".
///
/// Rules match on `fold(text)`, whose offsets are those of `text`.
pub fn candidates(text: &str, lang: Lang) -> Vec<RuleMatch> {
    candidates_of(text, lang, |_| true)
}

/// How far a match may reach, in bytes: time expressions are a few words.
const REACH: usize = 160;

/// Like `candidates`, running only the rules whose kind `keep` accepts.
///
/// The matches come in the order they were found, which is the order of their
/// starts, and at one start the order of their rules.
pub fn candidates_of(text: &str, lang: Lang, keep: impl Fn(&str) -> bool) -> Vec<RuleMatch> {
    let g = of(lang);
    let folded = fold(text);
    // The kept rules of each screen, a bit each.
    let mut kept = vec![0u64; g.screens.len()];
    for (ri, rule) in g.rules.iter().enumerate() {
        if keep(rule.kind) {
            kept[ri / SCREEN_RULES] |= 1 << (ri % SCREEN_RULES);
        }
    }
    // Where each rule may try next: after its last match.
    let mut next_try = vec![0; g.rules.len()];
    // Each rule's slots for its groups, made on its first try and reused.
    let mut slots: Vec<Option<CaptureLocations>> = g.rules.iter().map(|_| None).collect();
    let mut out = Vec::new();
    let mut after_word = false;
    let mut next = 0;
    while let Some(&b) = text.as_bytes().get(next) {
        let at = next;
        // An ASCII byte is told from its value, without decoding a char.
        let word = if b.is_ascii() {
            next += 1;
            b.is_ascii_alphanumeric()
        } else {
            let c = text[at..].chars().next().unwrap_or(' ');
            next += c.len_utf8();
            is_word_char(c)
        };
        let in_word = after_word && word;
        after_word = word;
        if in_word {
            // The rest of the word's ASCII letters and digits at once.
            while text.as_bytes().get(next).is_some_and(u8::is_ascii_alphanumeric) {
                next += 1;
            }
            continue;
        }
        let rest = &folded.as_bytes()[at..];
        if !g.opens[usize::from(rest[0])] {
            continue;
        }
        let reachable = &rest[..REACH.min(rest.len())];
        for (i, screen) in g.screens.iter().enumerate() {
            let mut passing = screen.passing(rest, kept[i]);
            let led = passing & g.leads[i].led;
            if led != 0 {
                passing = passing & !led | g.leads[i].passing(reachable, led);
            }
            while passing != 0 {
                let ri = i * SCREEN_RULES + passing.trailing_zeros() as usize;
                passing &= passing - 1;
                let rule = &g.rules[ri];
                if at >= next_try[ri] {
                    if let Some(m) = match_at(rule, ri, text, &folded, at, &mut slots[ri]) {
                        next_try[ri] = m.end;
                        out.push(m);
                    }
                }
            }
        }
    }
    out
}

/// The rule's match starting at `start`, if one ends on a word boundary.
/// `slots` holds the rule's capture slots, once made.
fn match_at(
    rule: &Rule,
    ri: usize,
    text: &str,
    folded: &str,
    start: usize,
    slots: &mut Option<CaptureLocations>,
) -> Option<RuleMatch> {
    let Compiled { regex, names } = rule.compiled()?;
    let reach = crate::span::floor_boundary(text, start + REACH);
    // Most tries fail. regex-lite has only its PikeVM, where `is_match` rules
    // them out without the cost of captures; the native engine runs its lazy
    // DFA before its captures anyway, so the check would only repeat it.
    #[cfg(target_arch = "wasm32")]
    if !regex.is_match(&folded[start..reach]) {
        return None;
    }
    let locs = slots.get_or_insert_with(|| regex.capture_locations());
    let mut end = start + regex.captures_read(locs, &folded[start..reach])?.end();
    if end == start {
        return None;
    }
    let mut ok = !(char_at(text, end).is_some_and(is_word_char) && char_before(text, end).is_some_and(is_word_char));
    // Cut before the word the match ended inside, and retry there, a few times.
    let mut tries = 0;
    while !ok && tries < 3 {
        tries += 1;
        let word_start = text[start..end]
            .char_indices()
            .rev()
            .find(|&(_, c)| !is_word_char(c))
            .map(|(i, c)| start + i + c.len_utf8());
        let cut = word_start.filter(|&c| c > start)?;
        let cut = text[start..cut].trim_end().len() + start;
        if cut <= start {
            return None;
        }
        end = start + regex.captures_read(locs, &folded[start..cut]).filter(|m| m.end() > 0)?.end();
        ok = true;
    }
    if !ok {
        return None;
    }
    let groups: Vec<_> =
        names.iter().filter_map(|&(i, name)| locs.get(i).map(|(s, e)| (name, (start + s, start + e)))).collect();
    let mut m = RuleMatch { rule: ri, kind: rule.kind, start, end, span: (start, end), second: None, groups };
    m.span = m.group("x").unwrap_or((start, end));
    m.second = m.group("y");
    Some(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The trie finds what the flat list of the words, longest first, finds,
    /// whatever follows it in the rule.
    /// A rule's match that ends in the middle of a word is cut back, so an
    /// alternative that is a prefix of a later one hides it where a match
    /// ends: "prochain|prochaine" never matched "la semaine prochaine".
    #[test]
    fn no_word_alternative_hides_a_longer_one_where_a_match_ends() {
        let check = |body: &str, line: &str| {
            let words: Vec<&str> = body.split('|').collect();
            if words.len() < 2 || !words.iter().all(|w| !w.is_empty() && w.chars().all(char::is_alphabetic)) {
                return;
            }
            for (i, a) in words.iter().enumerate() {
                for b in &words[i + 1..] {
                    assert!(!b.starts_with(a), "{a:?} comes before {b:?} in: {line}");
                }
            }
        };
        for text in per_lang!("time_rules.txt") {
            for line in text.lines().filter(|l| !l.starts_with('#')) {
                // A define may be inserted at a rule's end.
                if let Some((_, body)) = line.strip_prefix("define ").and_then(|d| d.split_once('|')) {
                    check(body, line);
                    continue;
                }
                // Innermost groups that end the rule, but for closing marks.
                for (close, _) in line.match_indices(')') {
                    let trailing = line[close + 1..].chars().all(|c| c == ')' || c == '?');
                    let Some(open) = line[..close].rfind('(') else { continue };
                    let body = &line[open + 1..close];
                    let body = body.strip_prefix("?:").unwrap_or(body);
                    let body =
                        if body.starts_with("?P<") { body.split_once('>').map_or(body, |(_, b)| b) } else { body };
                    if trailing {
                        check(body, line);
                    }
                }
            }
        }
    }

    #[test]
    fn a_lexicon_trie_matches_as_its_words_longest_first() {
        for data in ["mar\nmars\nmardi\nMai\nmai\nl'an\nl'année\nété\nmi-temps\nmi temps\nmi\n", "l'an\nl’année\nmai\n"]
        {
            check_alternation(data);
        }
        assert_eq!(alternation("mar\nmars\nmardi\nl’an", |_, _| true), "(?:mar(?:s|di)?|l['’]an)");
    }

    fn check_alternation(data: &'static str) {
        let trie = alternation(data, |_, _| true);
        let mut flat: Vec<String> =
            pairs(data).flat_map(|(k, _)| std::iter::once(k.replace('’', "'")).chain(unaccented_initial(k))).collect();
        crate::sort::sort_by_key(&mut flat, |w| std::cmp::Reverse(w.chars().count()));
        let flat = format!("(?:{})", flat.iter().map(|w| written(&escape(w))).collect::<Vec<_>>().join("|"));
        for rest in ["", "s", "(?: +[0-9]+)?", " +x"] {
            let (a, b) = (
                compile(&folded_pattern(&format!("{trie}{rest}")).expect("folds")).expect("compiles"),
                compile(&folded_pattern(&format!("{flat}{rest}")).expect("folds")).expect("compiles"),
            );
            for text in [
                "mardi",
                "mars",
                "mar 12",
                "mars x",
                "mai 3",
                "l'année",
                "l’an 2",
                "eté",
                "été",
                "mi temps",
                "mi-temps x",
                "mi  x",
                "m",
            ] {
                let text = fold(text);
                assert_eq!(a.find(&text).map(|m| m.end()), b.find(&text).map(|m| m.end()), "{text:?} {rest:?}");
            }
        }
    }

    #[test]
    fn every_rule_of_every_language_compiles() {
        for lang in Lang::ALL {
            let rules = &of(lang).rules;
            assert!(rules.len() > 20, "{}", lang.code());
            for rule in rules {
                if let Err(e) = compile(&rule.source) {
                    panic!("{} rule {}: {e}", lang.code(), rule.source);
                }
            }
        }
    }

    /// The browser's engine (regex-lite) and the native one (regex) must find the
    /// same matches and groups, wherever the layer tries a rule.
    #[test]
    fn both_engines_agree_on_every_rule() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/gold");
        let mut texts: Vec<(Lang, String)> = vec![
            (Lang::Fr, "Le 3 mai 2024 à 15 h 30, hier soir, les 6 et 13 avril, fin 2003, l'an 2001.".into()),
            (Lang::En, "On Monday, May 3, 2024 at 3:30 p.m., last night, two weeks ago, in the 1990s.".into()),
        ];
        for name in ["seed-fr-koursk.txt", "cnn.txt"] {
            let text = std::fs::read_to_string(dir.join(name)).expect("gold text");
            texts.push((crate::lang::detect(&text).expect("a language"), text));
        }
        let mut tried = 0;
        for (lang, text) in &texts {
            let folded = fold(text);
            let g = of(*lang);
            for (ri, rule) in g.rules.iter().enumerate() {
                let lite = regex_lite::Regex::new(&format!("^(?:{})", rule.source)).expect("regex-lite compiles it");
                for (at, _) in text.char_indices().filter(|&(at, _)| g.screen_passes(ri, &folded.as_bytes()[at..])) {
                    let end = (at + REACH).min(text.len());
                    let Some(hay) = folded.get(at..end) else { continue };
                    let full: Option<Vec<_>> = rule
                        .compiled()
                        .expect("compiles")
                        .regex
                        .captures(hay)
                        .map(|c| c.iter().map(|m| m.map(|m| m.range())).collect());
                    let small: Option<Vec<_>> =
                        lite.captures(hay).map(|c| c.iter().map(|m| m.map(|m| m.range())).collect());
                    assert_eq!(full, small, "{} at {at} of {:?}", rule.source, &text[at..end]);
                    tried += 1;
                }
            }
        }
        assert!(tried > 2_000, "{tried}");
    }

    /// The screens only rule out places where a rule cannot match: wherever its
    /// pattern matches in the gold texts and in a few lines of dates, both pass.
    #[test]
    fn screens_pass_wherever_a_rule_matches() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/gold");
        let mut texts: Vec<String> = vec![
            "Le 3 mai 2024 à 15 h 30, hier soir, les 6 et 13 avril, fin 2003, l'an 2001, depuis  1999, \
             ce lundi 4 mars, dans deux semaines, il y a trois ans, le mardi 5 juin dernier."
                .into(),
            "On Monday, May 3, 2024 at 3:30 p.m., last night, two weeks ago, in the 1990s, in  the late 80s, \
             of the 21st century, at the end of the year, for the past three years, twice a week."
                .into(),
        ];
        // The French TimeBank articles too: the screens' reading of runs and
        // classes is checked against every time expression they hold.
        let time_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/gold-time");
        for entry in
            std::fs::read_dir(dir).expect("gold texts").chain(std::fs::read_dir(time_dir).expect("gold-time texts"))
        {
            let path = entry.expect("an entry").path();
            if path.extension().is_some_and(|x| x == "txt") {
                texts.push(std::fs::read_to_string(path).expect("a gold text"));
            }
        }
        let folded: Vec<String> = texts.iter().map(|t| fold(t)).collect();
        let mut found = 0;
        for lang in Lang::ALL {
            let g = of(lang);
            for (ri, rule) in g.rules.iter().enumerate() {
                let unanchored = regex::Regex::new(&rule.source).expect("compiles");
                for folded in &folded {
                    for m in unanchored.find_iter(folded).filter(|m| !m.is_empty() && m.len() <= REACH) {
                        let rest = &folded.as_bytes()[m.start()..];
                        let reachable = &rest[..REACH.min(rest.len())];
                        assert!(g.screen_passes(ri, rest), "{} at {:?}", rule.source, m.as_str());
                        assert!(g.opens[usize::from(rest[0])], "{} at {:?}", rule.source, m.as_str());
                        assert!(g.leads_pass(ri, reachable), "{} at {:?}", rule.source, m.as_str());
                        found += 1;
                    }
                }
            }
        }
        assert!(found > 500, "{found}");
        // And the byte table still passes places by: a space opens no rule.
        assert!(Lang::ALL.iter().all(|&lang| !of(lang).opens[usize::from(b' ')]));
    }

    /// The screen must stay useful: a rule whose beginning cannot be read is
    /// tried at every word, and a reader that silently gave up would cost speed.
    #[test]
    fn almost_every_rule_has_a_screen() {
        for lang in Lang::ALL {
            let g = of(lang);
            let blind: Vec<&str> = (0..g.rules.len())
                .filter(|&ri| g.screens[ri / SCREEN_RULES].says_nothing(ri % SCREEN_RULES))
                .map(|ri| g.rules[ri].source.as_str())
                .collect();
            assert!(blind.len() <= 1, "{}: {blind:?}", lang.code());
        }
    }

    #[test]
    fn folding_lowercases_and_keeps_every_offset() {
        assert_eq!(fold("ÉTÉ 2003, Mardi 3 Mars, l’Été"), "été 2003, mardi 3 mars, l’été");
        assert_eq!(fold("3\u{a0}H\t30\u{202f}PM"), "3  h 30   pm");
        // "İ" lowercases to two chars, "Ⱥ" to a longer one: both stay.
        for text in ["İstanbul Ⱥ ẞ ΣΑΣ 😀 K", "Aujourd’hui\u{a0}MARDI\u{2009}\r\n"] {
            let folded = fold(text);
            assert_eq!(folded.len(), text.len());
            assert!(text.char_indices().all(|(i, _)| folded.is_char_boundary(i)));
        }
    }

    #[test]
    fn folded_patterns_keep_escapes_and_group_names() {
        let folded = |p| folded_pattern(p).expect("supported");
        assert_eq!(folded(r"(?P<wdX>Été)\.[XVI]"), r"(?P<wdX>été)\.[xvi]");
        assert_eq!(folded(r"\d\x{C9}"), r"[0-9]\x{C9}");
        assert_eq!(folded(r"a\s+B\s*c"), "a +b *c");
        assert!(folded_pattern(r"a\sb").is_err());
    }

    #[test]
    fn normalised_keys_unify_apostrophes_case_and_spaces() {
        assert_eq!(normalise("Aujourd’hui"), "aujourd'hui");
        assert_eq!(normalise("quart \u{a0} de  siècle"), "quart de siècle");
    }
}

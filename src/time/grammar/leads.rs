//! The words a rule's matches may begin with before the part that decides.
//!
//! Many rules open with a few words that may or must come first: "(?:(?:at|on|in|of) )?
//! (?:the )?(?P<decade>…)" matches "in the 1990s", "the 1990s" and "1990s". Read
//! from the start, such a rule may begin at every "in" or "the", and the prefix
//! screen lets it be tried there. Its `Leads` are those first words, up to and
//! including the space each ends with, and the `Prefixes` of what follows them:
//! a match begins where, a few space runs later, that rest may begin.
//!
//! The reading is conservative, as the prefix screen's is. A lead is only taken
//! when every way it matches ends with a space, and nothing in it but its space
//! atoms can match a space; so the rest begins right after one of the first
//! `max` space runs (or at the start when every lead may be empty).

use super::prefixes::{self, Memo, Prefixes, Screen};

/// The leading words of a rule and how the rest of its matches begins.
#[derive(Debug)]
pub struct Leads {
    /// Where the rest begins in the pattern, in bytes.
    pub split: usize,
    /// At least this many space runs come before the rest (0 when all leads may be empty).
    min: usize,
    /// At most this many.
    max: usize,
    /// How the rest may begin.
    screen: Screen,
}

impl Leads {
    /// Whether a match may begin at the start of `text` (the text from that
    /// place to as far as a match may reach): whether the rest may begin after
    /// between `min` and `max` space runs.
    pub fn may_begin(&self, text: &[u8]) -> bool {
        if self.min == 0 && self.screen.may_begin(text) {
            return true;
        }
        let mut at = 0;
        for runs in 1..=self.max {
            at += text[at..].iter().position(|&b| b == b' ').unwrap_or(text.len() - at);
            at += text[at..].iter().position(|&b| b != b' ').unwrap_or(text.len() - at);
            if at == text.len() {
                return false;
            }
            if runs >= self.min && self.screen.may_begin(&text[at..]) {
                return true;
            }
        }
        false
    }
}

/// The leads of `pattern`, if it opens with some and goes on after them.
#[cfg(test)]
pub fn of(pattern: &str) -> Option<Leads> {
    of_with(pattern, &mut Memo::default()).map(|(leads, _)| leads)
}

/// As [`of`], reading the rest's prefixes with `memo`; with them, for the
/// screen of the whole pattern (see [`Prefixes::then_loosely`]).
pub fn of_with(pattern: &str, memo: &mut Memo) -> Option<(Leads, Prefixes)> {
    let chars: Vec<char> = pattern.chars().collect();
    if alternatives(&chars).len() != 1 {
        return None;
    }
    let (mut min, mut max) = (0, 0);
    // Where the words read so far began, and what they are.
    let mut lead_start = 0;
    let mut lead = Words::EMPTY;
    let mut at = 0;
    while at < chars.len() {
        let (atom_end, end) = item_bounds(&chars, at)?;
        match item(&chars[at..atom_end], &chars[atom_end..end]) {
            Some(words) => lead = lead.then(words),
            None => break,
        }
        at = end;
        if lead.ends_with_space {
            // One lead that must match puts a space run before the rest. Two
            // may share one run (a lead of a lone space), so no more are counted.
            min = min.max(usize::from(!lead.may_be_empty));
            max += lead.spaces;
            lead_start = at;
            lead = Words::EMPTY;
        }
    }
    if max == 0 || lead_start == chars.len() {
        return None;
    }
    let split = chars[..lead_start].iter().map(|c| c.len_utf8()).sum();
    let rest = prefixes::of_with(&pattern[split..], memo);
    // The rest must begin where a space run ends.
    if rest.says_nothing() || rest.first_bytes(memo).contains(b' ') {
        return None;
    }
    let screen = Screen::new(&rest, memo);
    Some((Leads { split, min, max, screen }, rest))
}

/// What a piece of pattern matches, as far as spaces go.
#[derive(Clone, Copy, Debug)]
struct Words {
    /// Whether every non-empty match of it ends with a space.
    ends_with_space: bool,
    may_be_empty: bool,
    /// At most this many space atoms in one match.
    spaces: usize,
}

impl Words {
    const EMPTY: Words = Words { ends_with_space: true, may_be_empty: true, spaces: 0 };

    fn then(self, next: Words) -> Words {
        Words {
            // A match of both ends as `next`'s does, or as this one's when `next` is empty.
            ends_with_space: next.ends_with_space && (!next.may_be_empty || self.ends_with_space),
            may_be_empty: self.may_be_empty && next.may_be_empty,
            spaces: self.spaces + next.spaces,
        }
    }

    fn or(self, other: Words) -> Words {
        Words {
            ends_with_space: self.ends_with_space && other.ends_with_space,
            may_be_empty: self.may_be_empty || other.may_be_empty,
            spaces: self.spaces.max(other.spaces),
        }
    }
}

/// The top-level alternatives of `chars`, as ranges.
fn alternatives(chars: &[char]) -> Vec<&[char]> {
    let mut out = Vec::new();
    let (mut depth, mut start, mut at) = (0usize, 0, 0);
    while at < chars.len() {
        match chars[at] {
            '\\' => at += 1,
            '[' => at = class_end(chars, at).unwrap_or(chars.len()) - 1,
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            '|' if depth == 0 => {
                out.push(&chars[start..at]);
                start = at + 1;
            }
            _ => {}
        }
        at += 1;
    }
    out.push(&chars[start..]);
    out
}

/// The end of the class opening at `at` (past its `]`).
fn class_end(chars: &[char], at: usize) -> Option<usize> {
    let mut i = at + 1;
    // A `]` first in a class is a member.
    if chars.get(i) == Some(&']') {
        i += 1;
    }
    while *chars.get(i)? != ']' {
        i += if chars[i] == '\\' { 2 } else { 1 };
    }
    Some(i + 1)
}

/// Where the atom starting at `at` ends, and where the item (the atom and its
/// quantifier) ends.
pub(super) fn item_bounds(chars: &[char], at: usize) -> Option<(usize, usize)> {
    let atom_end = match *chars.get(at)? {
        '(' => {
            let mut depth = 0usize;
            let mut i = at;
            loop {
                match *chars.get(i)? {
                    '\\' => i += 1,
                    '[' => i = class_end(chars, i)? - 1,
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            break i + 1;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
        }
        '[' => class_end(chars, at)?,
        '\\' if chars.get(at + 1) == Some(&'x') && chars.get(at + 2) == Some(&'{') => {
            at + chars[at..].iter().position(|&c| c == '}')? + 1
        }
        '\\' => at + 2,
        _ => at + 1,
    };
    let mut end = atom_end;
    match chars.get(end) {
        Some('?' | '*' | '+') => end += 1,
        Some('{') => end += chars[end..].iter().position(|&c| c == '}')? + 1,
        _ => return (atom_end <= chars.len()).then_some((atom_end, atom_end)),
    }
    // A lazy mark changes which match wins, not what may match.
    if chars.get(end) == Some(&'?') {
        end += 1;
    }
    (end <= chars.len()).then_some((atom_end, end))
}

/// How one item matches spaces; `None` when it might match a space other
/// than through a space atom, or repeats one.
fn item(atom: &[char], quantifier: &[char]) -> Option<Words> {
    let words = match atom {
        [' '] => Words { ends_with_space: true, may_be_empty: false, spaces: 1 },
        // Most groups hold no space and nothing that could match one: a long
        // alternation of words need not be read. Saying it may be empty only
        // loosens the screen.
        ['(', body @ .., ')'] if !may_match_a_space(body) => {
            Words { ends_with_space: false, may_be_empty: true, spaces: 0 }
        }
        ['(', body @ .., ')'] => group(body)?,
        ['[', '^', ..] => return None,
        ['[', ..] => {
            if class_may_hold_a_space(&atom[1..atom.len() - 1])? {
                return None;
            }
            Words { ends_with_space: false, may_be_empty: false, spaces: 0 }
        }
        ['\\', c] if c.is_ascii_punctuation() => Words { ends_with_space: false, may_be_empty: false, spaces: 0 },
        ['\\', ..] | ['.'] | ['^'] | ['$'] => return None,
        [c] if !c.is_whitespace() => Words { ends_with_space: false, may_be_empty: false, spaces: 0 },
        _ => return None,
    };
    match quantifier {
        [] => Some(words),
        ['?', ..] => Some(Words { may_be_empty: true, ..words }),
        // A run of spaces is one space run; any other repeat of a space could be many.
        ['+', ..] if words.spaces <= 1 && atom == [' '] => Some(words),
        ['*', ..] if atom == [' '] => Some(Words { ends_with_space: false, may_be_empty: true, ..words }),
        ['+', ..] | ['*', ..] | ['{', ..] if words.spaces == 0 => {
            let min_zero = quantifier[0] == '*' || quantifier.starts_with(&['{', '0']);
            Some(Words { may_be_empty: words.may_be_empty || min_zero, ..words })
        }
        _ => None,
    }
}

/// Whether a class body (no leading `^`) may hold a space; `None` if it
/// cannot be read. Members are chars, escaped punctuation, `\x{…}` code
/// points, ranges of those, and `\w` or `\d`.
fn class_may_hold_a_space(body: &[char]) -> Option<bool> {
    let mut members: Vec<char> = Vec::new();
    let mut ranges = false;
    let mut at = 0;
    // Each member, read as a char; `-` between two marks a range.
    while at < body.len() {
        let c = match body[at] {
            '\\' => match *body.get(at + 1)? {
                'x' if body.get(at + 2) == Some(&'{') => {
                    let close = at + body[at..].iter().position(|&c| c == '}')?;
                    let hex: String = body[at + 3..close].iter().collect();
                    at = close + 1;
                    members.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                    continue;
                }
                'w' | 'd' => {
                    // Letters and digits: never a space.
                    at += 2;
                    members.push('a');
                    continue;
                }
                c if c.is_ascii_punctuation() => {
                    at += 2;
                    c
                }
                _ => return None,
            },
            '-' if at > 0 && at + 1 < body.len() => {
                ranges = true;
                at += 1;
                members.push('-');
                continue;
            }
            c => {
                at += 1;
                c
            }
        };
        members.push(c);
    }
    if !ranges {
        return Some(members.iter().any(|c| c.is_whitespace()));
    }
    // A range holds a space when its ends lie either side of one.
    let mut holds = members.iter().any(|&c| c.is_whitespace());
    for w in members.windows(3) {
        if w[1] == '-' && w[0] <= ' ' && ' ' <= w[2] {
            holds = true;
        }
    }
    Some(holds)
}

/// Whether some match of `chars` might hold a space: it has a space, a dot,
/// a negated class or an escape that is not a punctuation mark.
fn may_match_a_space(chars: &[char]) -> bool {
    chars.iter().enumerate().any(|(i, &c)| match c {
        ' ' | '.' | '$' => true,
        '^' => i > 0 && chars[i - 1] == '[',
        '\\' => !chars.get(i + 1).is_some_and(char::is_ascii_punctuation),
        _ => false,
    })
}

/// A group's body: `(?:…)`, `(?P<name>…)` or `(…)`.
fn group(body: &[char]) -> Option<Words> {
    let inner = match body {
        ['?', ':', rest @ ..] => rest,
        ['?', 'P', '<', ..] | ['?', '<', ..] => &body[body.iter().position(|&c| c == '>')? + 1..],
        ['?', ..] => return None,
        _ => body,
    };
    let mut all: Option<Words> = None;
    for alternative in alternatives(inner) {
        let mut words = Words::EMPTY;
        let mut at = 0;
        while at < alternative.len() {
            let (atom_end, end) = item_bounds(alternative, at)?;
            words = words.then(item(&alternative[at..atom_end], &alternative[atom_end..end])?);
            at = end;
        }
        all = Some(match all {
            Some(a) => a.or(words),
            None => words,
        });
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    fn begins(pattern: &str, text: &str) -> bool {
        of(pattern).expect("leads").may_begin(text.as_bytes())
    }

    #[test]
    fn optional_words_lead_to_the_rest() {
        let p = "(?:(?:(?:at|on|in|of) )?)(?:the )?(?P<decade>[0-9]0)s";
        for yes in ["in the 90s", "the 90s", "90s", "in 90s", "of  the 90s"] {
            assert!(begins(p, yes), "{yes}");
        }
        for no in ["in the end", "the end", "in the people of the 90s", "in"] {
            assert!(!begins(p, no), "{no}");
        }
    }

    #[test]
    fn words_that_must_come_first_are_not_skipped() {
        let p = "(?:en|depuis|vers) +(?P<year>[0-9]{4})";
        assert!(begins(p, "en 2003") && begins(p, "depuis  2003"));
        assert!(!begins(p, "2003") && !begins(p, "en mai 2003"));
        // A group before a space, then words: the rest may begin after either space.
        let p = "(?P<offset>demain|après demain) à (?P<hour>[0-9]+) ?h";
        assert!(begins(p, "demain à 9 h") && begins(p, "après demain à 9 h"));
        assert!(!begins(p, "demain à midi"));
    }

    #[test]
    fn classes_of_letters_are_read() {
        let p = r"(?:once|[0-9_a-z\x{C0}-\x{D6}]+ +times) +(?:a|per) +(?P<unit>year|week)";
        assert!(begins(p, "three times a week") && begins(p, "once per  year"));
        assert!(!begins(p, "three times a day") && !begins(p, "every day"));
    }

    #[test]
    fn patterns_it_cannot_read_have_no_leads() {
        for p in [
            "hier|demain",                   // alternatives at the top
            "(?:la |le |l')?(?P<part>soir)", // a lead that may end without a space
            "(?:mi-|fin )?mai",
            "(?:[a-z ]+ )?mai", // a class that matches a space
            r"(?:[\x{0}-\x{7f}]+ )?mai",
            r"(?:[\sa]+ )?mai",
            "(?:.+ )?mai",
            "(?:en )?(?: mai)", // the rest begins with a space
            "(?:(?:en|de) )*mai",
            "mai", // no leads at all
            "(?:le )?",
        ] {
            assert!(of(p).is_none(), "{p}");
        }
    }

    #[test]
    fn items_end_after_their_quantifiers() {
        let bounds = |s: &str| {
            let c: Vec<char> = s.chars().collect();
            item_bounds(&c, 0)
        };
        assert_eq!(bounds("(?:a )?b"), Some((6, 7)));
        assert_eq!(bounds(" +b"), Some((1, 2)));
        assert_eq!(bounds("[0-9]{4}b"), Some((5, 8)));
        assert_eq!(bounds("a*?b"), Some((1, 3)));
        assert_eq!(bounds(r"\?b"), Some((2, 2)));
        assert_eq!(bounds(r"\x{e9}b"), Some((6, 6)));
        assert_eq!(bounds("(a"), None);
    }
}

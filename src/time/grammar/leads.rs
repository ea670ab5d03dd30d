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

/// The leading words of a rule: where they end in its pattern and how many
/// space runs they put before the rest; how the rest begins is read apart.
#[derive(Debug)]
pub struct Leads {
    /// Where the rest begins in the pattern, in bytes.
    pub split: usize,
    /// At least this many space runs come before the rest (0 when all leads may be empty).
    min: usize,
    /// At most this many.
    max: usize,
}

/// The leads of up to 64 rules, checked together at a place. Many rules open
/// with the same words ("le", "in the") and pass the prefix screen at the same
/// places: the space runs after a place are found once for all of them, and
/// the rests of all are looked for after each run with one walk of one
/// [`Screen`], not one per rule.
#[derive(Debug)]
pub struct LeadScreen {
    /// The rules with leads.
    pub led: u64,
    /// How the rest of each rule with leads begins, rule `i` being bit `i`.
    rests: Screen,
    /// The rules whose rest may begin at the place itself.
    at_start: u64,
    /// `after[k]`: the rules whose rest may begin after `k + 1` space runs.
    after: Vec<u64>,
    /// `beyond[k]`: the rules whose rest may begin after more than `k` space runs.
    beyond: Vec<u64>,
}

impl LeadScreen {
    /// The screen of up to 64 rules: rule `i` has `leads[i]`, if any, and
    /// then `rests[i]` (what [`of_with`] read; anything for a rule without leads).
    #[inline(never)] // a function of its own for the wasm tier-up: DESIGN.md
    pub fn of_rules(leads: &[Option<Leads>], rests: &[Prefixes], memo: &Memo) -> LeadScreen {
        let most = leads.iter().flatten().map(|l| l.max).max().unwrap_or(0);
        let (mut led, mut at_start, mut after, mut beyond) = (0, 0, vec![0; most], vec![0; most]);
        for (r, l) in leads.iter().enumerate() {
            let Some(l) = l else { continue };
            led |= 1 << r;
            if l.min == 0 {
                at_start |= 1 << r;
            }
            for runs in l.min.max(1)..=l.max {
                after[runs - 1] |= 1 << r;
            }
            for b in &mut beyond[..l.max] {
                *b |= 1 << r;
            }
        }
        LeadScreen { led, rests: Screen::of_rules(rests, memo), at_start, after, beyond }
    }

    /// Which of the rules in `wanted` (rules with leads, a bit each) may begin
    /// a match at the start of `text` (the text from that place to as far as a
    /// match may reach): those whose rest may begin after between their `min`
    /// and `max` space runs.
    pub fn passing(&self, text: &[u8], wanted: u64) -> u64 {
        let mut passed = 0;
        if wanted & self.at_start != 0 {
            passed = self.rests.passing(text, wanted & self.at_start);
        }
        let mut at = 0;
        for (&after, &beyond) in self.after.iter().zip(&self.beyond) {
            if wanted & !passed & beyond == 0 {
                break;
            }
            at += text[at..].iter().position(|&b| b == b' ').unwrap_or(text.len() - at);
            at += text[at..].iter().position(|&b| b != b' ').unwrap_or(text.len() - at);
            if at == text.len() {
                break;
            }
            let left = wanted & !passed & after;
            if left != 0 {
                passed |= self.rests.passing(&text[at..], left);
            }
        }
        passed
    }
}

/// The leads of `pattern`, if it opens with some and goes on after them, as
/// the screen of that one rule.
#[cfg(test)]
pub fn of(pattern: &str) -> Option<LeadScreen> {
    let mut memo = Memo::default();
    let (leads, rest) = of_with(pattern, &mut memo)?;
    Some(LeadScreen::of_rules(&[Some(leads)], &[rest], &memo))
}

/// The leads of `pattern`, if it opens with some and goes on after them, and
/// how the rest begins, read with `memo`: for the [`LeadScreen`], and for the
/// screen of the whole pattern (see [`Prefixes::then_loosely`]).
#[inline(never)] // a function of its own for the wasm tier-up: DESIGN.md
pub fn of_with(pattern: &str, memo: &mut Memo) -> Option<(Leads, Prefixes)> {
    let reader = Reader::new(pattern);
    let len = pattern.len();
    if reader.alternatives(0, len)?.len() != 1 {
        return None;
    }
    let (mut min, mut max) = (0, 0);
    // Where the words read so far began, and what they are.
    let mut lead_start = 0;
    let mut lead = Words::EMPTY;
    let mut at = 0;
    while at < len {
        let (atom_end, end) = reader.item_bounds(at, len)?;
        match reader.item(at, atom_end, end) {
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
    if max == 0 || lead_start == len {
        return None;
    }
    let split = lead_start;
    let rest = prefixes::of_with(&pattern[split..], memo);
    // The rest must begin where a space run ends.
    if rest.says_nothing() || rest.first_bytes(memo).contains(b' ') {
        return None;
    }
    Some((Leads { split, min, max }, rest))
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
    /// One char or class that is not a space.
    const OTHER: Words = Words { ends_with_space: false, may_be_empty: false, spaces: 0 };

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

/// A pattern read for its leads, by byte offsets: where each group ends, as
/// the prefix reader finds them, and where something might match a space, so
/// that neither is looked for again at each level of nesting.
struct Reader<'a> {
    pattern: &'a str,
    /// For each `(`, where its group ends (see [`prefixes::group_ends`]).
    ends: Vec<u32>,
    /// How many bytes before each offset might, read alone, match a space:
    /// a space, a dot, a `$`, the `^` of a negated class or an escape that is
    /// not a punctuation mark.
    spacey: Vec<u32>,
}

impl<'a> Reader<'a> {
    fn new(pattern: &'a str) -> Self {
        let p = pattern.as_bytes();
        let mut spacey = Vec::with_capacity(p.len() + 1);
        let mut count = 0;
        spacey.push(count);
        for (i, &c) in p.iter().enumerate() {
            count += u32::from(match c {
                b' ' | b'.' | b'$' => true,
                b'^' => i > 0 && p[i - 1] == b'[',
                b'\\' => !p.get(i + 1).is_some_and(u8::is_ascii_punctuation),
                _ => false,
            });
            spacey.push(count);
        }
        Reader { pattern, ends: prefixes::group_ends(p), spacey }
    }

    fn byte(&self, at: usize) -> Option<u8> {
        self.pattern.as_bytes().get(at).copied()
    }

    /// Whether some match of `pattern[from..to]` might hold a space.
    fn may_match_a_space(&self, from: usize, to: usize) -> bool {
        // An escape at the end escapes what follows, unread: say it might.
        self.spacey[to] > self.spacey[from] || (to > from && self.byte(to - 1) == Some(b'\\'))
    }

    /// The top-level alternatives of `pattern[from..to]`, as ranges; `None`
    /// if a group in it does not end in it.
    fn alternatives(&self, from: usize, to: usize) -> Option<Vec<(usize, usize)>> {
        let mut out = Vec::new();
        let (mut start, mut at) = (from, from);
        while at < to {
            match self.byte(at)? {
                b'\\' => at += 1,
                b'[' => at = prefixes::class_end(self.pattern.as_bytes(), at).unwrap_or(to) - 1,
                b'(' => match self.ends[at] as usize {
                    end if end > at && end <= to => at = end - 1,
                    _ => return None,
                },
                b'|' => {
                    out.push((start, at));
                    start = at + 1;
                }
                _ => {}
            }
            at += 1;
        }
        out.push((start, to));
        Some(out)
    }

    /// Where the atom starting at `at` ends, and where the item (the atom and
    /// its quantifier) ends, both by `to`.
    fn item_bounds(&self, at: usize, to: usize) -> Option<(usize, usize)> {
        let p = &self.pattern.as_bytes()[..to];
        let char_len = |i: usize| self.pattern[i..].chars().next().map_or(1, char::len_utf8);
        let atom_end = match *p.get(at)? {
            b'(' => Some(self.ends[at] as usize).filter(|&end| end > at)?,
            b'[' => prefixes::class_end(p, at)?,
            b'\\' if p.get(at + 1) == Some(&b'x') && p.get(at + 2) == Some(&b'{') => {
                at + p[at..].iter().position(|&c| c == b'}')? + 1
            }
            b'\\' if at + 1 < p.len() => at + 1 + char_len(at + 1),
            b'\\' => at + 2,
            _ => at + char_len(at),
        };
        let mut end = atom_end;
        match p.get(end) {
            Some(b'?' | b'*' | b'+') => end += 1,
            Some(b'{') => end += p[end..].iter().position(|&c| c == b'}')? + 1,
            _ => return (atom_end <= p.len()).then_some((atom_end, atom_end)),
        }
        // A lazy mark changes which match wins, not what may match.
        if p.get(end) == Some(&b'?') {
            end += 1;
        }
        (end <= p.len()).then_some((atom_end, end))
    }

    /// How the item at `at` (its atom ending at `atom_end`, its quantifier at
    /// `end`) matches spaces; `None` when it might match a space other than
    /// through a space atom, or repeats one.
    fn item(&self, at: usize, atom_end: usize, end: usize) -> Option<Words> {
        let atom = &self.pattern[at..atom_end];
        let quantifier = &self.pattern.as_bytes()[atom_end..end];
        let lone_space = atom == " ";
        let words = match atom.as_bytes() {
            [b' '] => Words { ends_with_space: true, may_be_empty: false, spaces: 1 },
            // Most groups hold no space and nothing that could match one: a long
            // alternation of words need not be read. Saying it may be empty only
            // loosens the screen.
            [b'(', .., b')'] if !self.may_match_a_space(at + 1, atom_end - 1) => {
                Words { ends_with_space: false, may_be_empty: true, spaces: 0 }
            }
            [b'(', .., b')'] => self.group(at + 1, atom_end - 1)?,
            [b'[', b'^', ..] => return None,
            [b'[', .., b']'] => {
                if class_may_hold_a_space(&atom[1..atom.len() - 1])? {
                    return None;
                }
                Words::OTHER
            }
            [b'\\', c] if c.is_ascii_punctuation() => Words::OTHER,
            [b'\\', ..] | [b'.'] | [b'^'] | [b'$'] => return None,
            _ => {
                let mut chars = atom.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if !c.is_whitespace() => Words::OTHER,
                    _ => return None,
                }
            }
        };
        match quantifier {
            [] => Some(words),
            [b'?', ..] => Some(Words { may_be_empty: true, ..words }),
            // A run of spaces is one space run; any other repeat of a space could be many.
            [b'+', ..] if words.spaces <= 1 && lone_space => Some(words),
            [b'*', ..] if lone_space => Some(Words { ends_with_space: false, may_be_empty: true, ..words }),
            [b'+', ..] | [b'*', ..] | [b'{', ..] if words.spaces == 0 => {
                let min_zero = quantifier[0] == b'*' || quantifier.starts_with(b"{0");
                Some(Words { may_be_empty: words.may_be_empty || min_zero, ..words })
            }
            _ => None,
        }
    }

    /// A group's body, `pattern[from..to]`: `(?:…)`, `(?P<name>…)` or `(…)`.
    fn group(&self, from: usize, to: usize) -> Option<Words> {
        let body = &self.pattern.as_bytes()[from..to];
        let inner = match body {
            [b'?', b':', ..] => from + 2,
            [b'?', b'P', b'<', ..] | [b'?', b'<', ..] => from + body.iter().position(|&c| c == b'>')? + 1,
            [b'?', ..] => return None,
            _ => from,
        };
        let mut all: Option<Words> = None;
        for (start, end) in self.alternatives(inner, to)? {
            let mut words = Words::EMPTY;
            let mut at = start;
            while at < end {
                let (atom_end, item_end) = self.item_bounds(at, end)?;
                words = words.then(self.item(at, atom_end, item_end)?);
                at = item_end;
            }
            all = Some(match all {
                Some(a) => a.or(words),
                None => words,
            });
        }
        all
    }
}

/// Whether a class body (no leading `^`) may hold a space; `None` if it
/// cannot be read. Members are chars, escaped punctuation, `\x{…}` code
/// points, ranges of those, and `\w` or `\d`.
fn class_may_hold_a_space(body: &str) -> Option<bool> {
    let body: Vec<char> = body.chars().collect();
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

#[cfg(test)]
mod tests {
    use super::*;

    fn begins(pattern: &str, text: &str) -> bool {
        of(pattern).expect("leads").passing(text.as_bytes(), 1) != 0
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
        let bounds = |s: &str| Reader::new(s).item_bounds(0, s.len());
        assert_eq!(bounds("(?:a )?b"), Some((6, 7)));
        assert_eq!(bounds(" +b"), Some((1, 2)));
        assert_eq!(bounds("[0-9]{4}b"), Some((5, 8)));
        assert_eq!(bounds("a*?b"), Some((1, 3)));
        assert_eq!(bounds(r"\?b"), Some((2, 2)));
        assert_eq!(bounds(r"\x{e9}b"), Some((6, 6)));
        assert_eq!(bounds("(a"), None);
    }
}

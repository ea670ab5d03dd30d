//! How a rule's matches can begin, read from its pattern, so that a rule is
//! only tried where the text could start one of its matches.
//!
//! A pattern's `Prefixes` are a few short sequences of byte classes: every
//! match begins with the bytes of one of them. "(?:le )?[0-9]+ mai" begins
//! with `l e ␠ [0-9]` or `[0-9]`. The reading is conservative: a construct it
//! does not know (a flag, a class it cannot list, an escape it cannot name)
//! stands for any bytes, so the sequences are never stricter than the truth.

/// A set of bytes.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub struct ByteSet([u64; 4]);

impl ByteSet {
    const NONE: Self = Self([0; 4]);
    /// The space alone: in a sequence, it stands for a run of spaces (` +`).
    const SPACE: Self = Self([1 << 32, 0, 0, 0]);
    const ALL: Self = Self([u64::MAX; 4]);

    pub fn contains(&self, b: u8) -> bool {
        self.0[usize::from(b >> 6)] >> (b & 63) & 1 == 1
    }

    fn insert(&mut self, b: u8) {
        self.0[usize::from(b >> 6)] |= 1 << (b & 63);
    }

    fn union(&mut self, other: &Self) {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a |= b;
        }
    }

    /// Its bytes, in order.
    fn members(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for (i, &word) in self.0.iter().enumerate() {
            let mut bits = word;
            while bits != 0 {
                // Below 256: i < 4 and a bit index < 64.
                out.push((i * 64 + bits.trailing_zeros() as usize) as u8);
                bits &= bits - 1;
            }
        }
        out
    }

    fn single(b: u8) -> Self {
        let mut s = Self::NONE;
        s.insert(b);
        s
    }
}

/// The bytes one match may begin with.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Debug)]
struct Seq {
    classes: Vec<ByteSet>,
    /// Whether the sequence is the whole match, so what follows the pattern
    /// continues it; otherwise the match goes on in ways not written here.
    complete: bool,
}

/// The ways a pattern's matches begin.
#[derive(Clone, Debug)]
pub struct Prefixes(Vec<Seq>);

/// Longer sequences say little more and cost more to check.
const MAX_LEN: usize = 6;
/// More sequences are shortened until they are this few.
const MAX_SEQS: usize = 96;

impl Prefixes {
    /// Any bytes at all: the sequence that says nothing.
    fn any() -> Self {
        Prefixes(vec![Seq { classes: vec![], complete: false }])
    }

    fn empty() -> Self {
        Prefixes(vec![Seq { classes: vec![], complete: true }])
    }

    fn of_bytes(bytes: &[u8]) -> Self {
        Prefixes(vec![Seq { classes: bytes.iter().map(|&b| ByteSet::single(b)).collect(), complete: true }]).capped()
    }

    /// The bytes the first char may start with; says nothing about the rest.
    fn first_byte(set: ByteSet) -> Self {
        Prefixes(vec![Seq { classes: vec![set], complete: false }])
    }

    /// Whether some sequence says nothing, so every place must be tried.
    pub fn says_nothing(&self) -> bool {
        self.0.iter().any(|s| s.classes.is_empty())
    }

    /// The bytes a match may begin with.
    pub fn first_bytes(&self) -> ByteSet {
        let mut set = ByteSet::NONE;
        for s in &self.0 {
            match s.classes.first() {
                Some(c) => set.union(c),
                None => return ByteSet::ALL,
            }
        }
        set
    }

    /// The bytes that may follow `first` at the start of a match.
    pub fn second_bytes(&self, first: u8) -> ByteSet {
        let mut set = ByteSet::NONE;
        for s in &self.0 {
            match &s.classes[..] {
                [] => return ByteSet::ALL,
                [c] if c.contains(first) => return ByteSet::ALL,
                [c, next, ..] if c.contains(first) => {
                    set.union(next);
                    if *c == ByteSet::SPACE {
                        // A space stands for a run of them.
                        set.insert(b' ');
                    }
                }
                _ => {}
            }
        }
        set
    }

    /// Whether a match may begin at the start of `text`. [`Screen`] answers
    /// the same, faster.
    #[cfg(test)]
    pub fn may_begin(&self, text: &[u8]) -> bool {
        self.0.iter().any(|s| begins(&s.classes, text))
    }

    /// How a match of a pattern and then another begins, told loosely: what
    /// follows a non-empty match of this one is left unread (the [`Leads`]
    /// screen reads it), and only this one's empty match is followed by `next`.
    ///
    /// [`Leads`]: super::leads::Leads
    pub fn then_loosely(self, next: &Prefixes) -> Self {
        let mut out = Vec::with_capacity(self.0.len() + next.0.len());
        for mut s in self.0 {
            if s.complete && s.classes.is_empty() {
                out.extend(next.0.iter().cloned());
            } else {
                s.complete = false;
                out.push(s);
            }
        }
        Prefixes(out).capped()
    }

    fn then(mut self, next: &Prefixes) -> Self {
        if let ([a], [b]) = (&mut self.0[..], &next.0[..]) {
            if a.complete && a.classes.len() + b.classes.len() <= MAX_LEN {
                a.classes.extend_from_slice(&b.classes);
                a.complete = b.complete;
                return self;
            }
        }
        // Every complete sequence meets every next one: shorten the next ones
        // first when that would make many more than are kept.
        let complete = self.0.iter().filter(|s| s.complete).count();
        let narrowed;
        let next = if complete * next.0.len() > 4 * MAX_SEQS {
            narrowed = next.clone().capped_to((4 * MAX_SEQS / complete.max(1)).max(1));
            &narrowed
        } else {
            next
        };
        let mut out = Vec::new();
        for a in self.0 {
            if !a.complete {
                out.push(a);
                continue;
            }
            for b in &next.0 {
                let mut classes = a.classes.clone();
                classes.extend_from_slice(&b.classes);
                out.push(Seq { classes, complete: b.complete });
            }
        }
        Prefixes(out).capped()
    }

    fn or(mut self, other: Prefixes) -> Self {
        self.0.extend(other.0);
        self.capped()
    }

    fn or_all(alternatives: Vec<Prefixes>) -> Self {
        Prefixes(alternatives.into_iter().flat_map(|p| p.0).collect()).capped()
    }

    fn partial(mut self) -> Self {
        for s in &mut self.0 {
            s.complete = false;
        }
        self
    }

    /// Shortens the sequences until they are few and short enough.
    fn capped(self) -> Self {
        self.capped_to(MAX_SEQS)
    }

    /// Shortens the sequences until there are at most `most` of them, each of
    /// at most `MAX_LEN` classes.
    fn capped_to(mut self, most: usize) -> Self {
        if self.0.len() <= most && self.0.iter().all(|s| s.classes.len() <= MAX_LEN) {
            return self;
        }
        let mut len = MAX_LEN;
        loop {
            for s in &mut self.0 {
                if s.classes.len() > len {
                    s.classes.truncate(len);
                    s.complete = false;
                }
            }
            self.0.sort_unstable();
            self.0.dedup();
            if self.0.len() <= most || len == 1 {
                break;
            }
            len -= 1;
        }
        if self.0.len() > most {
            // Down to one class each: merge them into one.
            let first = self.first_bytes();
            let empty = self.0.iter().filter(|s| s.classes.is_empty()).cloned().collect::<Vec<_>>();
            self.0 = empty;
            self.0.push(Seq { classes: vec![first], complete: false });
        }
        self
    }
}

/// `Prefixes` made for the check at every place of a text: the sequences
/// share their common beginnings in a trie, whose first classes are found by
/// the text's first byte. Many sequences begin alike ("le ␠ matin", "le ␠
/// soir"): each shared class is checked once.
#[derive(Debug)]
pub struct Screen {
    /// Some sequence is empty, so every place may begin a match.
    any: bool,
    nodes: Vec<Node>,
    /// The first nodes whose class holds byte `b` are `firsts[starts[b]..starts[b + 1]]`.
    starts: Vec<u32>,
    firsts: Vec<u32>,
}

#[derive(Debug)]
struct Node {
    class: ByteSet,
    /// The bytes some child's class holds: most texts stop at a node, and
    /// this says so without visiting its children.
    next: ByteSet,
    /// Its children are `nodes[first..first + count]`.
    first: u32,
    count: u32,
    /// A sequence ends here: a text that got this far may begin a match.
    end: bool,
    /// Its class is the lone space, which stands for a run of spaces.
    run: bool,
}

/// A trie node while the trie is built.
struct Building {
    class: ByteSet,
    end: bool,
    children: Vec<usize>,
}

impl Screen {
    pub fn new(prefixes: &Prefixes) -> Screen {
        let any = prefixes.0.iter().any(|s| s.classes.is_empty());
        // Node 0 is the root, whose class is never read.
        let mut built = vec![Building { class: ByteSet::NONE, end: false, children: vec![] }];
        for seq in prefixes.0.iter().filter(|s| !s.classes.is_empty()) {
            let mut parent = 0;
            for class in &seq.classes {
                let found = built[parent].children.iter().copied().find(|&n| built[n].class == *class);
                parent = found.unwrap_or_else(|| {
                    built.push(Building { class: *class, end: false, children: vec![] });
                    let n = built.len() - 1;
                    built[parent].children.push(n);
                    n
                });
            }
            built[parent].end = true;
        }
        // Laid out breadth first, so that each node's children lie together.
        let mut order = vec![0];
        let mut at = 0;
        while at < order.len() {
            order.extend(built[order[at]].children.iter().copied());
            at += 1;
        }
        let mut place = vec![0u32; built.len()];
        for (i, &n) in order.iter().enumerate() {
            place[n] = u32::try_from(i).expect("few nodes");
        }
        let nodes: Vec<Node> = order
            .iter()
            .map(|&n| {
                let b = &built[n];
                let mut next = ByteSet::NONE;
                for &c in &b.children {
                    next.union(&built[c].class);
                }
                Node {
                    class: b.class,
                    next,
                    first: b.children.first().map_or(0, |&c| place[c]),
                    count: u32::try_from(b.children.len()).expect("few children"),
                    end: b.end,
                    run: b.class == ByteSet::SPACE,
                }
            })
            .collect();
        // The root's children by first byte: a counting sort of (byte, child)
        // pairs, visiting only the bytes each class holds.
        let roots = nodes[0].first as usize..(nodes[0].first + nodes[0].count) as usize;
        let members: Vec<Vec<u8>> = roots.clone().map(|n| nodes[n].class.members()).collect();
        let mut starts = vec![0u32; 257];
        for &b in members.iter().flatten() {
            starts[usize::from(b) + 1] += 1;
        }
        for b in 0..256 {
            starts[b + 1] += starts[b];
        }
        let mut next = starts.clone();
        let mut firsts = vec![0u32; members.iter().map(Vec::len).sum()];
        for (root, bytes) in roots.zip(&members) {
            for &b in bytes {
                firsts[next[usize::from(b)] as usize] = u32::try_from(root).expect("few nodes");
                next[usize::from(b)] += 1;
            }
        }
        Screen { any, nodes, starts, firsts }
    }

    /// Whether a match may begin at the start of `text`.
    pub fn may_begin(&self, text: &[u8]) -> bool {
        if self.any {
            return true;
        }
        let Some(&first) = text.first() else { return false };
        let b = usize::from(first);
        self.firsts[self.starts[b] as usize..self.starts[b + 1] as usize]
            .iter()
            .any(|&n| self.from(n as usize, text, 1))
    }

    /// Whether the text may go on from node `n`, whose class held the byte
    /// before `at`.
    fn from(&self, n: usize, text: &[u8], mut at: usize) -> bool {
        let node = &self.nodes[n];
        if node.end {
            return true;
        }
        if node.run {
            if node.next.contains(b' ') {
                // Where the run ends cannot be told: say yes.
                return true;
            }
            while text.get(at) == Some(&b' ') {
                at += 1;
            }
        }
        let Some(&b) = text.get(at) else { return false };
        if !node.next.contains(b) {
            return false;
        }
        let children = node.first as usize..(node.first + node.count) as usize;
        children.into_iter().any(|c| self.nodes[c].class.contains(b) && self.from(c, text, at + 1))
    }
}

/// Whether `text` starts with the bytes of `classes`, a lone space class
/// taking a whole run of spaces, as the pattern's ` +` does. [`Screen`]
/// answers the same for all sequences at once.
#[cfg(test)]
fn begins(classes: &[ByteSet], text: &[u8]) -> bool {
    let mut at = 0;
    for (i, class) in classes.iter().enumerate() {
        match text.get(at) {
            Some(&b) if class.contains(b) => at += 1,
            _ => return false,
        }
        if *class == ByteSet::SPACE {
            if classes.get(i + 1).is_some_and(|next| next.contains(b' ')) {
                // Where the run ends cannot be told: say yes.
                return true;
            }
            at += text[at..].iter().take_while(|&&b| b == b' ').count();
        }
    }
    true
}

/// How `pattern`'s matches begin.
#[cfg(test)]
pub fn of(pattern: &str) -> Prefixes {
    of_with(pattern, &mut Memo::default())
}

/// Groups already read, by their text: a grammar's rules repeat the same long
/// lists ("{numword}" is in a dozen), and reading each once saves most of a
/// language's start-up in the browser.
pub type Memo = std::collections::HashMap<String, Prefixes>;

/// Groups shorter than this are read again: looking them up costs as much.
const MEMO_MIN: usize = 32;

/// How `pattern`'s matches begin, reusing and adding to `memo`.
pub fn of_with(pattern: &str, memo: &mut Memo) -> Prefixes {
    let chars: Vec<char> = pattern.chars().collect();
    let mut p = Parser { chars: &chars, at: 0, memo };
    match p.alternation() {
        Some(f) if p.at == chars.len() => f,
        _ => Prefixes::any(),
    }
}

struct Parser<'a> {
    chars: &'a [char],
    at: usize,
    memo: &'a mut Memo,
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        let hit = self.peek() == Some(c);
        self.at += usize::from(hit);
        hit
    }

    /// The next char when it is a literal that no quantifier follows.
    fn plain_char(&self) -> Option<char> {
        let c = self.peek()?;
        let special = |c: char| "\\[](){}|?*+.^$".contains(c);
        let quantifier = |c: char| "?*+{".contains(c);
        (!special(c) && !self.chars.get(self.at + 1).is_some_and(|&n| quantifier(n))).then_some(c)
    }

    fn alternation(&mut self) -> Option<Prefixes> {
        let mut alternatives = vec![self.sequence()?];
        while self.eat('|') {
            alternatives.push(self.sequence()?);
        }
        Some(if alternatives.len() == 1 { alternatives.pop()? } else { Prefixes::or_all(alternatives) })
    }

    fn sequence(&mut self) -> Option<Prefixes> {
        let mut out = Prefixes::empty();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            if out.0.iter().all(|s| !s.complete) {
                // Nothing after can change how a match begins.
                self.skip_sequence()?;
                break;
            }
            if let ([seq], Some(c)) = (&mut out.0[..], self.plain_char()) {
                // Most of a pattern is words: their chars extend the one
                // sequence in place, as `then` would, without a `Prefixes` each.
                let mut buf = [0; 4];
                for &b in c.encode_utf8(&mut buf).as_bytes() {
                    if seq.classes.len() == MAX_LEN {
                        seq.complete = false;
                        break;
                    }
                    seq.classes.push(ByteSet::single(b));
                }
                self.at += 1;
                continue;
            }
            let item = self.atom()?;
            let item = self.quantified(item)?;
            out = out.then(&item);
        }
        Some(out)
    }

    /// Moves past the rest of a sequence, to the `|` or `)` that ends it.
    fn skip_sequence(&mut self) -> Option<()> {
        let mut depth = 0usize;
        while let Some(c) = self.peek() {
            match c {
                '|' | ')' if depth == 0 => return Some(()),
                '(' => depth += 1,
                ')' => depth -= 1,
                '\\' => self.at += 1,
                '[' => {
                    // A class ends at the first `]` not escaped.
                    self.at += 1;
                    while self.peek()? != ']' {
                        self.at += if self.peek()? == '\\' { 2 } else { 1 };
                    }
                }
                _ => {}
            }
            self.at += 1;
        }
        Some(())
    }

    /// Applies the quantifier that follows, if any.
    fn quantified(&mut self, item: Prefixes) -> Option<Prefixes> {
        let (min, max) = match self.peek() {
            Some('?') => (0, Some(1)),
            Some('*') => (0, None),
            Some('+') => (1, None),
            Some('{') => {
                let close = self.chars[self.at..].iter().position(|&c| c == '}')? + self.at;
                let body: String = self.chars[self.at + 1..close].iter().collect();
                let number = |s: &str| s.trim().parse::<u32>().ok();
                let (min, max) = match body.split_once(',') {
                    None => (number(&body)?, number(&body)),
                    Some((lo, hi)) if hi.trim().is_empty() => (number(lo)?, None),
                    Some((lo, hi)) => (number(lo)?, Some(number(hi)?)),
                };
                self.at = close;
                (min, max)
            }
            _ => return Some(item),
        };
        self.at += 1;
        // A lazy mark changes which match wins, not how it begins.
        self.eat('?');
        let once = max == Some(1);
        // A run of spaces is read as one space, which the screen lets stand
        // for the run (see `begins`): what follows the run is still read.
        let space_run = matches!(&item.0[..], [Seq { classes, complete: true }] if classes[..] == [ByteSet::SPACE]);
        let item = if once || space_run { item } else { item.partial() };
        Some(if min == 0 { item.or(Prefixes::empty()) } else { item })
    }

    fn atom(&mut self) -> Option<Prefixes> {
        let c = self.peek()?;
        self.at += 1;
        match c {
            '(' => {
                let start = self.at - 1;
                let key = super::leads::item_bounds(self.chars, start)
                    .map(|(end, _)| end)
                    .filter(|end| end - start >= MEMO_MIN)
                    .map(|end| (end, self.chars[start..end].iter().collect::<String>()));
                if let Some((end, text)) = &key {
                    if let Some(p) = self.memo.get(text) {
                        self.at = *end;
                        return Some(p.clone());
                    }
                }
                let group = self.group();
                if let (Some((_, text)), Some(p)) = (key, &group) {
                    self.memo.insert(text, p.clone());
                }
                group
            }
            '[' => self.class(),
            '\\' => Some(self.escape().map_or_else(Prefixes::any, Self::literal)),
            '.' | '^' | '$' => Some(Prefixes::any()),
            ')' | '|' | '?' | '*' | '+' | '{' => None,
            c => Some(Self::literal(c)),
        }
    }

    /// A group, after its `(`.
    fn group(&mut self) -> Option<Prefixes> {
        if self.eat('?') {
            if self.eat(':') {
            } else if self.eat('P') || self.peek() == Some('<') {
                if !self.eat('<') {
                    return None;
                }
                let close = self.chars[self.at..].iter().position(|&c| c == '>')?;
                self.at += close + 1;
            } else {
                // Flags such as (?i) change what the rest can match.
                return None;
            }
        }
        let inner = self.alternation()?;
        self.eat(')').then_some(inner)
    }

    fn literal(c: char) -> Prefixes {
        let mut buf = [0; 4];
        Prefixes::of_bytes(c.encode_utf8(&mut buf).as_bytes())
    }

    /// The char an escape stands for; `None` for a class (`\d`, `\w`, `\p{..}`)
    /// or an assertion (`\b`), which this reading does not list.
    fn escape(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += 1;
        match c {
            'x' => {
                let digits: String = if self.eat('{') {
                    let close = self.chars[self.at..].iter().position(|&c| c == '}')? + self.at;
                    let d = self.chars[self.at..close].iter().collect();
                    self.at = close + 1;
                    d
                } else {
                    let d = self.chars.get(self.at..self.at + 2)?.iter().collect();
                    self.at += 2;
                    d
                };
                char::from_u32(u32::from_str_radix(&digits, 16).ok()?)
            }
            'n' => Some('\n'),
            't' => Some('\t'),
            'r' => Some('\r'),
            c if c.is_ascii_punctuation() || c == ' ' => Some(c),
            _ => None,
        }
    }

    /// One member char of a class, escaped or not.
    fn class_char(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += 1;
        if c == '\\' {
            self.escape()
        } else {
            Some(c)
        }
    }

    /// A class: one byte when all its members are ASCII, else the lead bytes
    /// of its members (UTF-8 keeps code point order, so a range's lead bytes
    /// are those from its first char's to its last's).
    fn class(&mut self) -> Option<Prefixes> {
        if self.peek() == Some('^') || self.peek() == Some(']') {
            return None;
        }
        let mut leads = ByteSet::NONE;
        let mut ascii = true;
        let lead = |c: char| {
            let mut buf = [0; 4];
            c.encode_utf8(&mut buf);
            buf[0]
        };
        loop {
            let lo = match self.peek()? {
                ']' => {
                    self.at += 1;
                    let set = if ascii {
                        Prefixes(vec![Seq { classes: vec![leads], complete: true }])
                    } else {
                        Prefixes::first_byte(leads)
                    };
                    return Some(set);
                }
                '[' | '&' | '~' => return None,
                _ => self.class_char()?,
            };
            let hi = if self.peek() == Some('-') && self.chars.get(self.at + 1).is_some_and(|&c| c != ']') {
                self.at += 1;
                if self.peek()? == '[' {
                    return None;
                }
                self.class_char()?
            } else {
                lo
            };
            if hi < lo {
                return None;
            }
            ascii &= hi.is_ascii();
            for b in lead(lo)..=lead(hi) {
                leads.insert(b);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listed(set: ByteSet) -> String {
        (0..=255u8).filter(|&b| set.contains(b)).map(char::from).collect()
    }

    #[test]
    fn first_bytes_of_literals_alternations_and_optional_prefixes() {
        assert_eq!(listed(of("(?:le |la )?(?P<day>[0-3][0-9]?) mai").first_bytes()), "0123l");
        assert_eq!(listed(of("hier|demain").first_bytes()), "dh");
        assert_eq!(listed(of(r"\.5|x{2}y").first_bytes()), ".x");
        assert_eq!(listed(of("a{0,2}b").first_bytes()), "ab");
        assert_eq!(listed(of("(?:a|)c").first_bytes()), "ac");
    }

    #[test]
    fn sequences_follow_the_pattern_past_its_optional_words() {
        let p = of("(?:le |la )?(?P<day>[0-3][0-9]?) mai");
        for yes in ["le 3 mai", "la 12 mai", "3 mai", "31 mai"] {
            assert!(p.may_begin(yes.as_bytes()), "{yes}");
        }
        for no in ["le mai", "les 3", "lundi", "4 mai", "l"] {
            assert!(!p.may_begin(no.as_bytes()), "{no}");
        }
        // Repeats leave what follows them unread.
        let p = of("a+b");
        assert!(p.may_begin(b"aab") && p.may_begin(b"ab") && !p.may_begin(b"b"));
    }

    #[test]
    fn a_run_of_spaces_is_read_past() {
        let p = of("de +la +veille|hier");
        for yes in ["de la veille", "de  la   veille", "hier"] {
            assert!(p.may_begin(yes.as_bytes()), "{yes}");
            assert!(Screen::new(&p).may_begin(yes.as_bytes()), "{yes}");
        }
        for no in ["de le", "de", "dela", "de  li"] {
            assert!(!p.may_begin(no.as_bytes()), "{no}");
            assert!(!Screen::new(&p).may_begin(no.as_bytes()), "{no}");
        }
        // A space, then something that may be a space: the run's end is unknown.
        assert!(of("a +[ b]x").may_begin(b"a  x"));
        assert_eq!(listed(of(" +b").second_bytes(b' ')), " b");
    }

    #[test]
    fn non_ascii_chars_give_their_bytes() {
        let p = of(r"été|\x{C9}t|[à-â]x");
        assert!(p.may_begin("été".as_bytes()) && p.may_begin("Ét".as_bytes()) && p.may_begin("âx".as_bytes()));
        assert!(!p.may_begin(b"ete") && !p.may_begin(b"ax"));
        // A class of wide chars gives its lead bytes and says no more.
        assert!(p.may_begin("étu".as_bytes()));
    }

    #[test]
    fn many_alternatives_are_shortened_not_dropped() {
        let words: Vec<String> = (0..200).map(|i| format!("w{i:03}x")).collect();
        let p = of(&format!("(?:{}) y", words.join("|")));
        assert!(p.0.len() <= MAX_SEQS);
        assert!(words.iter().all(|w| p.may_begin(format!("{w} y").as_bytes())));
        assert!(!p.may_begin(b"v001x y"));
    }

    #[test]
    fn the_screen_answers_as_the_sequences_do() {
        let texts = ["le 3 mai", "la 12 mai", "3 mai", "", "l", "lundi", "été", "Ét", "étu", "x", "aab", "w001x y"];
        for pattern in ["(?:le |la )?(?P<day>[0-3][0-9]?) mai", r"été|\x{C9}t|[à-â]x", "a+b", "a?", "(?:w[0-9]+x|v) y"]
        {
            let p = of(pattern);
            let screen = Screen::new(&p);
            for t in texts {
                assert_eq!(screen.may_begin(t.as_bytes()), p.may_begin(t.as_bytes()), "{pattern} on {t:?}");
            }
        }
    }

    #[test]
    fn what_it_cannot_read_or_may_be_empty_says_nothing() {
        for p in ["(?i)mai", r"\w+", "[^a]b", "a?", "x|", ".a", r"[[:alpha:]]", "(a", "[a"] {
            assert!(of(p).says_nothing(), "{p}");
        }
    }
}

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
    pub fn bytes(&self) -> impl Iterator<Item = u8> + '_ {
        self.0.iter().enumerate().flat_map(|(i, &word)| {
            let mut bits = word;
            std::iter::from_fn(move || {
                let bit = bits.trailing_zeros();
                bits &= bits.wrapping_sub(1);
                // Below 256: i < 4 and a bit index < 64.
                (bit < 64).then(|| (i * 64 + bit as usize) as u8)
            })
        })
    }

    fn single(b: u8) -> Self {
        let mut s = Self::NONE;
        s.insert(b);
        s
    }

    fn meets(&self, other: &Self) -> bool {
        self.0.iter().zip(other.0).any(|(a, b)| a & b != 0)
    }
}

/// A byte class of a sequence, by number: a single byte is its own number,
/// and the other classes a grammar meets are numbered from 256 in its [`Memo`],
/// up to `ANY_BYTE`, which stands for any byte and for every class met after
/// so many (a larger class only loosens the screen). Sequences of numbers are
/// small, copied without allocating, and compared fast.
type Class = u16;

/// The bits of one class in a sequence.
const CLASS_BITS: u32 = 9;

/// The last class number, any byte at all.
const ANY_BYTE: Class = (1 << CLASS_BITS) - 1;

/// The lone space, which in a sequence stands for a run of spaces (` +`).
const SPACE: Class = b' ' as Class;

/// The bytes one match may begin with, packed in one number, so that
/// sequences are copied, compared and sorted as numbers: from the top, its
/// classes, `CLASS_BITS` each (0 past its end), then its length (3 bits) and
/// whether it is complete (the lowest bit): the sequence is the whole match,
/// so what follows the pattern continues it; otherwise the match goes on in
/// ways not written here. In order, sequences that begin alike lie together,
/// a sequence before those it begins, and cutting sequences to a length
/// keeps them in order but for their `complete` bit.
///
/// Not `Copy`: the standard sort sorts small `Copy` types with sorting
/// networks, which would add 2 KB to the wasm for no speed that counts here.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Debug)]
struct Seq(u64);

impl Seq {
    fn new(complete: bool) -> Self {
        Seq(u64::from(complete))
    }

    /// How far up its first `len` classes end.
    fn shift(len: usize) -> u32 {
        64 - CLASS_BITS * len as u32
    }

    fn len(&self) -> usize {
        (self.0 >> 1 & 7) as usize
    }

    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn complete(&self) -> bool {
        self.0 & 1 == 1
    }

    fn set_complete(&mut self, complete: bool) {
        self.0 = self.0 & !1 | u64::from(complete);
    }

    /// Class `i`, below its length.
    fn class(&self, i: usize) -> Class {
        (self.0 >> Self::shift(i + 1)) as Class & ANY_BYTE
    }

    fn classes(&self) -> impl Iterator<Item = Class> + '_ {
        (0..self.len()).map(move |i| self.class(i))
    }

    /// Its first `len` classes, at most its length, as a number: equal for
    /// sequences that begin alike.
    fn beginning(&self, len: usize) -> u64 {
        self.0.checked_shr(Self::shift(len)).unwrap_or(0)
    }

    /// Its classes and length, equal for sequences that differ only in `complete`.
    fn body(&self) -> u64 {
        self.0 >> 1
    }

    /// The sequence marked with a rule number below 64, in the bits that lie
    /// free between its length and its classes: sequences so marked sort as
    /// they would unmarked, then by rule, with the sort already compiled for
    /// sequences (a sort of pairs would add its own to the wasm).
    fn marked(&self, rule: u8) -> Self {
        Seq(self.0 | u64::from(rule) << RULE_SHIFT)
    }

    /// The rule number it was marked with.
    fn mark(&self) -> u8 {
        (self.0 >> RULE_SHIFT & 63) as u8
    }

    /// Adds a class at the end; `false`, leaving it as it was, when it is full.
    fn push(&mut self, class: Class) -> bool {
        let len = self.len();
        if len == MAX_LEN {
            return false;
        }
        self.0 |= u64::from(class) << Self::shift(len + 1);
        // One more in the length, above the `complete` bit.
        self.0 += 2;
        true
    }

    /// Keeps the first `len` classes; what follows them is no longer known.
    fn truncate(&mut self, len: usize) {
        if self.len() > len {
            let classes = self.beginning(len).checked_shl(Self::shift(len)).unwrap_or(0);
            self.0 = classes | (len as u64) << 1;
        }
    }
}

/// The ways a pattern's matches begin.
#[derive(Clone, Debug)]
pub struct Prefixes(Vec<Seq>);

/// Longer sequences say little more and cost more to check.
const MAX_LEN: usize = 6;
/// Where a sequence's rule mark lies: above its length, below its classes.
const RULE_SHIFT: u32 = 4;
const _: () = assert!(RULE_SHIFT + 6 <= 64 - CLASS_BITS * MAX_LEN as u32);
/// More sequences are shortened until they are this few.
const MAX_SEQS: usize = 96;
/// A class with more wide chars than this is read by their lead bytes.
const MAX_WIDE_MEMBERS: usize = 4;

impl Prefixes {
    /// Any bytes at all: the sequence that says nothing.
    fn any() -> Self {
        Prefixes(vec![Seq::new(false)])
    }

    fn empty() -> Self {
        Prefixes(vec![Seq::new(true)])
    }

    /// No way to begin at all: a rule that a screen holds a place for, but never asks.
    pub fn none() -> Self {
        Prefixes(Vec::new())
    }

    fn of_bytes(bytes: &[u8]) -> Self {
        let mut seq = Seq::new(true);
        for &b in bytes {
            if !seq.push(Class::from(b)) {
                seq.set_complete(false);
                break;
            }
        }
        Prefixes(vec![seq])
    }

    /// One class, which may end the match or say nothing of what follows.
    fn class(class: Class, complete: bool) -> Self {
        let mut seq = Seq::new(complete);
        seq.push(class);
        Prefixes(vec![seq])
    }

    /// Whether some sequence says nothing, so every place must be tried.
    pub fn says_nothing(&self) -> bool {
        self.0.iter().any(|s| s.is_empty())
    }

    /// The bytes a match may begin with.
    pub fn first_bytes(&self, memo: &Memo) -> ByteSet {
        let mut set = ByteSet::NONE;
        for s in &self.0 {
            match s.classes().next() {
                Some(c) => set.union(&memo.set(c)),
                None => return ByteSet::ALL,
            }
        }
        set
    }

    /// Whether a match may begin at the start of `text`. [`Screen`] answers
    /// the same, faster.
    #[cfg(test)]
    fn may_begin(&self, text: &[u8], memo: &Memo) -> bool {
        self.0.iter().any(|s| begins(s, text, memo))
    }

    /// How a match of a pattern and then another begins, told loosely: what
    /// follows a non-empty match of this one is left unread (the [`Leads`]
    /// screen reads it), and only this one's empty match is followed by `next`.
    ///
    /// [`Leads`]: super::leads::Leads
    #[inline(never)] // a function of its own for the wasm tier-up: DESIGN.md
    pub fn then_loosely(self, next: &Prefixes, memo: &mut Memo) -> Self {
        let mut out = Vec::with_capacity(self.0.len() + next.0.len());
        for mut s in self.0 {
            if s.complete() && s.is_empty() {
                out.extend_from_slice(&next.0);
            } else {
                s.set_complete(false);
                out.push(s);
            }
        }
        Prefixes(out).capped(memo)
    }

    fn then(mut self, next: &Prefixes, memo: &mut Memo) -> Self {
        if let ([a], [b]) = (&mut self.0[..], &next.0[..]) {
            if a.complete() && a.len() + b.len() <= MAX_LEN {
                for c in b.classes() {
                    a.push(c);
                }
                a.set_complete(b.complete());
                return self;
            }
        }
        // Every complete sequence meets every next one: shorten the next ones
        // first when that would make many more than are kept.
        let complete = self.0.iter().filter(|s| s.complete()).count();
        let narrowed;
        let next = if complete * next.0.len() > 4 * MAX_SEQS {
            narrowed = next.clone().capped_to((4 * MAX_SEQS / complete.max(1)).max(1), memo, false);
            &narrowed
        } else {
            next
        };
        let mut out = Vec::with_capacity(self.0.len() - complete + complete * next.0.len());
        // Whether a sequence grew past `MAX_LEN`: it was cut there, and the
        // sequences must be shortened and merged as if they had been longer.
        let mut cut = false;
        for a in self.0 {
            if !a.complete() {
                out.push(a);
                continue;
            }
            for b in &next.0 {
                let mut s = a.clone();
                s.set_complete(b.complete());
                for c in b.classes() {
                    if !s.push(c) {
                        s.set_complete(false);
                        cut = true;
                        break;
                    }
                }
                out.push(s);
            }
        }
        Prefixes(out).capped_to(MAX_SEQS, memo, cut)
    }

    fn or(mut self, other: Prefixes, memo: &mut Memo) -> Self {
        self.0.extend(other.0);
        self.capped(memo)
    }

    fn or_all(alternatives: Vec<Prefixes>, memo: &mut Memo) -> Self {
        Prefixes(alternatives.into_iter().flat_map(|p| p.0).collect()).capped(memo)
    }

    fn partial(mut self) -> Self {
        for s in &mut self.0 {
            s.set_complete(false);
        }
        self
    }

    /// Shortens the sequences until they are few enough.
    fn capped(self, memo: &mut Memo) -> Self {
        self.capped_to(MAX_SEQS, memo, false)
    }

    /// Shortens the sequences until there are at most `most` of them, each of
    /// at most `MAX_LEN` classes; `cut` when some were cut to `MAX_LEN`
    /// already, so they are merged even if few.
    fn capped_to(mut self, most: usize, memo: &mut Memo, cut: bool) -> Self {
        if self.0.len() <= most && !cut {
            return self;
        }
        self.0.sort_unstable();
        self.0.dedup();
        let mut len = MAX_LEN;
        while self.0.len() > most && len > 1 {
            len -= 1;
            // Cut, the sequences stay in order of their classes, and those
            // alike lie together: each run of them leaves at most two, one
            // incomplete and one complete, in order.
            let mut kept = 0;
            let mut at = 0;
            while at < self.0.len() {
                let mut run = self.0[at].clone();
                run.truncate(len);
                let (mut incomplete, mut complete) = (false, false);
                while let Some(s) = self.0.get_mut(at) {
                    s.truncate(len);
                    if s.body() != run.body() {
                        break;
                    }
                    incomplete |= !s.complete();
                    complete |= s.complete();
                    at += 1;
                }
                for (wanted, flag) in [(incomplete, false), (complete, true)] {
                    if wanted {
                        run.set_complete(flag);
                        self.0[kept] = run.clone();
                        kept += 1;
                    }
                }
            }
            self.0.truncate(kept);
        }
        if self.0.len() > most {
            // Down to one class each: merge them into one.
            let first = self.first_bytes(memo);
            self.0.retain(|s| s.is_empty());
            let mut merged = Seq::new(false);
            merged.push(memo.number(first));
            self.0.push(merged);
        }
        self
    }
}

/// The `Prefixes` of up to 64 rules made for the check at every place of a
/// text, which tells at once which rules may begin there: the sequences of all
/// of them share their common beginnings in one trie, whose first classes are
/// found by the text's first byte. Many sequences begin alike ("le ␠ matin",
/// "le ␠ soir", and "le ␠" opens a dozen rules): each shared class is checked
/// once, not once per rule.
#[derive(Debug)]
pub struct Screen {
    /// The rules (one bit each) with an empty sequence, which may begin anywhere.
    any: u64,
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
    /// Its children are `nodes[first..first + count]`: first the `singles`
    /// whose class is one byte, in the order of their bytes (classes below 256
    /// sort first), so that the one a byte leads to is found by a binary
    /// search instead of a test of every child (a node may have dozens: every
    /// month after "le ␠ 1 ␠").
    first: u32,
    count: u32,
    singles: u32,
    /// Its class's byte, when its class is one byte.
    byte: u8,
    /// Its class is the lone space, which stands for a run of spaces.
    run: bool,
    /// The rules a text that got this far may begin: those with a sequence
    /// that ends here, or whose next class after this run of spaces may hold
    /// a space too, so that where the run ends cannot be told.
    pass: u64,
}

impl Screen {
    /// The screen of one rule: [`Screen::may_begin`] asks it.
    #[cfg(test)]
    pub fn new(prefixes: &Prefixes, memo: &Memo) -> Screen {
        Screen::of_rules(std::slice::from_ref(prefixes), memo)
    }

    /// The screen of up to 64 rules, rule `i` being bit `i` of [`Screen::passing`].
    pub fn of_rules(rules: &[Prefixes], memo: &Memo) -> Screen {
        assert!(rules.len() <= 64, "at most 64 rules in a screen");
        let mut any = 0;
        // Each sequence marked with its rule. Sorted, the sequences that share
        // a beginning lie together, and so do the children of each node when
        // the trie is laid out a level at a time: each node's children lie
        // together, after those of the nodes before it.
        let mut seqs: Vec<Seq> = Vec::new();
        for (r, prefixes) in (0..).zip(rules) {
            if prefixes.says_nothing() {
                any |= 1 << r;
            }
            seqs.extend(prefixes.0.iter().filter(|s| !s.is_empty()).map(|s| s.marked(r)));
        }
        seqs.sort_unstable();
        seqs.dedup();
        // Node 0 is the root, whose class is never read.
        let mut nodes = Vec::with_capacity(1 + seqs.iter().map(|s| s.len()).sum::<usize>());
        nodes.push(Node {
            class: ByteSet::NONE,
            next: ByteSet::NONE,
            first: 0,
            count: 0,
            singles: 0,
            byte: 0,
            run: false,
            pass: 0,
        });
        // Each sequence's node on the level above.
        let mut above = vec![0usize; seqs.len()];
        for depth in 0..MAX_LEN {
            let mut last: Option<&Seq> = None;
            for (seq, above) in seqs.iter().zip(&mut above) {
                if seq.len() <= depth {
                    continue;
                }
                let number = seq.class(depth);
                if last.map_or(true, |l| l.beginning(depth + 1) != seq.beginning(depth + 1)) {
                    let n = u32::try_from(nodes.len()).expect("few nodes");
                    let class = memo.set(number);
                    let single = u8::try_from(number).ok();
                    let parent = &mut nodes[*above];
                    if parent.count == 0 {
                        parent.first = n;
                    }
                    parent.count += 1;
                    parent.singles += u32::from(single.is_some());
                    parent.next.union(&class);
                    nodes.push(Node {
                        class,
                        next: ByteSet::NONE,
                        first: 0,
                        count: 0,
                        singles: 0,
                        byte: single.unwrap_or(0),
                        run: memo.is_run(number),
                        pass: 0,
                    });
                    last = Some(seq);
                }
                *above = nodes.len() - 1;
                let ends = seq.len() == depth + 1;
                let run_ends_unknown =
                    memo.is_run(number) && !ends && memo.set(seq.class(depth + 1)).meets(&memo.set(number));
                if ends || run_ends_unknown {
                    nodes[*above].pass |= 1 << seq.mark();
                }
            }
        }
        // The root's children by first byte: a counting sort of (byte, child)
        // pairs, visiting only the bytes each class holds.
        let roots = nodes[0].first as usize..(nodes[0].first + nodes[0].count) as usize;
        let mut starts = vec![0u32; 257];
        for n in roots.clone() {
            for b in nodes[n].class.bytes() {
                starts[usize::from(b) + 1] += 1;
            }
        }
        for b in 0..256 {
            starts[b + 1] += starts[b];
        }
        let mut next = starts.clone();
        let mut firsts = vec![0u32; starts[256] as usize];
        for root in roots {
            for b in nodes[root].class.bytes() {
                firsts[next[usize::from(b)] as usize] = u32::try_from(root).expect("few nodes");
                next[usize::from(b)] += 1;
            }
        }
        Screen { any, nodes, starts, firsts }
    }

    /// Whether some place may begin a match of rule `r` whatever its bytes.
    #[cfg(test)]
    pub fn says_nothing(&self, r: usize) -> bool {
        self.any >> r & 1 == 1
    }

    /// Whether a match of the screen's one rule may begin at the start of `text`.
    #[cfg(test)]
    pub fn may_begin(&self, text: &[u8]) -> bool {
        self.passing(text, 1) != 0
    }

    /// Whether some rule may begin a match at a place whose first byte is `b`.
    pub fn may_open_with(&self, b: u8) -> bool {
        self.any != 0 || self.starts[usize::from(b)] < self.starts[usize::from(b) + 1]
    }

    /// Which of the rules in `wanted` (a bit each) may begin a match at the
    /// start of `text`.
    pub fn passing(&self, text: &[u8], wanted: u64) -> u64 {
        let mut passed = self.any & wanted;
        if passed == wanted {
            return passed;
        }
        let Some(&first) = text.first() else { return passed };
        let b = usize::from(first);
        for &n in &self.firsts[self.starts[b] as usize..self.starts[b + 1] as usize] {
            if self.from(n as usize, text, 1, wanted, &mut passed) {
                break;
            }
        }
        passed
    }

    /// Adds to `passed` the rules of `wanted` the text may begin going on from
    /// node `n`, whose class held the byte before `at`; `true` once all have
    /// passed. The last child a byte leads to is followed in the loop, not by
    /// a call: most places lead to one child at most.
    fn from(&self, mut n: usize, text: &[u8], mut at: usize, wanted: u64, passed: &mut u64) -> bool {
        loop {
            let node = &self.nodes[n];
            if node.pass & wanted != 0 {
                *passed |= node.pass & wanted;
                if *passed == wanted {
                    return true;
                }
            }
            if node.run {
                // The rules for which a run's end cannot be told have passed:
                // for the others, it ends before the first byte out of its class.
                while text.get(at).is_some_and(|&b| node.class.contains(b)) {
                    at += 1;
                }
            }
            let Some(&b) = text.get(at) else { return false };
            if !node.next.contains(b) {
                return false;
            }
            at += 1;
            let first = node.first as usize;
            let (singles, end) = (first + node.singles as usize, first + node.count as usize);
            let mut next = self.nodes[first..singles].binary_search_by_key(&b, |c| c.byte).ok().map(|i| first + i);
            for c in singles..end {
                if self.nodes[c].class.contains(b) {
                    if let Some(p) = next.replace(c) {
                        if self.from(p, text, at, wanted, passed) {
                            return true;
                        }
                    }
                }
            }
            match next {
                Some(c) => n = c,
                None => return false,
            }
        }
    }
}

/// Whether `text` starts with the bytes of `seq`, a lone space class
/// taking a whole run of spaces, as the pattern's ` +` does. [`Screen`]
/// answers the same for all sequences at once.
#[cfg(test)]
fn begins(seq: &Seq, text: &[u8], memo: &Memo) -> bool {
    let mut at = 0;
    for i in 0..seq.len() {
        let class = seq.class(i);
        match text.get(at) {
            Some(&b) if memo.set(class).contains(b) => at += 1,
            _ => return false,
        }
        if memo.is_run(class) {
            let set = memo.set(class);
            if i + 1 < seq.len() && memo.set(seq.class(i + 1)).meets(&set) {
                // Where the run ends cannot be told: say yes.
                return true;
            }
            at += text[at..].iter().take_while(|&&b| set.contains(b)).count();
        }
    }
    true
}

/// What reading a grammar's rules keeps from one to the next: the groups
/// already read, by their text (the rules repeat the same long lists,
/// "{numword}" is in a dozen, and reading each once saves most of a
/// language's start-up in the browser), and the byte classes met, numbered.
#[derive(Default)]
pub struct Memo {
    groups: std::collections::HashMap<String, Prefixes>,
    /// Class `256 + i` is `classes[i]`: its bytes, and whether it stands for
    /// a run of them.
    classes: Vec<(ByteSet, bool)>,
}

impl Memo {
    /// The bytes of a class.
    fn set(&self, class: Class) -> ByteSet {
        match u8::try_from(class) {
            Ok(b) => ByteSet::single(b),
            Err(_) if class == ANY_BYTE => ByteSet::ALL,
            Err(_) => self.classes[usize::from(class) - 256].0,
        }
    }

    /// Whether a class stands for a run of its bytes: the lone space (` +`
    /// in the rules), or a class given by [`Memo::number_run`].
    fn is_run(&self, class: Class) -> bool {
        class == SPACE || usize::from(class).checked_sub(256).and_then(|i| self.classes.get(i)).is_some_and(|c| c.1)
    }

    /// The number of a class, given one if it is new.
    fn number(&mut self, set: ByteSet) -> Class {
        let members = set.0.iter().map(|w| w.count_ones()).sum::<u32>();
        if members == 1 {
            return Class::from(set.bytes().next().expect("one byte"));
        }
        if set == ByteSet::ALL {
            return ANY_BYTE;
        }
        self.numbered(set, false)
    }

    /// The number of a run of one or more bytes of `set`, given one if it
    /// is new; a run of spaces is the lone space.
    fn number_run(&mut self, set: ByteSet) -> Class {
        if set == ByteSet::single(b' ') {
            return SPACE;
        }
        if set == ByteSet::ALL {
            return ANY_BYTE;
        }
        self.numbered(set, true)
    }

    fn numbered(&mut self, set: ByteSet, run: bool) -> Class {
        let i = match self.classes.iter().position(|&c| c == (set, run)) {
            Some(i) => i,
            None if 256 + self.classes.len() < usize::from(ANY_BYTE) => {
                self.classes.push((set, run));
                self.classes.len() - 1
            }
            None => return ANY_BYTE,
        };
        Class::try_from(256 + i).expect("below ANY_BYTE")
    }
}

/// Groups shorter than this, in bytes, are read again: looking them up costs as much.
const MEMO_MIN: usize = 32;

/// How `pattern`'s matches begin, reusing and adding to `memo`.
#[inline(never)] // a function of its own for the wasm tier-up: DESIGN.md
pub fn of_with(pattern: &str, memo: &mut Memo) -> Prefixes {
    let mut p = Parser { pattern, at: 0, group_ends: group_ends(pattern.as_bytes()), memo };
    match p.alternation() {
        Some(f) if p.at == pattern.len() => f,
        _ => Prefixes::any(),
    }
}

/// For each `(` of a pattern, where its group ends, past its `)` (0 elsewhere,
/// and where a group does not end). One pass finds them all: a group is looked
/// up by its text, and finding its end at each level of nesting would read
/// the inner groups once per level.
pub(super) fn group_ends(pattern: &[u8]) -> Vec<u32> {
    let mut ends = vec![0; pattern.len()];
    let mut open = Vec::new();
    let mut at = 0;
    while at < pattern.len() {
        match pattern[at] {
            b'\\' => at += 1,
            b'[' => at = class_end(pattern, at).unwrap_or(pattern.len()) - 1,
            b'(' => open.push(at),
            b')' => {
                if let Some(o) = open.pop() {
                    ends[o] = u32::try_from(at + 1).expect("a short pattern");
                }
            }
            _ => {}
        }
        at += 1;
    }
    ends
}

/// The end of the class opening at `at` (past its `]`): a `]` first in a
/// class is a member, and an escaped one too.
pub(super) fn class_end(pattern: &[u8], at: usize) -> Option<usize> {
    let mut i = at + 1;
    if pattern.get(i) == Some(&b']') {
        i += 1;
    }
    while *pattern.get(i)? != b']' {
        i += if pattern[i] == b'\\' { 2 } else { 1 };
    }
    Some(i + 1)
}

struct Parser<'a> {
    pattern: &'a str,
    /// Where the parser is, in bytes: always on a char boundary.
    at: usize,
    group_ends: Vec<u32>,
    memo: &'a mut Memo,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.pattern.as_bytes().get(self.at).copied()
    }

    /// The char at the parser, read past.
    fn next_char(&mut self) -> Option<char> {
        let c = self.pattern[self.at..].chars().next()?;
        self.at += c.len_utf8();
        Some(c)
    }

    fn eat(&mut self, c: u8) -> bool {
        let hit = self.peek() == Some(c);
        self.at += usize::from(hit);
        hit
    }

    /// The bytes of the next char when it is a literal that no quantifier follows.
    fn plain_char(&self) -> Option<&'a [u8]> {
        let bytes = &self.pattern.as_bytes()[self.at..];
        let len = match *bytes.first()? {
            b'\\' | b'[' | b']' | b'(' | b')' | b'{' | b'}' | b'|' | b'?' | b'*' | b'+' | b'.' | b'^' | b'$' => {
                return None
            }
            b if b < 0x80 => 1,
            b if b >= 0xF0 => 4,
            b if b >= 0xE0 => 3,
            _ => 2,
        };
        let quantified = matches!(bytes.get(len), Some(b'?' | b'*' | b'+' | b'{'));
        (!quantified).then(|| &bytes[..len])
    }

    fn alternation(&mut self) -> Option<Prefixes> {
        let mut alternatives = vec![self.sequence()?];
        while self.eat(b'|') {
            alternatives.push(self.sequence()?);
        }
        Some(if alternatives.len() == 1 { alternatives.pop()? } else { Prefixes::or_all(alternatives, self.memo) })
    }

    fn sequence(&mut self) -> Option<Prefixes> {
        let mut out = Prefixes::empty();
        while let Some(c) = self.peek() {
            if c == b'|' || c == b')' {
                break;
            }
            if out.0.iter().all(|s| !s.complete()) {
                // Nothing after can change how a match begins.
                self.skip_sequence()?;
                break;
            }
            if let ([seq], Some(bytes)) = (&mut out.0[..], self.plain_char()) {
                // Most of a pattern is words: their chars extend the one
                // sequence in place, as `then` would, without a `Prefixes` each.
                for &b in bytes {
                    if !seq.push(Class::from(b)) {
                        seq.set_complete(false);
                        break;
                    }
                }
                self.at += bytes.len();
                continue;
            }
            let item = self.atom()?;
            let item = self.quantified(item)?;
            out = out.then(&item, self.memo);
        }
        Some(out)
    }

    /// Moves past the rest of a sequence, to the `|` or `)` that ends it.
    fn skip_sequence(&mut self) -> Option<()> {
        let bytes = self.pattern.as_bytes();
        while let Some(c) = self.peek() {
            self.at = match c {
                b'|' | b')' => return Some(()),
                // Past the whole group, where `group_ends` found it ends; an
                // unclosed one runs to the end of the pattern.
                b'(' => match self.group_ends[self.at] as usize {
                    0 => bytes.len(),
                    end => end,
                },
                b'\\' => self.at + 2,
                b'[' => class_end(bytes, self.at)?,
                _ => self.at + 1,
            };
        }
        Some(())
    }

    /// Applies the quantifier that follows, if any.
    fn quantified(&mut self, item: Prefixes) -> Option<Prefixes> {
        let (min, max) = match self.peek() {
            Some(b'?') => (0, Some(1)),
            Some(b'*') => (0, None),
            Some(b'+') => (1, None),
            Some(b'{') => {
                let close = self.pattern[self.at..].find('}')? + self.at;
                let body = &self.pattern[self.at + 1..close];
                let number = |s: &str| s.trim().parse::<u32>().ok();
                let (min, max) = match body.split_once(',') {
                    None => (number(body)?, number(body)),
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
        self.eat(b'?');
        let once = max == Some(1);
        // A repeated class ("[0-9]+", " +") is read as a run of it, which the
        // screen reads past (see `begins`): what follows the run is still
        // read. Any other repeat leaves what follows it unread.
        let item = match &item.0[..] {
            _ if once => item,
            [s] if s.complete() && s.len() == 1 && s.class(0) != ANY_BYTE => {
                let set = self.memo.set(s.class(0));
                Prefixes::class(self.memo.number_run(set), true)
            }
            _ => item.partial(),
        };
        Some(if min == 0 { item.or(Prefixes::empty(), self.memo) } else { item })
    }

    fn atom(&mut self) -> Option<Prefixes> {
        let start = self.at;
        match self.next_char()? {
            '(' => {
                let end = self.group_ends[start] as usize;
                let pattern = self.pattern;
                let key = (end >= start + MEMO_MIN).then(|| &pattern[start..end]);
                if let Some(p) = key.and_then(|text| self.memo.groups.get(text)) {
                    self.at = end;
                    return Some(p.clone());
                }
                let group = self.group();
                if let (Some(text), Some(p)) = (key, &group) {
                    self.memo.groups.insert(text.to_string(), p.clone());
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
        if self.eat(b'?') {
            if self.eat(b':') {
            } else if self.eat(b'P') || self.peek() == Some(b'<') {
                if !self.eat(b'<') {
                    return None;
                }
                let close = self.pattern[self.at..].find('>')?;
                self.at += close + 1;
            } else {
                // Flags such as (?i) change what the rest can match.
                return None;
            }
        }
        let inner = self.alternation()?;
        self.eat(b')').then_some(inner)
    }

    fn literal(c: char) -> Prefixes {
        let mut buf = [0; 4];
        Prefixes::of_bytes(c.encode_utf8(&mut buf).as_bytes())
    }

    /// The char an escape stands for; `None` for a class (`\d`, `\w`, `\p{..}`)
    /// or an assertion (`\b`), which this reading does not list.
    fn escape(&mut self) -> Option<char> {
        match self.next_char()? {
            'x' => {
                let digits = if self.eat(b'{') {
                    let close = self.pattern[self.at..].find('}')? + self.at;
                    let d = &self.pattern[self.at..close];
                    self.at = close + 1;
                    d
                } else {
                    let d = self.pattern.get(self.at..self.at + 2)?;
                    self.at += 2;
                    d
                };
                char::from_u32(u32::from_str_radix(digits, 16).ok()?)
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
        match self.next_char()? {
            '\\' => self.escape(),
            c => Some(c),
        }
    }

    /// A class: one byte when all its members are ASCII; with a few wide
    /// chars among them (the rule files' `['’]`), those chars' bytes as
    /// alternatives, which say what follows as well; else the lead bytes of
    /// its members (UTF-8 keeps code point order, so a range's lead bytes are
    /// those from its first char's to its last's), which say no more.
    fn class(&mut self) -> Option<Prefixes> {
        if self.peek() == Some(b'^') || self.peek() == Some(b']') {
            return None;
        }
        let mut leads = ByteSet::NONE;
        let mut narrow = ByteSet::NONE;
        let mut wide: Vec<char> = Vec::new();
        let mut wide_range = false;
        let lead = |c: char| {
            let mut buf = [0; 4];
            c.encode_utf8(&mut buf);
            buf[0]
        };
        loop {
            let lo = match self.peek()? {
                b']' => {
                    self.at += 1;
                    if wide.is_empty() && !wide_range {
                        return Some(Prefixes::class(self.memo.number(narrow), true));
                    }
                    if wide_range || wide.len() > MAX_WIDE_MEMBERS {
                        return Some(Prefixes::class(self.memo.number(leads), false));
                    }
                    let mut alternatives: Vec<Prefixes> = wide.into_iter().map(Self::literal).collect();
                    if narrow != ByteSet::NONE {
                        alternatives.push(Prefixes::class(self.memo.number(narrow), true));
                    }
                    return Some(Prefixes::or_all(alternatives, self.memo));
                }
                b'[' | b'&' | b'~' => return None,
                _ => self.class_char()?,
            };
            let hi =
                if self.peek() == Some(b'-') && self.pattern.as_bytes().get(self.at + 1).is_some_and(|&c| c != b']') {
                    self.at += 1;
                    if self.peek()? == b'[' {
                        return None;
                    }
                    self.class_char()?
                } else {
                    lo
                };
            if hi < lo {
                return None;
            }
            if hi.is_ascii() {
                for b in lead(lo)..=lead(hi) {
                    narrow.insert(b);
                }
            } else if lo == hi {
                wide.push(lo);
            } else {
                wide_range = true;
            }
            for b in lead(lo)..=lead(hi) {
                leads.insert(b);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A pattern's prefixes, with the memo that numbers their classes.
    struct Read(Prefixes, Memo);

    fn of(pattern: &str) -> Read {
        let mut memo = Memo::default();
        Read(of_with(pattern, &mut memo), memo)
    }

    impl Read {
        fn first_bytes(&self) -> ByteSet {
            self.0.first_bytes(&self.1)
        }

        fn may_begin(&self, text: &[u8]) -> bool {
            self.0.may_begin(text, &self.1)
        }

        fn screen(&self) -> Screen {
            Screen::new(&self.0, &self.1)
        }
    }

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
        // A repeated class is a run of it, read past; other repeats leave
        // what follows them unread.
        let p = of("a+b");
        assert!(p.may_begin(b"aab") && p.may_begin(b"ab") && !p.may_begin(b"b") && !p.may_begin(b"aac"));
        let p = of("(?:ab)+c");
        assert!(p.may_begin(b"abc") && p.may_begin(b"abx"));
    }

    #[test]
    fn a_run_of_a_class_is_read_past_unless_its_end_is_unknown() {
        let p = of("[0-9]+ ans|[0-9]*x");
        for yes in ["3 ans", "2024  ans", "12x", "x"] {
            assert!(p.may_begin(yes.as_bytes()), "{yes}");
            assert!(p.screen().may_begin(yes.as_bytes()), "{yes}");
        }
        for no in ["3 mois", "2024 novembre", "12y", "3ans"] {
            assert!(!p.may_begin(no.as_bytes()), "{no}");
            assert!(!p.screen().may_begin(no.as_bytes()), "{no}");
        }
        // What follows the run may continue it: where it ends is not known.
        let p = of("[0-9]+[0-5]x");
        for yes in ["12x", "19y", "1"] {
            assert!(p.may_begin(yes.as_bytes()), "{yes}");
            assert!(p.screen().may_begin(yes.as_bytes()), "{yes}");
        }
        assert!(!p.may_begin(b"ax"));
    }

    #[test]
    fn a_class_with_a_few_wide_chars_is_read_past_them() {
        // The rule files' apostrophe, either one: what follows it still counts.
        let p = of("l['’] *(?:matin|soir)");
        for yes in ["l'matin", "l’soir", "l' matin", "l’ soir"] {
            assert!(p.may_begin(yes.as_bytes()), "{yes}");
            assert!(p.screen().may_begin(yes.as_bytes()), "{yes}");
        }
        for no in ["l'ambassade", "l’Etat", "l’", "l\u{2019}", "l\u{2018}matin", "lmatin"] {
            assert!(!p.may_begin(no.as_bytes()), "{no}");
            assert!(!p.screen().may_begin(no.as_bytes()), "{no}");
        }
        // ASCII and wide members together.
        let p = of("[a-c€]x");
        for yes in ["ax", "cx", "€x"] {
            assert!(p.may_begin(yes.as_bytes()), "{yes}");
        }
        for no in ["dx", "ay", "€y", "\u{20AD}x"] {
            assert!(!p.may_begin(no.as_bytes()), "{no}");
        }
        // A range of wide chars gives its lead bytes, and says no more.
        let p = of("[à-ÿ]x");
        assert!(p.may_begin("éy".as_bytes()) && !p.may_begin(b"ex"));
    }

    #[test]
    fn a_run_of_spaces_is_read_past() {
        let p = of("de +la +veille|hier");
        for yes in ["de la veille", "de  la   veille", "hier"] {
            assert!(p.may_begin(yes.as_bytes()), "{yes}");
            assert!(p.screen().may_begin(yes.as_bytes()), "{yes}");
        }
        for no in ["de le", "de", "dela", "de  li"] {
            assert!(!p.may_begin(no.as_bytes()), "{no}");
            assert!(!p.screen().may_begin(no.as_bytes()), "{no}");
        }
        // A space, then something that may be a space: the run's end is unknown.
        assert!(of("a +[ b]x").may_begin(b"a  x"));
        let p = of(" +b");
        assert!(p.screen().may_begin(b"   b") && !p.screen().may_begin(b"  x"));
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
        assert!(p.0 .0.len() <= MAX_SEQS);
        assert!(words.iter().all(|w| p.may_begin(format!("{w} y").as_bytes())));
        assert!(!p.may_begin(b"v001x y"));
    }

    #[test]
    fn classes_past_the_numbered_ones_stand_for_any_byte() {
        let letters: Vec<char> = ('a'..='z').collect();
        let pairs: Vec<String> = letters
            .iter()
            .flat_map(|&a| letters.iter().filter(move |&&b| a < b).map(move |&b| format!("{a}{b}")))
            .collect();
        assert!(pairs.len() > usize::from(ANY_BYTE - 256));
        let mut memo = Memo::default();
        for pair in &pairs {
            let p = of_with(&format!("[{pair}]x"), &mut memo);
            let screen = Screen::new(&p, &memo);
            assert!(screen.may_begin(format!("{}x", &pair[1..]).as_bytes()), "{pair}");
        }
        assert_eq!(memo.set(ANY_BYTE), ByteSet::ALL);
        assert_eq!(memo.classes.len(), usize::from(ANY_BYTE - 256));
    }

    #[test]
    fn the_screen_answers_as_the_sequences_do() {
        let texts = ["le 3 mai", "la 12 mai", "3 mai", "", "l", "lundi", "été", "Ét", "étu", "x", "aab", "w001x y"];
        for pattern in ["(?:le |la )?(?P<day>[0-3][0-9]?) mai", r"été|\x{C9}t|[à-â]x", "a+b", "a?", "(?:w[0-9]+x|v) y"]
        {
            let p = of(pattern);
            let screen = p.screen();
            for t in texts {
                assert_eq!(screen.may_begin(t.as_bytes()), p.may_begin(t.as_bytes()), "{pattern} on {t:?}");
            }
        }
    }

    /// One screen for many rules tells each apart: rules share its nodes, and
    /// one may pass where another sharing the way does not.
    #[test]
    fn a_screen_of_many_rules_answers_for_each_as_its_own_does() {
        let patterns = [
            "(?:le |la )?(?P<day>[0-3][0-9]?) mai",
            "le +[0-9]+ +juin",
            "le +lendemain|la +veille",
            "de +la +veille|hier",
            "a +[ b]x",
            " +b",
            r"été|\x{C9}t|[à-â]x",
            "a+b",
            "a?",
            "(?:w[0-9]+x|v) y",
            "le",
        ];
        let texts = [
            "le 3 mai",
            "le  12   juin",
            "le 3 juin",
            "le lendemain",
            "la  veille",
            "de la veille",
            "de  la  vie",
            "a  x",
            "a   b",
            "a  c",
            "  b",
            " c",
            "été",
            "Ét",
            "aab",
            "w001x y",
            "l",
            "",
            "x",
        ];
        let mut memo = Memo::default();
        let read: Vec<Prefixes> = patterns.iter().map(|p| of_with(p, &mut memo)).collect();
        let screen = Screen::of_rules(&read, &memo);
        let all = (1 << patterns.len()) - 1;
        for t in texts {
            let passing = screen.passing(t.as_bytes(), all);
            for (r, p) in read.iter().enumerate() {
                let own = p.may_begin(t.as_bytes(), &memo);
                assert_eq!(passing >> r & 1 == 1, own, "{} on {t:?}", patterns[r]);
                // Asked alone, it answers the same.
                assert_eq!(screen.passing(t.as_bytes(), 1 << r) != 0, own, "{} on {t:?}", patterns[r]);
            }
        }
    }

    #[test]
    fn what_it_cannot_read_or_may_be_empty_says_nothing() {
        for p in ["(?i)mai", r"\w+", "[^a]b", "a?", "x|", ".a", r"[[:alpha:]]", "(a", "[a"] {
            assert!(of(p).0.says_nothing(), "{p}");
        }
    }
}

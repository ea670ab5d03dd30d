//! Token-level reading of an article for the quotes layer: which tokens are
//! cue verbs, and where the speaker phrase of a cue starts and ends. Every
//! search here looks at a bounded window of tokens around one position.

use crate::lang::Lang;
use crate::segment::{Doc, TokenKind};
use crate::word_lists::{self, WordLists};

use super::lexicon::{lexicon, Class, Gender, Lexicon, NounClass, VerbForm};

/// The longest speaker phrase, in tokens.
const MAX_PHRASE: usize = 12;
/// How far a cue may look for its complementiser ("said late on Thursday that").
const MAX_COMP_GAP: usize = 6;

/// The document with per-token facts the quotes layer needs.
pub struct Reader<'a> {
    pub doc: &'a Doc<'a>,
    pub lex: &'static Lexicon,
    /// Lowercase token texts, with ’ read as '.
    pub low: Vec<&'a str>,
    /// The word lists of each token ([`Doc::word_lists`]): the verb, noun
    /// and grammar look-ups are made only for tokens their bit lets through.
    pub lists: &'a [WordLists],
    /// The reporting verb starting at each token.
    pub cue: Vec<Option<VerbForm>>,
    /// The sentence of each token.
    pub sentence: Vec<usize>,
    /// Whether a token lies inside quoted content.
    pub quoted: Vec<bool>,
    /// Whether an entity mention starts at a token: the entity layer's word
    /// that a lone capital opening a sentence is a name ("Labour called…").
    pub named: Vec<bool>,
    /// Whether a token lies in an entity mention after its first token: the
    /// function words of a name ("l'Institut pour l'étude de la guerre")
    /// belong to it.
    pub inside_name: Vec<bool>,
    /// Whether a token lies in an adverbial of several words ("pour sa
    /// part"), which reads as one adverb between an auxiliary and its verb.
    adverbial: Vec<bool>,
}

/// A speaker phrase as the words give it, before resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Found {
    /// A noun phrase: tokens `from..to`.
    Phrase { from: usize, to: usize },
    /// A personal pronoun at a token.
    Pronoun { tok: usize, gender: Gender },
    /// A relative pronoun ("qui a ajouté"): the speaker is its antecedent.
    Relative { tok: usize },
}

impl<'a> Reader<'a> {
    #[inline(never)] // a function of its own for the wasm tier-up: DESIGN.md
    pub fn new(doc: &'a Doc<'a>) -> Reader<'a> {
        let lex = lexicon(doc.lang);
        let low = doc.lower_words();
        let mut sentence = vec![usize::MAX; doc.tokens.len()];
        for (k, s) in doc.sentences.iter().enumerate() {
            for slot in &mut sentence[s.tokens.clone()] {
                *slot = k;
            }
        }
        let mut r = Reader {
            doc,
            lex,
            low,
            lists: doc.word_lists(),
            cue: Vec::new(),
            sentence,
            quoted: vec![false; doc.tokens.len()],
            named: vec![false; doc.tokens.len()],
            inside_name: vec![false; doc.tokens.len()],
            adverbial: vec![false; doc.tokens.len()],
        };
        let mut i = 0;
        while i < r.low.len() {
            let n = if r.lists[i].any_of(word_lists::QUOTE_ADVERBIALS) {
                lex.adverbial_at(&r.low[i..r.low.len().min(i + 5)]).unwrap_or(1)
            } else {
                1
            };
            if n > 1 {
                r.adverbial[i..i + n].fill(true);
            }
            i += n;
        }
        r.cue = (0..doc.tokens.len()).map(|i| r.find_cue(i)).collect();
        r
    }

    pub fn len(&self) -> usize {
        self.doc.tokens.len()
    }

    pub fn text(&self, i: usize) -> &'a str {
        self.doc.tok(&self.doc.tokens[i])
    }

    pub fn class(&self, i: usize) -> Option<Class> {
        // A word ending in a dot is looked up without it, under another key.
        let w = self.low.get(i)?;
        if self.adverbial[i] {
            return Some(Class::Adverb);
        }
        // "The WHO said", "the US": a name in capitals is no grammar word.
        if self.named[i] && self.is_acronym(i) {
            return None;
        }
        (self.lists[i].any_of(word_lists::QUOTE_GRAMMAR) || w.ends_with('.')).then(|| self.lex.class(w)).flatten()
    }

    pub fn noun(&self, i: usize) -> Option<(Gender, NounClass)> {
        let w = self.low.get(i)?;
        self.lists[i].any_of(word_lists::QUOTE_NOUNS).then(|| self.lex.noun(w)).flatten()
    }

    pub fn is_punct(&self, i: usize) -> bool {
        self.doc.tokens[i].kind == TokenKind::Punct
    }

    pub fn is(&self, i: usize, s: &str) -> bool {
        self.low.get(i).is_some_and(|w| *w == s)
    }

    pub fn is_cap(&self, i: usize) -> bool {
        matches!(self.doc.tokens[i].kind, TokenKind::Word)
            && self.text(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// A capitalised word that is not a function word: part of a name.
    pub fn is_name_word(&self, i: usize) -> bool {
        self.is_cap(i)
            && !matches!(self.class(i), Some(c) if !matches!(c, Class::Title(_)))
            && !self.doc.is_party_tag(i)
    }

    /// Whether the verb at `v` is negated, looking back past auxiliaries and
    /// adverbs: "n'a pas dit", "has not said", "didn't say".
    pub fn is_negated(&self, v: usize) -> bool {
        let lo = self.sentence_bounds(v).0.max(v.saturating_sub(5));
        (lo..v)
            .rev()
            .take_while(|&k| matches!(self.class(k), Some(Class::Aux | Class::Adverb)))
            .any(|k| self.lex.is_negation(self.low[k]))
    }

    /// Whether token `i` joins two verbs of one subject ("et", "and").
    pub fn is_coordinator(&self, i: usize) -> bool {
        self.lex.is_coordinator(self.low[i])
    }

    pub fn is_quote_mark(&self, i: usize) -> bool {
        self.is_punct(i) && matches!(self.text(i), "«" | "»" | "“" | "”" | "„" | "\"" | "‹" | "›" | "‘" | "’" | "'")
    }

    /// Whether the punctuation at `i` ends a sentence.
    pub fn is_terminal(&self, i: usize) -> bool {
        self.is_punct(i)
            && matches!(self.text(i).chars().next(), Some('.' | '!' | '?' | '…'))
            && !(i > 0 && self.is_title_dot(i))
    }

    /// "M.", "Mr." or "J.": the dot of an honorific or an initial.
    pub fn is_title_dot(&self, i: usize) -> bool {
        // A dot that opens the text follows nothing, so it is no title's dot.
        if i == 0 || self.text(i) != "." || self.doc.tokens[i - 1].end != self.doc.tokens[i].start {
            return false;
        }
        let prev = self.text(i - 1);
        let mut chars = prev.chars();
        let initial = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
        initial || matches!(self.class(i - 1), Some(Class::Title(_))) || self.doc.is_abbreviation_dot(i)
    }

    pub fn sentence_bounds(&self, i: usize) -> (usize, usize) {
        match self.doc.sentences.get(self.sentence[i]) {
            Some(s) => (s.tokens.start, s.tokens.end),
            None => (i, i + 1),
        }
    }

    fn find_cue(&self, i: usize) -> Option<VerbForm> {
        let kind = self.doc.tokens[i].kind;
        if !matches!(kind, TokenKind::Word) {
            return None;
        }
        if !self.lists[i].any_of(word_lists::QUOTE_VERBS) {
            return None;
        }
        let end = (i + 4).min(self.len());
        let words: &[&str] = &self.low[i..end];
        let form = self.lex.verb_at(words)?;
        // After a determiner the word is a noun: "le juge", "the report".
        if i > 0
            && matches!(
                self.class(i - 1),
                Some(Class::Det(_) | Class::Demonstrative(_) | Class::Indefinite | Class::Of)
            )
        {
            return None;
        }
        // A capitalised form inside a sentence is a name ("Note", "Reports").
        let starts = self.doc.sentences.get(self.sentence[i]).is_some_and(|s| s.tokens.start == i);
        if self.is_cap(i) && !starts && i > 0 && !self.is_quote_mark(i - 1) {
            return None;
        }
        if form.not_reflexive && self.reflexive_before(i) {
            return None;
        }
        // "a-t-on appris", "apprend-on": the clitic after the verb, or before it after an auxiliary.
        let on = |k: usize| {
            self.doc.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Clitic) && self.low[k].ends_with("on")
        };
        if form.impersonal && !(on(i + form.len) || i > 0 && on(i - 1)) {
            return None;
        }
        Some(form)
    }

    /// The source an impersonal cue names after it: "a-t-on appris auprès des
    /// pompiers", "de source policière". `from` is the first token after the cue.
    pub fn source_after_impersonal(&self, from: usize, hi: usize) -> Option<Found> {
        let start = if self.is(from, "auprès") && matches!(self.low.get(from + 1).copied(), Some("de" | "d'")) {
            from + 2
        } else if self.is(from, "auprès")
            || self.is(from, "de") && matches!(self.low.get(from + 1).copied(), Some("source" | "sources"))
        {
            from + 1
        } else {
            return None;
        };
        let to = (start..hi.min(start + 8)).find(|&k| self.is_punct(k)).unwrap_or(hi.min(start + 8));
        (to > start).then_some(Found::Phrase { from: start, to })
    }

    /// Whether token `k` is the French third-person reflexive clitic ("se",
    /// "s'", "s'est" written as one token).
    fn is_reflexive_clitic(&self, k: usize) -> bool {
        matches!(self.low[k], "se" | "s'" | "s'est")
    }

    /// Whether a reflexive clitic comes before the verb at `i`, past auxiliaries
    /// and adverbs: "se rappelle", "s'est aussitôt lancé".
    fn reflexive_before(&self, i: usize) -> bool {
        let lo = i.saturating_sub(5);
        for k in (lo..i).rev() {
            if self.is_reflexive_clitic(k) {
                return true;
            }
            if !matches!(self.class(k), Some(Class::Aux | Class::Adverb)) {
                return false;
            }
        }
        false
    }

    /// Skips words that may separate a verb from its subject: auxiliaries,
    /// adverbs, negation, object clitics ("l'a rappelé", "a par ailleurs fait").
    fn skip_back(&self, mut k: usize, lo: usize) -> Option<usize> {
        // A handful of auxiliaries and adverbs at most: a flood of them is no clause.
        for _ in 0..8 {
            // "The UN refugee agency (UNHCR) said": an acronym in brackets
            // repeats the name before it.
            if self.text(k) == ")" && k >= lo + 3 && self.text(k - 2) == "(" && self.is_acronym(k - 1) {
                k -= 3;
                continue;
            }
            match self.class(k) {
                Some(Class::Aux | Class::Adverb) => {}
                Some(Class::Det(_))
                    if self.doc.tokens[k].kind == TokenKind::Elision
                        && matches!(self.class(k + 1), Some(Class::Aux)) => {}
                _ => return Some(k),
            }
            if k == lo {
                return None;
            }
            k -= 1;
        }
        None
    }

    /// Whether token `k` is a word in capitals, as acronyms are ("OCHA", "LR").
    fn is_acronym(&self, k: usize) -> bool {
        let w = self.text(k);
        self.doc.tokens[k].kind == TokenKind::Word
            && w.len() > 1
            && w.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
            && !w.bytes().any(|b| b.is_ascii_lowercase())
    }

    /// The inverted clitic of a French cue: "dit-elle", "a-t-il ajouté".
    pub fn clitic_of(&self, v: usize) -> Option<Found> {
        let clitic = |k: usize| -> Option<Found> {
            if self.doc.tokens.get(k)?.kind != TokenKind::Clitic {
                return None;
            }
            match self.class(k) {
                Some(Class::Pronoun(g)) => Some(Found::Pronoun { tok: k, gender: g }),
                _ => None,
            }
        };
        let len = self.cue[v].map_or(1, |f| f.len);
        clitic(v + len).or_else(|| {
            if v >= 2 && matches!(self.class(v - 2), Some(Class::Aux)) {
                clitic(v - 1)
            } else {
                None
            }
        })
    }

    /// The subject before a cue verb at `v`, looking no further back than `lo`.
    pub fn subject_before(&self, v: usize, lo: usize) -> Option<Found> {
        if v <= lo {
            return None;
        }
        let k = self.skip_back(v - 1, lo)?;
        match self.class(k) {
            Some(Class::Pronoun(g)) if self.doc.tokens[k].kind != TokenKind::Clitic => {
                return Some(Found::Pronoun { tok: k, gender: g })
            }
            Some(Class::Relative) => return Some(Found::Relative { tok: k }),
            // "the only finding that suggests": "that" after a noun is a relative pronoun.
            Some(Class::Complementiser)
                if self.doc.lang == Lang::En && k > lo && self.doc.tokens[k - 1].kind == TokenKind::Word =>
            {
                return Some(Found::Relative { tok: k })
            }
            _ => {}
        }
        if self.text(k) == "," {
            return self.subject_in_segments(k, lo);
        }
        let from = self.phrase_back(k, lo)?;
        Some(Found::Phrase { from, to: k + 1 })
    }

    /// A described subject opening a clause at `k`: a determiner, a person or
    /// body noun, its complement, then the verb's auxiliary or the verb ("Le
    /// préfet de la Haute-Marne a visité", "The mayor said").
    pub fn described_subject(&self, k: usize, hi: usize) -> Option<Found> {
        if !matches!(self.class(k), Some(Class::Det(_) | Class::Demonstrative(_)))
            || !matches!(self.noun(k + 1), Some((_, NounClass::Role | NounClass::Body | NounClass::Epithet)))
        {
            return None;
        }
        let mut to = k + 2;
        // English adjectives come first: a plain lowercase word after the noun
        // is most likely the verb ("His lawyers sought leniency, arguing…").
        let plain_verb = |j: usize| self.doc.lang == Lang::En && self.is_plain_word(j);
        while to < hi && to - k < MAX_PHRASE && (self.phrase_word(to) || matches!(self.class(to), Some(Class::Det(_))))
        {
            if plain_verb(to) {
                return Some(Found::Phrase { from: k, to });
            }
            to += 1;
        }
        // Or a comma: an apposition or an aside comes first ("Le maire, lui,
        // reste prudent"); an apposed name is the subject's ("La ministre, Marie Roux,").
        if to < hi && self.text(to) == "," {
            return Some(self.apposed_name(k, to, hi).unwrap_or(Found::Phrase { from: k, to }));
        }
        let verb_next = to < hi && (matches!(self.class(to), Some(Class::Aux)) || self.cue[to].is_some());
        verb_next.then_some(Found::Phrase { from: k, to })
    }

    /// Walks back over a noun phrase ending at `k`; its first token, if the
    /// phrase starts at a boundary and has a head.
    fn phrase_back(&self, k: usize, lo: usize) -> Option<usize> {
        let mut from = k + 1;
        while from > lo && k + 1 - from < MAX_PHRASE {
            let j = from - 1;
            // A preposition after a speaker noun links its complement: "L'adjoint
            // au maire", "a spokesman for the firm".
            let linked = matches!(self.class(j), Some(Class::Prep)) && j > lo && self.noun(j - 1).is_some()
                || self.inside_name[j + 1];
            if !self.phrase_word(j) && !linked {
                break;
            }
            from = j;
        }
        if from > k {
            return None;
        }
        // The phrase must start at a boundary: not in the middle of a clause.
        if from > lo && k + 1 - from >= MAX_PHRASE {
            return None;
        }
        if from > lo {
            let b = from - 1;
            let boundary = self.is_punct(b)
                || matches!(self.class(b), Some(Class::Conjunction | Class::Complementiser | Class::Relative))
                || self.cue[b].is_some();
            if !boundary {
                return None;
            }
        }
        // Trim leading words that cannot begin a noun phrase: it starts at a
        // determiner, a capital or a speaker noun.
        while from <= k && matches!(self.class(from), Some(Class::Of | Class::Prep)) {
            from += 1;
        }
        let opens = |j: usize| {
            matches!(self.class(j), Some(Class::Det(_) | Class::Demonstrative(_) | Class::Indefinite | Class::Title(_)))
                || self.is_cap(j)
        };
        if from <= k && !opens(from) {
            if let Some(j) = (from..=k).find(|&j| opens(j)) {
                from = j;
            }
        }
        // "The senator posted a video saying…": in English, where adjectives
        // come first, a determiner after a plain lowercase word (a verb, most
        // likely) starts the phrase again. Not in French: "Le ministère russe des…".
        let english = self.doc.lang == Lang::En;
        if let Some(j) = (from + 1..k)
            .rev()
            .filter(|_| english)
            .find(|&j| matches!(self.class(j), Some(Class::Det(_) | Class::Indefinite)) && self.is_plain_word(j - 1))
        {
            from = j;
        }
        let determined = matches!(self.class(from), Some(Class::Det(_) | Class::Demonstrative(_) | Class::Indefinite));
        (from <= k && (self.has_head(from, k + 1) || determined && from < k)).then_some(from)
    }

    /// Whether token `j` is a plain lowercase word: no function word, speaker
    /// noun or name. In English, after a noun phrase, most likely its verb.
    pub fn is_plain_word(&self, j: usize) -> bool {
        self.doc.tokens[j].kind == TokenKind::Word
            && self.class(j).is_none()
            && self.noun(j).is_none()
            && !self.is_cap(j)
    }

    /// Whether token `j` is the number or the hyphen of "the 53-year-old".
    pub fn in_age_epithet(&self, j: usize) -> bool {
        let glued = |k: usize| k < self.len() && k > 0 && self.doc.tokens[k].start == self.doc.tokens[k - 1].end;
        let epithet = |k: usize| glued(k) && matches!(self.noun(k), Some((_, NounClass::Epithet)));
        match self.doc.tokens[j].kind {
            TokenKind::Number => self.is(j + 1, "-") && glued(j + 1) && epithet(j + 2),
            TokenKind::Punct => self.is(j, "-") && glued(j) && epithet(j + 1),
            _ => false,
        }
    }

    /// Whether token `j` may sit inside a speaker phrase.
    fn phrase_word(&self, j: usize) -> bool {
        let t = &self.doc.tokens[j];
        match t.kind {
            TokenKind::Word | TokenKind::Elision => {}
            TokenKind::Number | TokenKind::Punct if self.in_age_epithet(j) => return true,
            TokenKind::Punct => return self.text(j) == "." && j > 0 && self.is_title_dot(j),
            _ => return false,
        }
        if self.cue[j].is_some() {
            return false;
        }
        !matches!(
            self.class(j),
            Some(
                Class::Conjunction
                    | Class::Complementiser
                    | Class::Relative
                    | Class::Prep
                    | Class::Aux
                    | Class::Pronoun(_)
                    | Class::Source
            )
        )
    }

    /// Whether tokens `from..to` name somebody: a capitalised name or a speaker noun.
    pub fn has_head(&self, from: usize, to: usize) -> bool {
        (from..to).any(|j| self.is_name_word(j) || self.noun(j).is_some())
    }

    /// "X, apposition, a déclaré": picks the name among comma-separated segments.
    fn subject_in_segments(&self, comma: usize, lo: usize) -> Option<Found> {
        let mut end = comma;
        let mut fallback = None;
        for _ in 0..4 {
            if end <= lo {
                break;
            }
            let mut from = end;
            while from > lo && end - from < MAX_PHRASE + 4 && (!self.is_punct(from - 1) || self.is_title_dot(from - 1))
            {
                from -= 1;
            }
            if from == end {
                break;
            }
            let first = from;
            let kind = self.segment_kind(first, end);
            match kind {
                Segment::Name => return Some(Found::Phrase { from: first, to: end }),
                Segment::Described => {
                    if fallback.is_none() {
                        fallback = Some(Found::Phrase { from: first, to: end });
                    }
                }
                Segment::Apposition | Segment::Adjunct => {}
                Segment::Other => break,
            }
            if from == lo || self.text(from - 1) != "," {
                break;
            }
            end = from - 1;
        }
        fallback
    }

    fn segment_kind(&self, from: usize, to: usize) -> Segment {
        let first_class = self.class(from);
        if matches!(first_class, Some(Class::Prep | Class::Adverb | Class::Source))
            || self.doc.tokens[from].kind == TokenKind::Number
        {
            return Segment::Adjunct;
        }
        // "Giorgia Meloni, who was attending a summit, said": a relative
        // clause describes the name before it, as an apposition does.
        if matches!(first_class, Some(Class::Indefinite | Class::Relative)) {
            return Segment::Apposition;
        }
        if (from..to).any(|j| {
            self.cue[j].is_some()
                || matches!(self.class(j), Some(Class::Aux | Class::Verb | Class::Relative | Class::Complementiser))
        }) {
            return Segment::Other;
        }
        let names = (from..to).all(|j| {
            self.is_name_word(j)
                || self.is_title_dot(j)
                || matches!(self.class(j), Some(Class::Title(_)) | Some(Class::Of))
        });
        if names && self.is_name_word(to - 1) {
            return Segment::Name;
        }
        if self.noun(from).is_some() && !self.is_cap(from) {
            return Segment::Apposition;
        }
        if matches!(first_class, Some(Class::Det(_) | Class::Demonstrative(_))) && self.has_head(from, to) {
            return Segment::Described;
        }
        if self.has_head(from, to) && self.is_cap(from) {
            return Segment::Described;
        }
        Segment::Adjunct
    }

    /// The gender an apposition gives a bare name: "L'avocate, Claire Roux," or "Paul Roux, le maire,".
    pub fn apposition_gender(&self, from: usize, to: usize) -> Gender {
        // The gender of an apposition's head: its determiner, else its first noun.
        let head_gender = |a: usize, b: usize| -> Option<Gender> {
            for k in a..b {
                match self.class(k) {
                    Some(Class::Det(g) | Class::Demonstrative(g) | Class::Title(g)) if g != Gender::Unknown => {
                        return Some(g)
                    }
                    // ", a engagé la réforme": a verb follows, no apposition.
                    Some(Class::Of | Class::Prep | Class::Aux | Class::Verb) => return None,
                    _ => {}
                }
                if let Some((g, _)) = self.noun(k) {
                    return (g != Gender::Unknown).then_some(g);
                }
            }
            None
        };
        if from > 1 && self.text(from - 1) == "," {
            let mut k = from - 1;
            // Within the sentence: a headline before it may end with no stop.
            let floor = from.saturating_sub(8).max(self.sentence_bounds(from).0);
            while k > floor && !self.is_punct(k - 1) {
                k -= 1;
            }
            if let Some(g) = head_gender(k, from - 1) {
                return g;
            }
        }
        if to < self.len() && self.text(to) == "," {
            let mut end = to + 1;
            while end < self.len() && end < to + 8 && !self.is_punct(end) {
                end += 1;
            }
            if let Some(g) = head_gender(to + 1, end) {
                return g;
            }
        }
        Gender::Unknown
    }

    /// The subject after an inverted cue ("a déclaré le ministre", "said Mr. Reeves").
    /// Returns the phrase and the media outlet of a "told Reuters"-like object, if any.
    pub fn subject_after(&self, v: usize, hi: usize) -> (Option<Found>, Option<(usize, usize)>) {
        let mut k = v + self.cue[v].map_or(1, |f| f.len);
        let mut via = None;
        let mut guard = 0;
        while k < hi && guard < 8 {
            guard += 1;
            match self.class(k) {
                Some(Class::Adverb) => k += 1,
                // A prepositional phrase between verb and subject: "à la presse", "to reporters".
                Some(Class::Prep) if !self.is(k, "par") && !self.is(k, "by") => {
                    let mut j = k + 1;
                    while j < hi && j - k <= 4 && (self.phrase_word(j) || matches!(self.class(j), Some(Class::Det(_))))
                    {
                        if matches!(self.noun(j), Some((_, NounClass::Media))) {
                            via = Some((k + 1, j + 1));
                        }
                        j += 1;
                        // A determiner or a name starts the subject, once the
                        // preposition has its own noun: "à l'AFP Fabien Villedieu",
                        // "à l'AFP une source médicale".
                        let has_noun = !matches!(self.class(j - 1), Some(Class::Det(_)));
                        let opens = matches!(self.class(j), Some(Class::Det(_) | Class::Indefinite));
                        if j < hi && has_noun && (opens || self.is_name_word(j)) {
                            break;
                        }
                    }
                    k = j;
                }
                _ => break,
            }
        }
        if k >= hi {
            return (None, via);
        }
        if self.doc.lang == Lang::En && matches!(self.class(k), Some(Class::Pronoun(_))) {
            return (None, via);
        }
        let from = k;
        let mut to = k;
        while to < hi
            && to - from < MAX_PHRASE
            && (self.phrase_word(to) || matches!(self.class(to), Some(Class::Det(_) | Class::Demonstrative(_))))
        {
            // A name ends at a lowercase word that is not a speaker noun or a link.
            if to > from
                && self.is_name_word(to - 1)
                && !self.is_title_dot(to)
                && !self.is_cap(to)
                && !matches!(self.class(to), Some(Class::Of | Class::Det(_)))
                && self.noun(to).is_none()
            {
                break;
            }
            to += 1;
        }
        while to > from && matches!(self.class(to - 1), Some(Class::Of | Class::Det(_))) {
            to -= 1;
        }
        let starts_well = !matches!(self.class(from), Some(Class::Of | Class::Prep));
        // "said the mayor.": a determiner phrase closing the clause, or followed
        // by a prepositional phrase ("a précisé la compagnie dans un communiqué"),
        // is the subject.
        let closes = to >= hi || self.is_punct(to) || matches!(self.class(to), Some(Class::Prep));
        let determined = matches!(self.class(from), Some(Class::Det(_) | Class::Demonstrative(_) | Class::Indefinite))
            && to > from + 1;
        if to > from && starts_well && (self.has_head(from, to) || determined && closes) {
            let found = self.apposed_name(from, to, hi).unwrap_or(Found::Phrase { from, to });
            (Some(found), via)
        } else {
            (None, via)
        }
    }

    /// "a indiqué le porte-parole de la Maison Blanche, Ari Fleischer.": the
    /// name apposed to a title that ends the clause is the speaker. A
    /// parenthesis may come between ("la secrétaire à l'Intérieur
    /// (Environnement), Gale Norton").
    ///
    /// The apposition may run past the caller's window (`hi`), to the sentence's
    /// end: the name then is the same for every quote the cue introduces.
    pub fn apposed_name(&self, from: usize, to: usize, hi: usize) -> Option<Found> {
        if !(from..to).any(|j| matches!(self.noun(j), Some((_, NounClass::Role)))) {
            return None;
        }
        let hi = hi.max(self.sentence_bounds(from).1).min(self.len());
        // The title's own complement may run on: "la secrétaire à l'Intérieur".
        let mut k = to;
        while k < hi && k - to < 6 && !self.is_punct(k) && self.cue[k].is_none() {
            k += 1;
        }
        if k < hi && self.is(k, "(") {
            k = (k + 1..hi.min(k + 6)).find(|&j| self.is(j, ")"))? + 1;
        }
        if !(k < hi && self.is(k, ",")) {
            return None;
        }
        let name = k + 1;
        let mut end = name;
        // A capitalised article inside the name: "Bruno Le Maire".
        let inner = |k: usize| k > name && k + 1 < hi && self.is_cap(k) && self.is_name_word(k + 1);
        while end < hi && end - name < 4 && (self.is_name_word(end) || self.is_title_dot(end) || inner(end)) {
            end += 1;
        }
        let closes = end >= hi || self.is_terminal(end) || self.is(end, ",");
        (end > name && self.is_name_word(end - 1) && closes).then_some(Found::Phrase { from: name, to: end })
    }

    /// The complement clause of a cue: its first token, when the verb takes one.
    pub fn complement_start(&self, v: usize, hi: usize) -> Option<usize> {
        let form = self.cue[v]?;
        let after = v + form.len;
        for k in after..(after + MAX_COMP_GAP).min(hi) {
            // "alors que", "parce que", "so that": a subordinate clause, not what was said.
            if matches!(self.class(k), Some(Class::Complementiser))
                && k > after
                && matches!(self.class(k - 1), Some(Class::Subordinator))
            {
                break;
            }
            if matches!(self.class(k), Some(Class::Complementiser)) {
                return (k + 1 < hi).then_some(k + 1);
            }
            if self.is_punct(k) || self.is_quote_mark(k) || self.cue[k].is_some() && k > after {
                break;
            }
        }
        if after >= hi {
            return None;
        }
        let next = after;
        // "fait état d'une attaque": a verb phrase ending in "état" takes "de".
        if form.len > 1 && matches!(self.class(next), Some(Class::Of)) && self.doc.lang == Lang::Fr {
            let skip = if self.doc.tokens[next].kind == TokenKind::Elision || self.is(next, "de") { 1 } else { 0 };
            return Some(next + skip);
        }
        // "se dit favorable", "s'est dit prêt".
        if self.doc.lang == Lang::Fr && v > 0 && self.is_reflexive_clitic(v - 1) && self.low[v].starts_with("di") {
            return (!self.is_punct(next)).then_some(next);
        }
        // "estimant le coût à…": a participle with a noun phrase.
        if form.participle && self.doc.lang == Lang::Fr && matches!(self.class(next), Some(Class::Det(_))) {
            return Some(next);
        }
        if form.bare && self.doc.lang == Lang::En {
            // After a quote ("” said Mr. Reeves") the verb is inverted and takes no clause.
            let inverted = v > 1 && (self.is_quote_mark(v - 1) || self.text(v - 1) == "," && self.is_quote_mark(v - 2));
            // "said on Monday it had…", "said late Thursday the…": a time adverbial first.
            let mut next = next;
            while next + 2 < hi
                && (matches!(self.class(next), Some(Class::Adverb))
                    || matches!(self.class(next), Some(Class::Prep))
                        && matches!(self.class(next + 1), Some(Class::Adverb)))
            {
                next += if matches!(self.class(next), Some(Class::Prep)) { 2 } else { 1 };
            }
            // A title after the verb starts its subject (", said Mr. Reeves"),
            // unless a word other than a comma comes before the verb: "Prosecutors
            // say Mr. Alvarez wired…".
            let title_subject = matches!(self.class(next), Some(Class::Title(_)))
                && (v == 0 || self.is_punct(v - 1) || !matches!(self.doc.tokens[v - 1].kind, TokenKind::Word));
            // "said a spokesman" inverts; "said one civilian was wounded" has
            // its clause's verb a few words on.
            let indefinite_clause = matches!(self.class(next), Some(Class::Indefinite))
                && (next + 2..(next + 6).min(hi))
                    .take_while(|&k| !self.is_punct(k))
                    .any(|k| matches!(self.class(k), Some(Class::Aux)));
            // "had added roughly 2 percentage points to growth": "add" with a
            // number and "to", before any auxiliary, increases something; it
            // reports nothing ("added 5,000 people had fled to…" does).
            let increases = self.low[v].starts_with("add")
                && (next..(next + 3).min(hi)).any(|k| self.doc.tokens[k].kind == TokenKind::Number)
                && (next..(next + 8).min(hi))
                    .take_while(|&k| !self.is_terminal(k) && !matches!(self.text(k), "," | ";"))
                    .find(|&k| self.is(k, "to") || matches!(self.class(k), Some(Class::Aux)))
                    .is_some_and(|k| self.is(k, "to"));
            let ok = !inverted
                && !increases
                && !title_subject
                && matches!(self.doc.tokens[next].kind, TokenKind::Word | TokenKind::Number)
                && !matches!(
                    self.class(next),
                    Some(Class::Prep | Class::Adverb | Class::Conjunction | Class::Aux | Class::Of | Class::Source)
                )
                && (indefinite_clause || !matches!(self.class(next), Some(Class::Indefinite)))
                && !self.is(next, "so");
            return ok.then_some(next);
        }
        None
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Segment {
    /// A proper name: "John Kirby".
    Name,
    /// A described speaker: "le porte-parole du Kremlin".
    Described,
    /// An apposition: "coordinateur de…", "a senior fellow".
    Apposition,
    /// A time or place adjunct: "Le 25 novembre", "en préambule".
    Adjunct,
    /// Anything else: stop looking.
    Other,
}

//! Which of the layers' word lists each token belongs to, with one look-up per
//! token.
//!
//! The layers ask of every token whether it is in twenty or thirty lists
//! (stopwords, titles, reporting verbs, the first words of phrase lists…), and
//! each question used to hash the word and probe a table of its own. One table
//! per language maps a word's comparable form ([`Doc::lower`]) to the set of
//! lists holding it, as bits; [`Doc::word_lists`] looks each token up once and
//! the layers test bits.
//!
//! A bit is exact for a list keyed by that same form. For a list keyed by
//! another form (the token as written, say), the bit is filed under the folded
//! entry: it still says "no" for sure, and the list confirms a "yes" itself.
//!
//! The table's keys come from our own data files, so it uses the fast hasher
//! (see `hash.rs`).

use crate::hash::HashMap;
use crate::lang::{Lang, PerLang};
use crate::segment::Doc;

/// A set of word lists, one bit each.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
pub struct WordLists(u64);

impl WordLists {
    pub const NONE: WordLists = WordLists(0);

    /// The list numbered `n`, below 64.
    const fn list(n: u32) -> WordLists {
        WordLists(1 << n)
    }

    /// The union of `lists`, for constants.
    pub const fn union(lists: &[WordLists]) -> WordLists {
        let mut bits = 0;
        let mut k = 0;
        while k < lists.len() {
            bits |= lists[k].0;
            k += 1;
        }
        WordLists(bits)
    }

    /// Whether this set and `lists` share a list.
    #[inline]
    pub fn any_of(self, lists: WordLists) -> bool {
        self.0 & lists.0 != 0
    }
}

impl std::ops::BitOr for WordLists {
    type Output = WordLists;

    fn bitor(self, other: WordLists) -> WordLists {
        WordLists(self.0 | other.0)
    }
}

// Framing (markers and claims): the first words of its phrase lists.
pub const FRAMING_LEXICON: WordLists = WordLists::list(0);
pub const FRAMING_SOURCE_QUALIFIERS: WordLists = WordLists::list(1);
pub const FRAMING_FIXED_SOURCES: WordLists = WordLists::list(2);
pub const FRAMING_AFTER_ETRE: WordLists = WordLists::list(3);
pub const FRAMING_REPORTING: WordLists = WordLists::list(4);
pub const FRAMING_CLAIM_CUES: WordLists = WordLists::list(5);
pub const FRAMING_STOPWORDS: WordLists = WordLists::list(22);
pub const FRAMING_SOURCE_HEADS: WordLists = WordLists::list(23);
pub const FRAMING_BARE_SOURCE_HEADS: WordLists = WordLists::list(24);
pub const FRAMING_COND_AUX: WordLists = WordLists::list(25);
pub const FRAMING_COND_VERBS: WordLists = WordLists::list(26);
pub const FRAMING_COUNTERFACTUAL: WordLists = WordLists::list(27);
// Entities: lists keyed by the comparable form (exact bits)…
pub const ENT_TITLES: WordLists = WordLists::list(28);
pub const ENT_TITLE_STARTS: WordLists = WordLists::list(29);
pub const ENT_HEADS: WordLists = WordLists::list(30);
pub const ENT_STOPWORDS: WordLists = WordLists::list(31);
pub const ENT_PLACE_PREPOSITIONS: WordLists = WordLists::list(32);
pub const ENT_NAME_ARTICLES: WordLists = WordLists::list(33);
// …and lists keyed by the token as written (bits that can only say no).
pub const ENT_NOT_NAMES: WordLists = WordLists::list(34);
pub const ENT_NAME_WORDS: WordLists = WordLists::list(36);
pub const ENT_COMPASS: WordLists = WordLists::list(37);
// Quotes: reporting verbs (single words and the first words of longer ones),
// speaker nouns and grammar words, all keyed by the comparable form.
pub const QUOTE_VERBS: WordLists = WordLists::list(38);
pub const QUOTE_NOUNS: WordLists = WordLists::list(39);
pub const QUOTE_GRAMMAR: WordLists = WordLists::list(40);
/// The first words of the adverbials of several words ("pour sa part").
pub const QUOTE_ADVERBIALS: WordLists = WordLists::list(45);
// Numbers: number words, approximate nouns and their determiners, fractions.
pub const NUM_WORDS: WordLists = WordLists::list(41);
pub const NUM_APPROX: WordLists = WordLists::list(42);
pub const NUM_APPROX_DETERMINERS: WordLists = WordLists::list(43);
pub const NUM_FRACTIONS: WordLists = WordLists::list(44);
/// The word classes of `framing/words.txt`, one bit each from here, in the
/// order [`crate::markers`] numbers them.
pub const FRAMING_CLASS_FIRST: u32 = 6;
/// How many classes `framing/words.txt` may have.
pub const FRAMING_CLASS_MAX: u32 = 16;

/// The list for framing word class number `n` (below [`FRAMING_CLASS_MAX`]).
pub const fn framing_class(n: u32) -> WordLists {
    WordLists::list(FRAMING_CLASS_FIRST + n)
}

/// Word → lists, for one language. The words are the lists' own, borrowed
/// from the lexicons (statics too), so building it copies none.
type Table = HashMap<&'static str, WordLists>;

static TABLES: PerLang<Table> = PerLang::new(build);

fn build(lang: Lang) -> Table {
    let parts = [
        crate::markers::lexicon::word_lists(lang),
        crate::entities::word_lists(lang),
        crate::quotes::word_lists(lang),
        crate::numbers::word_lists(lang),
    ];
    // Sized for every word: most are in one list only.
    let mut table = Table::with_capacity_and_hasher(parts.iter().map(Vec::len).sum(), Default::default());
    for (word, lists) in parts.into_iter().flatten() {
        let slot = table.entry(word).or_default();
        *slot = *slot | lists;
    }
    table
}

/// The lists of every token of `doc`, index for index.
pub(crate) fn of(doc: &Doc) -> Vec<WordLists> {
    let table = TABLES.get(doc.lang);
    doc.lower_iter().map(|word| table.get(word).copied().unwrap_or_default()).collect()
}

//! The per-language word lists of the quotes layer, parsed once.
//!
//! Reporting verbs are stored as lemmas; their inflected forms are generated
//! here (French first and second groups, English regular inflection), so the
//! data files stay short and a new verb is one line.

use crate::hash::HashMap;

use crate::lang::{entries, pairs, Lang, PerLang};
use crate::per_lang;
use crate::word_lists::{self, WordLists};

/// Grammatical gender and number of a speaker phrase, as far as the words tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Masculine,
    Feminine,
    Plural,
    /// A thing or a body ("it").
    Neuter,
    /// The words do not tell (a bare name, "porte-parole").
    Unknown,
}

impl Gender {
    fn parse(code: &str) -> Gender {
        match code {
            "m" => Gender::Masculine,
            "f" => Gender::Feminine,
            "p" => Gender::Plural,
            "n" => Gender::Neuter,
            _ => Gender::Unknown,
        }
    }

    /// Whether a pronoun of gender `self` may point back to a phrase of gender `other`.
    pub fn accepts(self, other: Gender) -> bool {
        match (self, other) {
            (_, Gender::Unknown) | (Gender::Unknown, _) => true,
            (Gender::Plural, Gender::Neuter) => true,
            (a, b) => a == b,
        }
    }
}

/// What a speaker noun names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NounClass {
    /// A person's title or function.
    Role,
    /// An organisation.
    Body,
    /// A document that speaks for its author.
    Doc,
    /// A news outlet that relays statements.
    Media,
    /// A medium: a platform, a channel, an account.
    Platform,
    /// What a person already named is: "the 53-year-old", "le sexagénaire".
    Epithet,
}

/// The grammatical class of a function word (see `speaker_grammar.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Det(Gender),
    Demonstrative(Gender),
    Indefinite,
    Pronoun(Gender),
    Relative,
    Complementiser,
    Of,
    Prep,
    Aux,
    Adverb,
    Conjunction,
    Source,
    Question,
    Naming,
    Title(Gender),
    /// Turns "que"/"that" into a subordinator: "alors que", "so that".
    Subordinator,
    /// A frequent finite verb that is no auxiliary ("reste", "pourrait").
    Verb,
    /// A noun after which "selon" means "depending on" or "by", not a source:
    /// "selon la tradition", "according to the rules". Read from the framing
    /// layer's `nonsource` class, where the same words stop a source marker.
    NonSource,
}

/// A reporting verb form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VerbForm {
    /// Takes a clause without a complementiser ("said he was").
    pub bare: bool,
    /// A present participle ("précisant", "adding"): its subject is the main clause's.
    pub participle: bool,
    /// Tokens the cue spans (more than one for "fait état", "pointed out").
    pub len: usize,
    /// Its reflexive means something else and reports nothing: "s'est lancé
    /// dans", "se rappelle", "se poursuit".
    pub not_reflexive: bool,
    /// Reports only with an inverted "on": "a-t-on appris" relays a source,
    /// "il a appris que…" tells what someone learnt.
    pub impersonal: bool,
}

pub struct Lexicon {
    /// Single-word verb forms, lowercase.
    verbs: HashMap<String, VerbForm>,
    /// Multi-word verb forms by first word: the following words and the form.
    multi: HashMap<String, Vec<(Vec<String>, VerbForm)>>,
    nouns: HashMap<String, (Gender, NounClass)>,
    grammar: HashMap<String, Class>,
    /// Adverbials of several words ("pour sa part", "for his part"), whose
    /// words read as one adverb: their words, sorted by the first, the
    /// longest first among those that share it; looked up only for the
    /// tokens of their list.
    adverbials: Vec<Vec<&'static str>>,
    /// Words that join two verbs of one subject ("et", "and"): `coordinators.txt`.
    coordinators: Vec<&'static str>,
    /// Negation words (`neg` in `speaker_grammar.txt`, besides their own class).
    negations: Vec<&'static str>,
    pub lemmas: usize,
}

impl Lexicon {
    /// The verb form starting at `words[0]`, given the lowercase words that follow.
    pub fn verb_at(&self, words: &[&str]) -> Option<VerbForm> {
        let first = *words.first()?;
        if let Some(alts) = self.multi.get(first) {
            for (rest, form) in alts {
                if rest.len() < words.len() && rest.iter().zip(&words[1..]).all(|(a, b)| a == b) {
                    return Some(*form);
                }
            }
        }
        self.verbs.get(first).copied()
    }

    pub fn noun(&self, lower: &str) -> Option<(Gender, NounClass)> {
        self.nouns.get(lower).copied()
    }

    pub fn is_negation(&self, lower: &str) -> bool {
        self.negations.contains(&lower)
    }

    pub fn is_coordinator(&self, lower: &str) -> bool {
        self.coordinators.contains(&lower)
    }

    pub fn class(&self, lower: &str) -> Option<Class> {
        self.grammar.get(lower.trim_end_matches('.')).copied()
    }

    /// How many words the adverbial starting at `words[0]` covers, if one does.
    pub fn adverbial_at(&self, words: &[&str]) -> Option<usize> {
        let first = *words.first()?;
        let from = self.adverbials.partition_point(|p| p[0] < first);
        self.adverbials[from..]
            .iter()
            .take_while(|p| p[0] == first)
            .find(|p| p.len() <= words.len() && p.iter().zip(words).all(|(a, b)| a == b))
            .map(Vec::len)
    }
}

/// The quote layer's words for the word-list table of `lang`, with their lists.
pub(crate) fn word_lists(lang: Lang) -> Vec<(&'static str, WordLists)> {
    let lex = lexicon(lang);
    let mut out = Vec::new();
    out.extend(lex.verbs.keys().chain(lex.multi.keys()).map(|w| (w.as_str(), word_lists::QUOTE_VERBS)));
    out.extend(lex.nouns.keys().map(|w| (w.as_str(), word_lists::QUOTE_NOUNS)));
    out.extend(lex.grammar.keys().map(|w| (w.as_str(), word_lists::QUOTE_GRAMMAR)));
    out.extend(lex.adverbials.iter().map(|p| (p[0], word_lists::QUOTE_ADVERBIALS)));
    out
}

static LEXICONS: PerLang<Lexicon> = PerLang::new(|l| {
    let i = l.index();
    build(
        l,
        per_lang!("reporting_verbs.txt")[i],
        per_lang!("speaker_nouns.txt")[i],
        per_lang!("speaker_grammar.txt")[i],
        per_lang!("framing/words.txt")[i],
        per_lang!("coordinators.txt")[i],
    )
});

pub fn lexicon(lang: Lang) -> &'static Lexicon {
    &LEXICONS[lang.index()]
}

fn build(
    lang: Lang,
    verbs: &'static str,
    nouns: &'static str,
    grammar: &'static str,
    framing: &'static str,
    coordinators: &'static str,
) -> Lexicon {
    let mut lex = Lexicon {
        verbs: HashMap::default(),
        multi: HashMap::default(),
        nouns: HashMap::default(),
        grammar: HashMap::default(),
        adverbials: Vec::new(),
        coordinators: entries(coordinators).collect(),
        negations: pairs(grammar).filter(|(_, c)| *c == "neg").map(|(w, _)| w).collect(),
        lemmas: 0,
    };
    for line in entries(verbs) {
        let (not_reflexive, line) = match line.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, line),
        };
        let (bare, line) = match line.strip_prefix('+') {
            Some(rest) => (true, rest),
            None => (false, line),
        };
        let (impersonal, line) = match line.strip_prefix('@') {
            Some(rest) => (true, rest),
            None => (false, line),
        };
        let (lemma, listed) = match line.split_once('|') {
            Some((l, f)) => (l.trim(), Some(f)),
            None => (line.trim(), None),
        };
        lex.lemmas += 1;
        let forms: Vec<String> = match listed {
            Some(f) => f.split(',').map(|s| s.trim().to_lowercase()).filter(|s| !s.is_empty()).collect(),
            None => inflect(lang, lemma),
        };
        // An English lemma is also the present tense ("officials say"); a
        // French infinitive ("Autant dire que") reports nobody's words.
        let base = (lang == Lang::En).then(|| lemma.to_lowercase());
        let forms: Vec<String> = forms.into_iter().chain(base).collect();
        // A lemma has a few dozen forms at most: a scan finds repeats for less
        // than a set would cost to build.
        for (k, form) in forms.iter().enumerate() {
            if forms[..k].contains(form) {
                continue;
            }
            let split = form.split_once(' ');
            let head = split.map_or(form.as_str(), |(h, _)| h);
            let participle = match lang {
                Lang::Fr => head.ends_with("ant"),
                Lang::En => head.ends_with("ing"),
            };
            match split {
                None => {
                    lex.verbs.insert(form.clone(), VerbForm { bare, participle, len: 1, not_reflexive, impersonal });
                }
                Some((head, rest)) => {
                    let rest: Vec<String> = rest.split(' ').map(str::to_string).collect();
                    let vf = VerbForm { bare, participle, len: rest.len() + 1, not_reflexive, impersonal };
                    lex.multi.entry(head.to_string()).or_default().push((rest, vf));
                }
            }
        }
    }
    for (word, rest) in pairs(nouns) {
        let (g, c) = rest.split_once('|').unwrap_or((rest, "role"));
        let class = match c.trim() {
            "body" => NounClass::Body,
            "doc" => NounClass::Doc,
            "media" => NounClass::Media,
            "platform" => NounClass::Platform,
            "epithet" => NounClass::Epithet,
            _ => NounClass::Role,
        };
        lex.nouns.insert(word.to_lowercase(), (Gender::parse(g.trim()), class));
    }
    for (word, class) in pairs(grammar).filter(|(_, c)| *c != "neg") {
        // The list's words are lowercase already.
        if word.contains(' ') && class == "adv" {
            lex.adverbials.push(word.split(' ').collect());
            continue;
        }
        let gender = |c: &str| Gender::parse(c.rsplit('-').next().unwrap_or(""));
        let class = match class {
            c if c.starts_with("det") => Class::Det(if c == "det" { Gender::Unknown } else { gender(c) }),
            c if c.starts_with("dem") => Class::Demonstrative(gender(c)),
            c if c.starts_with("pron") => Class::Pronoun(gender(c)),
            c if c.starts_with("title") => Class::Title(gender(c)),
            "indef" => Class::Indefinite,
            "rel" => Class::Relative,
            "comp" => Class::Complementiser,
            "of" => Class::Of,
            "prep" => Class::Prep,
            "aux" => Class::Aux,
            "adv" => Class::Adverb,
            "conj" => Class::Conjunction,
            "source" => Class::Source,
            "question" => Class::Question,
            "subord" => Class::Subordinator,
            "verb" => Class::Verb,
            _ => Class::Naming,
        };
        lex.grammar.insert(word.to_lowercase().trim_end_matches('.').to_string(), class);
    }
    // The longest first, where two begin alike.
    lex.adverbials.sort_by(|a, b| a[0].cmp(b[0]).then(b.len().cmp(&a.len())));
    for (_, word) in pairs(framing).filter(|(c, _)| *c == "nonsource") {
        lex.grammar.entry(word.to_lowercase()).or_insert(Class::NonSource);
    }
    lex
}

/// The inflected forms of a regular lemma; a multi-word lemma inflects its first word.
fn inflect(lang: Lang, lemma: &str) -> Vec<String> {
    let lemma = lemma.to_lowercase();
    let (head, tail) = match lemma.split_once(' ') {
        Some((h, t)) => (h.to_string(), format!(" {t}")),
        None => (lemma.clone(), String::new()),
    };
    let forms = match lang {
        Lang::Fr => inflect_fr(&head),
        Lang::En => inflect_en(&head),
    };
    forms.into_iter().map(|f| f + &tail).collect()
}

fn inflect_fr(lemma: &str) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(stem) = lemma.strip_suffix("er") {
        // Before a and o, c becomes ç and g becomes ge: annonça, jugeait.
        let soft = if let Some(s) = stem.strip_suffix('c') {
            format!("{s}ç")
        } else if stem.ends_with('g') {
            format!("{stem}e")
        } else {
            stem.to_string()
        };
        for end in ["e", "ent", "era", "eront", "erait", "eraient", "é", "ée", "és", "ées", "èrent"] {
            out.push([stem, end].concat());
        }
        for end in ["a", "ait", "aient", "ant"] {
            out.push([soft.as_str(), end].concat());
        }
        // The last stem vowel e/é opens to è before a silent ending: concède, relève.
        if let Some((i, c)) = stem.char_indices().rev().find(|(_, c)| "aeiouyéèêâîôû".contains(*c)) {
            if c == 'e' || c == 'é' {
                let open = format!("{}è{}", &stem[..i], &stem[i + c.len_utf8()..]);
                for end in ["e", "ent", "era", "erait"] {
                    out.push([open.as_str(), end].concat());
                }
            }
        }
    } else if let Some(stem) = lemma.strip_suffix("ir") {
        for end in ["it", "issent", "issait", "issaient", "irent", "i", "ie", "ira", "irait", "issant"] {
            out.push([stem, end].concat());
        }
    }
    out
}

fn inflect_en(lemma: &str) -> Vec<String> {
    let consonant_y =
        lemma.ends_with('y') && !lemma.ends_with("ay") && !lemma.ends_with("ey") && !lemma.ends_with("oy");
    if consonant_y {
        let stem = &lemma[..lemma.len() - 1];
        return vec![format!("{stem}ies"), format!("{stem}ied"), format!("{lemma}ing")];
    }
    if lemma.ends_with('e') {
        let keep_e = lemma.ends_with("ee") || lemma.ends_with("ye") || lemma.ends_with("oe");
        let ing = match lemma.strip_suffix('e') {
            Some(stem) if !keep_e => format!("{stem}ing"),
            _ => format!("{lemma}ing"),
        };
        return vec![format!("{lemma}s"), format!("{lemma}d"), ing];
    }
    let s = if ["s", "sh", "ch", "x", "z", "o"].iter().any(|e| lemma.ends_with(e)) {
        format!("{lemma}es")
    } else {
        format!("{lemma}s")
    };
    vec![s, format!("{lemma}ed"), format!("{lemma}ing")]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_verbs_are_conjugated_from_their_lemmas() {
        let lex = lexicon(Lang::Fr);
        for form in ["déclare", "déclaré", "annonça", "concède", "jugeait", "précisant", "martèle", "réagit", "dit"]
        {
            assert!(lex.verb_at(&[form]).is_some(), "{form}");
        }
        assert!(lex.verb_at(&["fait", "état", "d'"]).is_some());
        assert!(lex.verb_at(&["maison"]).is_none());
    }

    #[test]
    fn english_verbs_are_inflected_from_their_lemmas() {
        let lex = lexicon(Lang::En);
        for form in ["says", "said", "argued", "denies", "replied", "noting", "told", "agreeing"] {
            assert!(lex.verb_at(&[form]).is_some(), "{form}");
        }
        assert!(lex.verb_at(&["pointed", "out", "that"]).is_some());
        assert!(lex.verb_at(&["said"]).is_some_and(|v| v.bare));
        assert!(lex.verb_at(&["told"]).is_some_and(|v| !v.bare));
    }

    #[test]
    fn lexicons_cover_the_required_number_of_verbs() {
        assert!(lexicon(Lang::Fr).lemmas >= 80, "{}", lexicon(Lang::Fr).lemmas);
        assert!(lexicon(Lang::En).lemmas >= 60, "{}", lexicon(Lang::En).lemmas);
    }
}

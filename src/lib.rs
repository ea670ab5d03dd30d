#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]

//! # Pipeline
//!
//! text → [`segment`] (paragraphs, sentences, tokens) → [`entities`] →
//! [`quotes`] → [`time`] → [`numbers`] → [`checks`] → [`markers`] → [`claims`]
//! → [`Analysis`]. Each layer reads only what earlier ones made. Offsets are
//! bytes until [`span::convert_offsets`] turns them, once, into the caller's unit.

pub mod checks;
pub mod claims;
pub mod date;
mod decimal;
pub mod entities;
mod hash;
pub mod lang;
pub mod markers;
pub mod numbers;
pub mod quotes;
pub mod segment;
mod sort;
pub mod span;
pub mod time;
pub mod word_lists;

#[cfg(target_arch = "wasm32")]
mod wasm;

use std::fmt;

use serde::{Serialize, Serializer};

pub use crate::date::Date;
pub use crate::lang::Lang;
pub use crate::span::{OffsetUnit, Span, Spanned};

/// The schema name every [`Analysis`] carries.
pub const SCHEMA: &str = "glose/1";

/// What the caller may set; everything has a default.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The article's language; `None` detects it.
    pub lang: Option<Lang>,
    /// The article's date; `None` infers it from the text.
    pub date: Option<Date>,
    /// The unit of every offset in the result.
    pub offsets: OffsetUnit,
}

impl Options {
    /// Builds options from the strings a command line or JS caller gives.
    ///
    /// `lang` is `fr`, `en`, `auto` or empty; `date` is `YYYY-MM-DD` or empty;
    /// `offsets` is `utf16`, `char`, `byte` or empty (utf16).
    ///
    /// # Errors
    /// [`Error::InvalidOption`] naming the option and the value it got.
    pub fn parse(lang: Option<&str>, date: Option<&str>, offsets: Option<&str>) -> Result<Options, Error> {
        let lang = match lang.map(str::trim) {
            None | Some("") | Some("auto") => None,
            Some(code) => Some(Lang::parse(code).ok_or_else(|| Error::InvalidOption {
                option: "lang",
                value: code.to_string(),
                expected: "fr, en or auto",
            })?),
        };
        let date = match date.map(str::trim) {
            None | Some("") => None,
            Some(d) => Some(Date::parse_iso(d).ok_or_else(|| Error::InvalidOption {
                option: "date",
                value: d.to_string(),
                expected: "a date as YYYY-MM-DD",
            })?),
        };
        let offsets = match offsets.map(str::trim) {
            None | Some("") => OffsetUnit::default(),
            Some(u) => OffsetUnit::parse(u).ok_or_else(|| Error::InvalidOption {
                option: "offsets",
                value: u.to_string(),
                expected: "utf16, char or byte",
            })?,
        };
        Ok(Options { lang, date, offsets })
    }
}

/// Why an analysis could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// An option had a value Glose does not know.
    InvalidOption { option: &'static str, value: String, expected: &'static str },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidOption { option, value, expected } => {
                write!(f, "invalid {option} {value:?}: expected {expected}")
            }
        }
    }
}

impl std::error::Error for Error {}

/// Where the document date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DocDateSource {
    Given,
    Inferred,
}

/// Where the language came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LangSource {
    Given,
    Detected,
    /// Nothing in the text told; the default language was used.
    Default,
}

/// Everything Glose found in one article: schema `glose/1`.
#[derive(Clone, Debug, Serialize)]
pub struct Analysis {
    pub schema: &'static str,
    pub lang: Lang,
    pub lang_source: LangSource,
    #[serde(serialize_with = "date_as_string")]
    pub doc_date: Option<Date>,
    pub doc_date_source: Option<DocDateSource>,
    pub offsets: OffsetUnit,
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Span>,
    pub entities: Vec<entities::Entity>,
    pub quotes: Vec<quotes::Quote>,
    pub times: Vec<time::TimeExpr>,
    pub timeline: Vec<time::TimelineEvent>,
    pub quantities: Vec<numbers::Quantity>,
    pub checks: Vec<checks::CountCheck>,
    pub claims: Vec<claims::Claim>,
    pub markers: Vec<markers::Marker>,
}

fn date_as_string<S: Serializer>(date: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match date {
        Some(d) => s.serialize_str(&d.to_string()),
        None => s.serialize_none(),
    }
}

impl Spanned for Analysis {
    fn visit_offsets(&mut self, f: &mut dyn FnMut(&mut usize)) {
        self.paragraphs.visit_offsets(f);
        self.sentences.visit_offsets(f);
        self.entities.visit_offsets(f);
        self.quotes.visit_offsets(f);
        self.times.visit_offsets(f);
        self.timeline.visit_offsets(f);
        self.quantities.visit_offsets(f);
        self.claims.visit_offsets(f);
        self.markers.visit_offsets(f);
    }
}

/// Analyses one article.
///
/// Never panics and stays linear in the length of `text`, whatever it holds.
///
/// ```
/// let a = glose::analyze("Ce 26 novembre, le ministère a déclaré que huit missiles avaient été tirés.",
///                        &glose::Options::default()).expect("default options are valid");
/// assert_eq!(a.lang, glose::Lang::Fr);
/// assert_eq!(a.sentences.len(), 1);
/// ```
///
/// # Errors
/// None today for any text; the `Result` is for options that cannot be honoured.
pub fn analyze(text: &str, opts: &Options) -> Result<Analysis, Error> {
    let (lang, lang_source) = match opts.lang {
        Some(l) => (l, LangSource::Given),
        None => match lang::detect(text) {
            Some(l) => (l, LangSource::Detected),
            None => (Lang::Fr, LangSource::Default),
        },
    };
    let doc = segment::Doc::new(text, lang);
    let entities = entities::find(&doc);
    let quotes = quotes::find(&doc, &entities);
    let time_matches = time::rule_matches(&doc, &entities);
    let (doc_date, doc_date_source) = match opts.date {
        Some(d) => (Some(d), Some(DocDateSource::Given)),
        None => match time::infer_doc_date_from(&doc, &time_matches) {
            Some(d) => (Some(d), Some(DocDateSource::Inferred)),
            None => (None, None),
        },
    };
    let (times, timeline) = time::find_from(&doc, time_matches, doc_date);
    let quantities = numbers::find(&doc, &times, &entities);
    let checks = checks::find(&doc, &quantities);
    let markers = markers::find(&doc, &quotes, &entities);
    let claims = claims::find(&doc, &quotes, &entities, &quantities, &markers);

    let mut analysis = Analysis {
        schema: SCHEMA,
        lang,
        lang_source,
        doc_date,
        doc_date_source,
        offsets: OffsetUnit::Byte,
        paragraphs: doc.paragraphs.iter().map(|p| Span::of(text, p.start, p.end)).collect(),
        sentences: doc.sentences.iter().map(|s| Span::of(text, s.start, s.end)).collect(),
        entities,
        quotes,
        times,
        timeline,
        quantities,
        checks,
        claims,
        markers,
    };
    span::convert_offsets(text, &mut analysis, opts.offsets);
    analysis.offsets = opts.offsets;
    Ok(analysis)
}

/// Serialises an `f64` as an integer when it is one, so counts read `8`, not `8.0`.
pub fn number_as_json<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        s.serialize_i64(*v as i64)
    } else {
        s.serialize_f64(*v)
    }
}

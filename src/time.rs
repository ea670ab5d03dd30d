//! When: time expressions with TimeML TIMEX3 types and values, the document
//! date, and the timeline.
//!
//! The grammar is data: `src/lang/<code>/time_rules.txt` holds one regex per
//! shape of expression, with named groups, and the other files of the folder
//! hold the words (months, weekdays, units…). This module only knows what each
//! kind of rule means: how to turn its groups into a TIMEX3 value, resolved
//! against the document date and the clause's tense. See `docs/time.md`.

mod grammar;
mod resolve;

use serde::ser::SerializeStruct;
use serde::Serialize;

use crate::date::Date;
use crate::entities::Entity;
use crate::segment::Doc;
use crate::span::{Span, SpanIndex, Spanned};

/// The TIMEX3 type of a time expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

/// One time expression and its resolved value.
#[derive(Clone, Debug)]
pub struct TimeExpr {
    pub span: Span,
    /// Written as `type`.
    pub kind: TimexType,
    /// A TIMEX3 value: `2024-11-25`, `2024-W48`, `PRESENT_REF`, `P3D`…
    pub value: String,
}

impl Spanned for TimeExpr {
    fn visit_offsets(&mut self, f: &mut dyn FnMut(&mut usize)) {
        self.span.visit_offsets(f);
    }
}

/// An event on the timeline: the clause that governs a time expression.
#[derive(Clone, Debug)]
pub struct TimelineEvent {
    /// Index into `times`.
    pub time: usize,
    pub value: String,
    pub span: Span,
}

impl Serialize for TimeExpr {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("TimeExpr", 5)?;
        self.span.serialize_fields(&mut s)?;
        s.serialize_field("type", &self.kind)?;
        s.serialize_field("value", &self.value)?;
        s.end()
    }
}

impl Serialize for TimelineEvent {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("TimelineEvent", 5)?;
        s.serialize_field("time", &self.time)?;
        s.serialize_field("value", &self.value)?;
        self.span.serialize_fields(&mut s)?;
        s.end()
    }
}

impl Spanned for TimelineEvent {
    fn visit_offsets(&mut self, f: &mut dyn FnMut(&mut usize)) {
        self.span.visit_offsets(f);
    }
}

/// Infers the article's date from its text, when it says.
///
/// In order: an opener that names today ("Ce 26 novembre", "Aujourd'hui
/// 26 novembre"), completed with the year of another full date of the text;
/// a dateline (a full date in a short first line); the latest full date told
/// in a clause that is not about the future.
///
/// ```
/// use glose::{segment::Doc, Lang};
/// let doc = Doc::new("Le 25 novembre 2024, Kiev a tiré. Ce 26 novembre, Moscou a répondu.", Lang::Fr);
/// assert_eq!(glose::time::infer_doc_date(&doc).map(|d| d.to_string()), Some("2024-11-26".into()));
/// ```
pub fn infer_doc_date(doc: &Doc) -> Option<Date> {
    // Only the `date` rules need to run.
    resolve::infer_doc_date(doc, grammar::candidates_of(doc.text, doc.lang, |kind| kind == DATE_RULES))
}

const DATE_RULES: &str = "date";

/// Every match of the time grammar in a document. [`analyze`](crate::analyze)
/// finds them once and reads them twice: for the document's date when it is not
/// given, then for the time expressions.
pub struct RuleMatches(Vec<grammar::RuleMatch>);

/// Runs every rule of the document's time grammar over its text, and keeps
/// the matches that do not end a name begun before them: "le Journal du
/// dimanche" is a newspaper. A name that a match begins may be a date the
/// entities misread: "ÉTÉ 2003" in a headline.
pub fn rule_matches(doc: &Doc, entities: &[Entity]) -> RuleMatches {
    let mut matches = grammar::candidates(doc.text, doc.lang);
    let mut opens: Vec<usize> = matches.iter().map(|m| m.span.0).collect();
    crate::sort::sort(&mut opens);
    let opens_match = |at: usize| opens.binary_search(&at).is_ok();
    let names = crate::entities::mention_spans(entities);
    let names = SpanIndex::new(names.filter(|&(start, _)| !opens_match(start)).collect());
    matches.retain(|m| !names.holds_from_before(m.span.0, m.span.1));
    RuleMatches(matches)
}

/// [`infer_doc_date`] from matches already found.
pub fn infer_doc_date_from(doc: &Doc, matches: &RuleMatches) -> Option<Date> {
    resolve::infer_doc_date(doc, matches.0.iter().filter(|m| m.kind == DATE_RULES).cloned().collect())
}

/// [`find`] from matches already found.
pub fn find_from(doc: &Doc, matches: RuleMatches, doc_date: Option<Date>) -> (Vec<TimeExpr>, Vec<TimelineEvent>) {
    let times = resolve::find_times(doc, matches.0, doc_date);
    let timeline = timeline(doc, &times);
    (times, timeline)
}

/// Finds the time expressions, resolved against `doc_date`, and the timeline.
///
/// ```
/// use glose::{segment::Doc, Date, Lang};
/// let doc = Doc::new("Il est arrivé hier.", Lang::Fr);
/// let (times, _) = glose::time::find(&doc, Date::parse_iso("2024-11-26"));
/// assert_eq!(times[0].value, "2024-11-25");
/// ```
pub fn find(doc: &Doc, doc_date: Option<Date>) -> (Vec<TimeExpr>, Vec<TimelineEvent>) {
    find_from(doc, rule_matches(doc, &crate::entities::find(doc)), doc_date)
}

/// The events of the timeline: every expression resolved to a calendar value,
/// with its clause, ordered by that value (then by place in the text).
fn timeline(doc: &Doc, times: &[TimeExpr]) -> Vec<TimelineEvent> {
    // The events of each value, in text order, under the values in order: an
    // article names a few dates many times, and each value is placed once.
    // Sorting every event with its value as the key made a flood of dates
    // slower by more than its size.
    let mut by_key: std::collections::BTreeMap<String, Vec<TimelineEvent>> = std::collections::BTreeMap::new();
    for (i, t) in times.iter().enumerate() {
        if !matches!(t.kind, TimexType::Date | TimexType::Time) {
            continue;
        }
        let Some(key) = resolve::sort_key(&t.value) else { continue };
        let (start, end) = clause_around(doc, t.span.start, t.span.end);
        let event = TimelineEvent { time: i, value: t.value.clone(), span: Span::of(doc.text, start, end) };
        by_key.entry(key).or_default().push(event);
    }
    by_key.into_values().flatten().collect()
}

/// How far, in bytes, a clause may reach on each side of its time expression.
const CLAUSE_WINDOW: usize = 400;

/// The clause holding `start..end`: the piece of its sentence between
/// semicolons, colons or quote marks, narrowed to the comma-piece holding the
/// expression when that piece says more than the expression itself.
fn clause_around(doc: &Doc, start: usize, end: usize) -> (usize, usize) {
    let Some((s, lo, hi)) = clause_window(doc, start, end) else { return (start, end) };
    let text = doc.text;
    // Each side is scanned once, to its first comma or piece end; the piece
    // beyond a comma is only looked for when the comma-piece is too short.
    let (comma_start, stop) = clause_stop_before(text, lo, start);
    let (comma_end, stop_after) = clause_stop_after(text, end, hi);
    let words = |a: usize, b: usize| text[a..b].split_whitespace().count();
    let (mut a, mut b) = (comma_start, comma_end);
    if words(a, start) + words(end, b) < 4 {
        // A piece that runs on past the window is no clause: that side keeps
        // its comma. Otherwise a flood of dates without a stop would give
        // each expression the whole window as its clause.
        if stop == Stop::Comma {
            a = Some(piece_start(text, lo, comma_start)).filter(|&p| p > lo || lo == s.start).unwrap_or(a);
        }
        if stop_after == Stop::Comma {
            b = Some(piece_end(text, comma_end, hi)).filter(|&p| p < hi || hi == s.end).unwrap_or(b);
        }
    }
    trim_clause(text, a, b, start, end)
}

/// The sentence holding `start`, and the window around `start..end` in which
/// its clause is looked for: bounded, so that a text without sentence ends
/// stays linear.
fn clause_window<'d>(doc: &'d Doc, start: usize, end: usize) -> Option<(&'d crate::segment::Sentence, usize, usize)> {
    let s = &doc.sentences[doc.sentence_at(start)?];
    let lo = crate::span::floor_boundary(doc.text, start.saturating_sub(CLAUSE_WINDOW).max(s.start));
    let hi = crate::span::floor_boundary(doc.text, (end + CLAUSE_WINDOW).min(s.end)).max(end);
    Some((s, lo, hi))
}

/// `a..b` without its outer spaces and trailing stops; the expression's own
/// span if nothing is left.
fn trim_clause(text: &str, a: usize, b: usize, start: usize, end: usize) -> (usize, usize) {
    let slice = &text[a..b];
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim().trim_end_matches(['.', ',', ';']);
    let (a, b) = (a + lead, a + lead + trimmed.len());
    if a < b {
        (a, b)
    } else {
        (start, end)
    }
}

/// What ended a scan for a clause's edge.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stop {
    Comma,
    /// A piece's edge (a hard mark or a sentence end), or the window's.
    Piece,
}

/// Bytes that may be, or end, a clause edge: ASCII marks and the last byte of
/// « » “ ”. Scanning bytes, with this table, instead of decoding chars keeps a
/// flood of dates from spending most of its time here.
const EDGE_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let marks = [b',', b';', b':', b'"', b'(', b')', b'.', b'!', b'?', 0xAB, 0xBB, 0x9C, 0x9D];
    let mut i = 0;
    while i < marks.len() {
        t[marks[i] as usize] = true;
        i += 1;
    }
    t
};

/// The edge a char starting at `i` makes, if any: `Some((is_comma, len))`.
/// A sentence end inside quotes (which the segmenter keeps whole) bounds a clause too.
fn edge_at(text: &str, i: usize) -> Option<(bool, usize)> {
    let c = text[i..].chars().next()?;
    let len = c.len_utf8();
    match c {
        ',' => Some((true, len)),
        ';' | ':' | '«' | '»' | '"' | '“' | '”' | '(' | ')' => Some((false, len)),
        '.' | '!' | '?' if text[i + len..].starts_with(char::is_whitespace) => Some((false, len)),
        _ => None,
    }
}

/// Scans back from `at` to `lo` for the nearest comma or piece edge: the
/// clause starts just after it.
fn clause_stop_before(text: &str, lo: usize, at: usize) -> (usize, Stop) {
    let bytes = text.as_bytes();
    let mut i = at;
    while i > lo {
        i -= 1;
        if !EDGE_BYTES[bytes[i] as usize] {
            continue;
        }
        // A multi-byte mark is found by its last byte: step back to its start.
        let mut c = i;
        while c > lo && !text.is_char_boundary(c) {
            c -= 1;
        }
        if let Some((comma, len)) = edge_at(text, c) {
            return (c + len, if comma { Stop::Comma } else { Stop::Piece });
        }
        i = c;
    }
    (lo, Stop::Piece)
}

/// Scans on from `at` to `hi` for the nearest comma or piece edge: the clause
/// ends just before it.
fn clause_stop_after(text: &str, at: usize, hi: usize) -> (usize, Stop) {
    let bytes = text.as_bytes();
    let mut i = at;
    while i < hi {
        let b = bytes[i];
        if (b < 0x80 && EDGE_BYTES[b as usize]) || (b >= 0xC0 && EDGE_BYTES[last_byte(bytes, i)]) {
            if let Some((comma, _)) = edge_at(text, i) {
                return (i, if comma { Stop::Comma } else { Stop::Piece });
            }
        }
        i += 1;
    }
    (hi, Stop::Piece)
}

/// The last byte of the UTF-8 sequence starting at `i`.
fn last_byte(bytes: &[u8], i: usize) -> usize {
    let len = match bytes[i] {
        b if b >= 0xF0 => 4,
        b if b >= 0xE0 => 3,
        _ => 2,
    };
    bytes.get(i + len - 1).map_or(0, |&b| b as usize)
}

/// Where the piece holding `at` starts, past commas.
fn piece_start(text: &str, lo: usize, mut at: usize) -> usize {
    loop {
        match clause_stop_before(text, lo, at) {
            (edge, Stop::Comma) => at = edge - 1,
            (edge, Stop::Piece) => return edge,
        }
    }
}

/// Where the piece holding `at` ends, past commas.
fn piece_end(text: &str, mut at: usize, hi: usize) -> usize {
    loop {
        match clause_stop_after(text, at, hi) {
            (edge, Stop::Comma) => at = edge + 1,
            (edge, Stop::Piece) => return edge,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    /// The (text, value) pairs found in `text`, an article of `date` in `lang`.
    fn times(lang: Lang, date: &str, text: &str) -> Vec<(String, String)> {
        let doc = Doc::new(text, lang);
        let (times, _) = find(&doc, Date::parse_iso(date));
        for t in &times {
            assert_eq!(&text[t.span.start..t.span.end], t.span.text, "span slices its text");
        }
        times.into_iter().map(|t| (t.span.text, t.value)).collect()
    }

    /// One case: in `lang`, on `date`, `text` holds exactly these expressions.
    /// Each case runs again shifted by a line holding '€' (three bytes), to
    /// catch offset slips.
    macro_rules! t {
        ($lang:ident, $date:literal, $text:literal, [$(($span:literal, $value:literal)),* $(,)?]) => {{
            let want: Vec<(String, String)> = vec![$(($span.to_string(), $value.to_string())),*];
            assert_eq!(times(Lang::$lang, $date, $text), want, "{}", $text);
            let shifted = format!("€\n{}", $text);
            assert_eq!(times(Lang::$lang, $date, &shifted), want, "shifted: {}", $text);
        }};
    }

    #[test]
    fn words_of_a_longer_name_are_no_time() {
        t!(Fr, "2024-11-26", "Le Journal du dimanche a publié dimanche un sondage.", [("dimanche", "2024-11-24")]);
    }

    #[test]
    fn absolute_dates_in_every_common_form() {
        t!(Fr, "2024-11-26", "Le 25 novembre 2024, Kiev a tiré.", [("Le 25 novembre 2024", "2024-11-25")]);
        t!(Fr, "2024-11-26", "Il est arrivé le 25/11/2024 à Paris.", [("25/11/2024", "2024-11-25")]);
        t!(Fr, "2024-11-26", "Publié le 2024-11-25.", [("2024-11-25", "2024-11-25")]);
        t!(Fr, "2024-11-26", "Ils se sont mariés le 1er mai 1962.", [("le 1er mai 1962", "1962-05-01")]);
        t!(Fr, "2024-11-26", "Il est né le 10 novembre 93.", [("le 10 novembre 93", "1993-11-10")]);
        t!(Fr, "2003-01-04", "Messe samedi 4 janvier.", [("samedi 4 janvier", "2003-01-04")]);
        t!(En, "2024-11-26", "November 25, 2024", [("November 25, 2024", "2024-11-25")]);
        t!(En, "2024-11-26", "Monday, November 25, 2024", [("Monday, November 25, 2024", "2024-11-25")]);
        t!(En, "2024-11-26", "11/25/2024", [("11/25/2024", "2024-11-25")]);
        t!(En, "2024-11-26", "2024-11-25", [("2024-11-25", "2024-11-25")]);
        t!(En, "2024-11-26", "the 25th of November", [("the 25th of November", "2024-11-25")]);
        t!(En, "2024-11-26", "March 3rd, 2021", [("March 3rd, 2021", "2021-03-03")]);
        t!(En, "2013-02-12", "Feb 15 2013", [("Feb 15 2013", "2013-02-15")]);
        t!(En, "2013-02-12", "Jan said hello.", []);
    }

    #[test]
    fn partial_dates_follow_the_tense() {
        t!(Fr, "2024-11-26", "Il est revenu le 23 novembre.", [("le 23 novembre", "2024-11-23")]);
        t!(Fr, "2024-11-26", "Il reviendra le 3 décembre.", [("le 3 décembre", "2024-12-03")]);
        t!(Fr, "2024-11-26", "Il a été tué le 1er mars.", [("le 1er mars", "2024-03-01")]);
        t!(Fr, "2024-11-26", "Le procès s'ouvrira le 3 février prochain.", [("le 3 février prochain", "2025-02-03")]);
        t!(Fr, "1999-05-27", "Il a été élu le 6 mai dernier.", [("le 6 mai dernier", "1999-05-06")]);
        t!(Fr, "2002-02-09", "Les attentats du 11 septembre ont tout changé.", [("11 septembre", "2001-09-11")]);
        t!(
            Fr,
            "2003-02-24",
            "Les élections auront lieu les 6 et 13 avril prochains.",
            [("les 6", "2003-04-06"), ("13 avril prochains", "2003-04-13"),]
        );
        t!(Fr, "1999-09-05", "La garderie rouvrira lundi 6 septembre.", [("lundi 6 septembre", "1999-09-06")]);
        t!(En, "2024-11-26", "May 5", [("May 5", "2024-05-05")]);
        t!(En, "2024-11-26", "Nov. 25", [("Nov. 25", "2024-11-25")]);
    }

    #[test]
    fn weekdays_point_back_in_the_past_and_forward_in_the_future() {
        t!(Fr, "2024-11-26", "Le ministre a parlé lundi.", [("lundi", "2024-11-25")]);
        t!(Fr, "2024-11-26", "Le sommet aura lieu lundi.", [("lundi", "2024-12-02")]);
        t!(Fr, "2024-11-26", "La motion pourrait être examinée vendredi.", [("vendredi", "2024-11-29")]);
        t!(Fr, "1999-07-28", "Il a démissionné mercredi dernier.", [("mercredi dernier", "1999-07-21")]);
        t!(Fr, "1999-07-18", "Ce dimanche, thé dansant.", [("Ce dimanche", "1999-07-18")]);
        t!(
            Fr,
            "2002-04-02",
            "Des tirs ont visé le train dimanche après-midi.",
            [("dimanche après-midi", "2002-03-31TAF")]
        );
        t!(En, "2024-11-26", "last Tuesday", [("last Tuesday", "2024-11-19")]);
        t!(En, "2024-11-26", "next Friday", [("next Friday", "2024-11-29")]);
        t!(En, "2024-11-26", "on Monday, the ministry said", [("on Monday", "2024-11-25")]);
        t!(En, "2024-11-26", "last Friday night", [("last Friday night", "2024-11-22TNI")]);
    }

    #[test]
    fn relative_days_weeks_months_and_years() {
        t!(Fr, "2024-11-26", "Il est arrivé hier.", [("hier", "2024-11-25")]);
        t!(Fr, "2024-11-26", "Il est parti avant-hier.", [("avant-hier", "2024-11-24")]);
        t!(Fr, "2024-11-26", "Il viendra demain.", [("demain", "2024-11-27")]);
        t!(Fr, "2024-11-26", "Il est venu la semaine dernière.", [("la semaine dernière", "2024-W47")]);
        t!(Fr, "2024-11-26", "Il est venu il y a deux jours.", [("il y a deux jours", "2024-11-24")]);
        t!(Fr, "2024-11-26", "Il y a un an, il était ministre.", [("Il y a un an", "2023")]);
        t!(Fr, "2024-11-26", "Plus tôt dans la journée, il a parlé.", [("Plus tôt dans la journée", "2024-11-26")]);
        t!(Fr, "2024-11-26", "Il est venu le mois dernier.", [("le mois dernier", "2024-10")]);
        t!(Fr, "2024-11-26", "Il est venu l'an dernier.", [("l'an dernier", "2023")]);
        t!(Fr, "2002-09-01", "Hausse par rapport à l'année dernière.", [("l'année dernière", "2001")]);
        t!(Fr, "2003-02-23", "Refaite à la fin de l'année dernière.", [("la fin de l'année dernière", "2002")]);
        t!(Fr, "2003-02-04", "Ils se sont rendus ce week-end à Saint-Gervais.", [("ce week-end", "2003-W05-WE")]);
        t!(Fr, "1999-07-09", "Un journal a publié cette semaine la liste.", [("cette semaine", "1999-W27")]);
        t!(Fr, "2024-11-26", "Le lendemain, il est parti.", [("Le lendemain", "2024-11-27")]);
        t!(
            Fr,
            "2024-11-26",
            "Il y a une dizaine de jours, il est parti.",
            [("Il y a une dizaine de jours", "2024-11-16")]
        );
        t!(
            Fr,
            "2024-11-26",
            "Au premier trimestre 2003, les ventes ont baissé.",
            [("premier trimestre 2003", "2003-Q1")]
        );
        t!(
            Fr,
            "2002-06-15",
            "Dans la soirée de vendredi, un incendie s'est déclaré.",
            [("la soirée de vendredi", "2002-06-14TEV")]
        );
        t!(Fr, "2002-06-15", "Le bilan de l'année 2001 est positif.", [("l'année 2001", "2001")]);
        t!(Fr, "2002-06-15", "La saison 2001-2002 a été bonne.", [("2001", "2001"), ("2002", "2002")]);
        t!(En, "2013-02-12", "the third quarter", [("the third quarter", "2013-Q3")]);
        t!(En, "2013-02-12", "the past year", [("the past year", "P1Y")]);
        t!(En, "2024-11-26", "two weeks ago", [("two weeks ago", "2024-W46")]);
        t!(En, "2024-11-26", "earlier today", [("earlier today", "2024-11-26")]);
        t!(En, "2024-11-26", "the day before yesterday", [("the day before yesterday", "2024-11-24")]);
        t!(En, "2024-11-26", "last year", [("last year", "2023")]);
        t!(En, "2024-11-26", "in two weeks", [("in two weeks", "2024-W50")]);
        t!(En, "2024-11-26", "a year ago", [("a year ago", "2023")]);
    }

    #[test]
    fn spans_counted_back_or_bounded_are_durations() {
        t!(En, "2024-11-26", "the second time in three months", [("three months", "P3M")]);
        t!(En, "2024-11-26", "the highest in five years", [("five years", "P5Y")]);
        t!(En, "2024-11-26", "Aftershocks came within six hours.", [("within six hours", "PT6H")]);
        t!(En, "2024-11-26", "He will return in two weeks.", [("in two weeks", "2024-W50")]);
    }

    #[test]
    fn present_past_and_future_references() {
        t!(Fr, "2024-11-26", "À l'heure actuelle, rien.", [("À l'heure actuelle", "PRESENT_REF")]);
        t!(Fr, "2024-11-26", "Et en ce moment, cela se passe à Koursk.", [("en ce moment", "PRESENT_REF")]);
        t!(Fr, "2002-09-14", "Aujourd'hui, la ville a changé.", [("Aujourd'hui", "PRESENT_REF")]);
        t!(Fr, "2002-05-23", "Le ministre se rend aujourd'hui à Sangatte.", [("aujourd'hui", "2002-05-23")]);
        t!(En, "2024-11-26", "currently", [("currently", "PRESENT_REF")]);
        t!(En, "2024-11-26", "recently", [("recently", "PAST_REF")]);
        // A feminine direction, whose masculine form is a prefix of it.
        t!(Fr, "2024-11-26", "Il partira la semaine prochaine.", [("la semaine prochaine", "2024-W49")]);
        t!(Fr, "2024-11-26", "Il partira l'année prochaine.", [("l'année prochaine", "2025")]);
    }

    #[test]
    fn times_of_day_hang_on_the_day_told_nearby() {
        t!(Fr, "2024-11-26", "Il est arrivé à 5h45.", [("5h45", "2024-11-26T05:45")]);
        t!(Fr, "2024-11-26", "Il est arrivé peu avant 5h45.", [("5h45", "2024-11-26T05:45")]);
        t!(
            Fr,
            "1999-05-20",
            "Il a été admis mardi vers 21 h 45.",
            [("mardi", "1999-05-18"), ("21 h 45", "1999-05-18T21:45")]
        );
        t!(Fr, "1999-09-04", "Hier à 10 h, les délégués ont voté.", [("Hier à 10 h", "1999-09-03T10:00")]);
        t!(
            Fr,
            "2003-02-22",
            "Vers 0 h 40, jeudi, deux voitures se sont heurtées.",
            [("0 h 40", "2003-02-20T00:40"), ("jeudi", "2003-02-20"),]
        );
        t!(
            Fr,
            "1999-05-29",
            "Hier, vers midi, une femme est tombée.",
            [("Hier", "1999-05-28"), ("midi", "1999-05-28T12:00")]
        );
        t!(Fr, "2024-11-26", "Il est arrivé vers 18 heures.", [("18 heures", "2024-11-26T18:00")]);
        t!(Fr, "2003-02-04", "Une panne a plongé hier soir l'Algérie dans le noir.", [("hier soir", "2003-02-03TEV")]);
        t!(Fr, "1999-07-28", "Le CICV sur Arte ce soir.", [("ce soir", "1999-07-28TEV")]);
        t!(En, "2024-11-26", "at 3 p.m.", [("at 3 p.m.", "2024-11-26T15:00")]);
        t!(En, "2024-11-26", "yesterday morning", [("yesterday morning", "2024-11-25TMO")]);
        t!(En, "2024-11-26", "tonight", [("tonight", "2024-11-26TNI")]);
        // After a night told, the small hours and the morning are the next day's.
        t!(
            Fr,
            "2025-02-09",
            "Il est mort dans la nuit de samedi à dimanche. L'alerte a été donnée vers 3 heures. Le maire est venu dans la matinée.",
            [
                ("la nuit de samedi à dimanche", "2025-02-08TNI"),
                ("3 heures", "2025-02-09T03:00"),
                ("la matinée", "2025-02-09TMO")
            ]
        );
        t!(
            Fr,
            "2025-02-09",
            "Samedi, vers 3 heures, il est parti.",
            [("Samedi", "2025-02-08"), ("3 heures", "2025-02-08T03:00")]
        );
        t!(En, "2024-11-26", "at noon", [("at noon", "2024-11-26T12:00")]);
        t!(En, "2013-02-12", "tomorrow at 3pm", [("tomorrow at 3pm", "2013-02-13T15:00")]);
        t!(En, "2013-02-12", "next Tuesday at 5 pm", [("next Tuesday at 5 pm", "2013-02-19T17:00")]);
        t!(En, "2013-02-12", "November 25 at 3 p.m.", [("November 25 at 3 p.m.", "2012-11-25T15:00")]);
    }

    #[test]
    fn durations_and_the_ages_that_are_not() {
        t!(Fr, "2024-11-26", "Il a régné pendant trois ans.", [("trois ans", "P3Y")]);
        t!(Fr, "2024-11-26", "Il a passé dix-huit mois en prison.", [("dix-huit mois", "P18M")]);
        t!(Fr, "1999-05-19", "Ces derniers jours, M. Eltsine a montré des signes.", [("Ces derniers jours", "PXD")]);
        t!(Fr, "2024-11-26", "Depuis plusieurs années, il vit à Paris.", [("plusieurs années", "PXY")]);
        t!(Fr, "1999-05-22", "Ils l'ont rencontré environ une heure plus tard.", [("environ une heure", "PT1H")]);
        t!(Fr, "2003-02-23", "Le local sert depuis un quart de siècle.", [("un quart de siècle", "P25Y")]);
        t!(Fr, "1999-05-17", "Il devance Irvine de 30,4 secondes.", [("30,4 secondes", "PT30.4S")]);
        t!(Fr, "2024-11-26", "Il a été condamné à cinq ans de prison.", [("cinq ans", "P5Y")]);
        t!(Fr, "2003-02-04", "Inaugurée il y a quelques mois.", [("quelques mois", "PXM")]);
        t!(Fr, "2024-11-26", "Une fillette de 6 ans s'est noyée.", []);
        t!(Fr, "2024-11-26", "Florian Désoteux, 26 ans, demeurant à Commercy.", []);
        t!(Fr, "2024-11-26", "Il a 35 ans.", []);
        t!(En, "2024-11-26", "for three years", [("for three years", "P3Y")]);
        t!(En, "2024-11-26", "half an hour", [("half an hour", "PT30M")]);
        t!(En, "2024-11-26", "the past two weeks", [("the past two weeks", "P2W")]);
        t!(En, "2024-11-26", "a week", [("a week", "P1W")]);
    }

    #[test]
    fn months_years_decades_centuries_and_seasons() {
        t!(Fr, "1999-07-24", "La bibliothèque sera fermée en juillet.", [("juillet", "1999-07")]);
        t!(Fr, "1999-05-23", "Le contrat sera signé en juin prochain.", [("juin prochain", "1999-06")]);
        t!(Fr, "2002-09-14", "Il achèvera début octobre son mandat.", [("début octobre", "2002-10")]);
        t!(Fr, "1999-05-23", "Il aménage ses rythmes dès octobre 98.", [("octobre 98", "1998-10")]);
        t!(Fr, "2024-11-26", "Il est mort en 1995.", [("1995", "1995")]);
        t!(Fr, "2024-11-26", "Il est mort en avril 2003.", [("avril 2003", "2003-04")]);
        t!(Fr, "2002-09-10", "Pour cette saison 2002/2003, tout change.", [("2002", "2002"), ("2003", "2003")]);
        t!(Fr, "2024-11-26", "Dans les années 1990, tout allait bien.", [("les années 1990", "199")]);
        t!(Fr, "2024-11-26", "Au XXe siècle, la guerre.", [("XXe siècle", "19")]);
        t!(Fr, "2024-11-26", "Il reviendra cet été.", [("cet été", "2024-SU")]);
        t!(Fr, "1999-08-06", "La demande augmente en été.", [("été", "XXXX-SU")]);
        t!(Fr, "2024-11-26", "Il a été élu.", []);
        t!(Fr, "2002-02-09", "Les Jeux olympiques d'hiver s'ouvrent.", []);
        t!(Fr, "2024-11-26", "Mars est une planète.", []);
        t!(En, "2024-11-26", "the 1990s", [("the 1990s", "199")]);
        t!(En, "2024-11-26", "in 1995", [("in 1995", "1995")]);
        t!(En, "2024-11-26", "the 20th century", [("the 20th century", "19")]);
        t!(En, "2024-11-26", "in the summer of 2003", [("in the summer of 2003", "2003-SU")]);
        t!(En, "2024-11-26", "prices fall sharply", []);
        t!(En, "2024-11-26", "you may go", []);
    }

    #[test]
    fn sets_and_habits() {
        t!(Fr, "2024-11-26", "Il passe chaque lundi.", [("chaque lundi", "XXXX-WXX-1")]);
        t!(Fr, "1999-09-05", "Les inscriptions auront lieu tous les jeudis.", [("tous les jeudis", "XXXX-WXX-4")]);
        t!(
            Fr,
            "1999-07-24",
            "Elle rouvrira en août, uniquement le mercredi.",
            [("août", "1999-08"), ("le mercredi", "XXXX-WXX-3")]
        );
        t!(Fr, "2002-02-09", "9 millions de personnes visitent chaque année les parcs.", [("chaque année", "P1Y")]);
        t!(Fr, "2002-09-14", "Les patrouilles sont le lot quotidien des soldats.", [("quotidien", "P1D")]);
        t!(Fr, "2002-02-09", "Un sondage paru dans le quotidien local.", []);
        t!(En, "2024-11-26", "every Monday", [("every Monday", "XXXX-WXX-1")]);
        t!(En, "2024-11-26", "twice a week", [("twice a week", "P1W")]);
        t!(En, "2024-11-26", "daily", [("daily", "P1D")]);
    }

    #[test]
    fn without_a_document_date_values_stay_underspecified() {
        let doc = Doc::new("Il est revenu le 23 novembre, mardi.", Lang::Fr);
        let (times, _) = find(&doc, None);
        let values: Vec<&str> = times.iter().map(|t| t.value.as_str()).collect();
        assert_eq!(values, ["XXXX-11-23", "XXXX-WXX-2"]);
    }

    #[test]
    fn the_document_date_is_inferred_from_openers_datelines_and_full_dates() {
        let cases = [
            (
                "Ce 26 novembre, le ministère a parlé. «Le 25 novembre 2024, le régime a tiré.»",
                Lang::Fr,
                Some("2024-11-26"),
            ),
            ("Le 25 novembre 2024, Kiev a tiré. Ce 26 novembre, Moscou a répondu.", Lang::Fr, Some("2024-11-26")),
            ("PARIS, 12 mars 2023\nLe gouvernement a annoncé hier une réforme.", Lang::Fr, Some("2023-03-12")),
            ("Elle est née le 6 mars 1941. Elle est décédée le 13 février 2003.", Lang::Fr, Some("2003-02-13")),
            ("WASHINGTON, November 25, 2024\nThe president said on Monday.", Lang::En, Some("2024-11-25")),
            ("Le ministère a parlé hier.", Lang::Fr, None),
        ];
        for (text, lang, want) in cases {
            let doc = Doc::new(text, lang);
            assert_eq!(infer_doc_date(&doc).map(|d| d.to_string()).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn the_timeline_orders_clauses_by_value() {
        let text = "Le 25 novembre, Kirby a parlé. Ce 26 novembre, le ministère a déclaré que l'attaque, survenue le 23 novembre, avait échoué.";
        let doc = Doc::new(text, Lang::Fr);
        let (times, timeline) = find(&doc, Date::parse_iso("2024-11-26"));
        let values: Vec<&str> = timeline.iter().map(|e| e.value.as_str()).collect();
        assert_eq!(values, ["2024-11-23", "2024-11-25", "2024-11-26"]);
        assert_eq!(timeline[1].span.text, "Le 25 novembre, Kirby a parlé");
        for e in &timeline {
            assert!(e.span.contains(&times[e.time].span), "the clause holds its time: {}", e.span.text);
        }
    }

    #[test]
    fn the_timeline_keeps_the_events_of_one_value_in_text_order() {
        let text =
            "Le 25 novembre, Kirby a parlé. Le 23 novembre, l'attaque a échoué. Le 25 novembre, Moscou a répondu.";
        let doc = Doc::new(text, Lang::Fr);
        let (_, timeline) = find(&doc, Date::parse_iso("2024-11-26"));
        let events: Vec<(&str, usize)> = timeline.iter().map(|e| (e.value.as_str(), e.time)).collect();
        assert_eq!(events, [("2024-11-23", 1), ("2024-11-25", 0), ("2024-11-25", 2)]);
    }

    #[test]
    fn a_piece_longer_than_the_window_is_cut_at_its_comma() {
        // No stop for far more than the window on either side of "hier", in
        // one sentence (long words keep it under the segmenter's token cap).
        let unit = "anticonstitutionnellement, ";
        let text = format!("{}il est venu hier, {}", unit.repeat(20), unit.repeat(20));
        let doc = Doc::new(&text, Lang::Fr);
        let start = text.find("hier").expect("in the text");
        let (a, b) = clause_around(&doc, start, start + "hier".len());
        assert_eq!(&text[a..b], "il est venu hier");
        // A short piece inside the window still reaches its edges.
        let text = "Le 25 novembre, 25/11/2024, hier : tout a changé.";
        let doc = Doc::new(text, Lang::Fr);
        let start = text.find("hier").expect("in the text");
        let (a, b) = clause_around(&doc, start, start + "hier".len());
        assert_eq!(&text[a..b], "Le 25 novembre, 25/11/2024, hier");
    }

    /// The clause as first written, decoding chars on each side: the byte
    /// scans must find the same edges.
    fn clause_by_chars(doc: &Doc, start: usize, end: usize) -> (usize, usize) {
        let Some((s, lo, hi)) = clause_window(doc, start, end) else { return (start, end) };
        let text = doc.text;
        let is_hard = |c: char| matches!(c, ';' | ':' | '«' | '»' | '"' | '“' | '”' | '(' | ')');
        let ends_sentence = |i: usize, c: char| {
            matches!(c, '.' | '!' | '?') && text[i + c.len_utf8()..].starts_with(char::is_whitespace)
        };
        let piece_start = text[lo..start]
            .char_indices()
            .rev()
            .find(|&(i, c)| is_hard(c) || ends_sentence(lo + i, c))
            .map_or(lo, |(i, c)| lo + i + c.len_utf8());
        let piece_end = text[end..hi]
            .char_indices()
            .find(|&(i, c)| is_hard(c) || ends_sentence(end + i, c))
            .map_or(hi, |(i, _)| end + i);
        let comma_start = text[piece_start..start].rfind(',').map_or(piece_start, |i| piece_start + i + 1);
        let comma_end = text[end..piece_end].find(',').map_or(piece_end, |i| end + i);
        let words = |a: usize, b: usize| text[a..b].split_whitespace().count();
        let (mut a, mut b) = (comma_start, comma_end);
        if words(a, start) + words(end, b) < 4 {
            if piece_start > lo || lo == s.start {
                a = piece_start;
            }
            if piece_end < hi || hi == s.end {
                b = piece_end;
            }
        }
        trim_clause(text, a, b, start, end)
    }

    #[test]
    fn clause_edges_are_found_as_by_decoding_chars() {
        let texts = [
            "Le 25 novembre, Kirby a parlé. Ce 26 novembre, le ministère a déclaré que l'attaque, survenue le 23 novembre, avait échoué.",
            "« Hier, dit-il, tout a changé » ; le 3 mai (un mardi) : “rien”. Puis, le 4 mai, é, ü, 日本, 🇫🇷, «x», fin!",
            "A\u{a0}b. c.d « e » f?\u{2003}g ‹ h › i “ j ” k ; l , m , n , o , p , q , r , s , t , u , v",
            "mot, mot, mot, mot, mot, mot, mot, mot, mot, mot, mot, mot, mot, mot, mot, mot, mot, mot",
        ];
        for text in texts {
            let long = format!("{} {}", "un deux trois quatre, cinq six sept; huit. ".repeat(12), text);
            for text in [text, long.as_str()] {
                let doc = Doc::new(text, Lang::Fr);
                let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
                for (k, &start) in bounds.iter().enumerate() {
                    for &end in bounds[k..].iter().take(6) {
                        assert_eq!(
                            clause_around(&doc, start, end),
                            clause_by_chars(&doc, start, end),
                            "{start}..{end} of {text}"
                        );
                    }
                }
            }
        }
    }

    /// The grammar matches on a lowercased copy of the text: capitals, accented
    /// ones included, and curly apostrophes must match as the lexicon's words do.
    #[test]
    fn accented_capitals_and_curly_apostrophes_match() {
        t!(Fr, "2024-11-26", "Il reviendra l'Été prochain.", [("l'Été prochain", "2025-SU")]);
        t!(
            Fr,
            "2024-11-26",
            "Eté 2003 : ÉTÉ 2003, l’ÉTÉ 2003.",
            [("Eté", "XXXX-SU"), ("2003", "2003"), ("ÉTÉ", "XXXX-SU"), ("2003", "2003"), ("l’ÉTÉ 2003", "2003-SU")]
        );
        t!(
            Fr,
            "2024-11-26",
            "Le sommet a eu lieu Mardi 3 Mars. MARDI 3 MARS 2003, il est venu.",
            [("Mardi 3 Mars", "2024-03-03"), ("MARDI 3 MARS 2003", "2003-03-03")]
        );
        t!(
            Fr,
            "2024-11-26",
            "Aujourd’hui, il pleut. Il est venu il y a DEUX JOURS, AUJOURD'HUI et l’année dernière.",
            [
                ("Aujourd’hui", "PRESENT_REF"),
                ("il y a DEUX JOURS", "2024-11-24"),
                ("AUJOURD'HUI", "2024-11-26"),
                ("l’année dernière", "2023")
            ]
        );
        t!(
            Fr,
            "2024-11-26",
            "Au XXE SIÈCLE, au xxe siècle, à 18 H 30.",
            [("XXE SIÈCLE", "19"), ("xxe siècle", "19"), ("18 H 30", "2024-11-26T18:30")]
        );
        t!(
            En,
            "2024-11-26",
            "It happened THREE TIMES A YEAR, on MONDAY, March 3rd, at 3 P.M. o’clock, in the ’90s, 5 O’CLOCK.",
            [
                ("THREE TIMES A YEAR", "P1Y"),
                ("on MONDAY, March 3rd, at 3 P.M.", "2025-03-03T15:00"),
                ("in the ’90s", "199"),
                ("5 O’CLOCK", "2025-03-03T05:00")
            ]
        );
    }

    /// Words before an expression are read back by byte offsets: a curly
    /// apostrophe (three bytes, one once normalised) must not cut a character.
    #[test]
    fn curly_apostrophes_before_an_age_never_cut_a_character() {
        t!(Fr, "1999-05-29", "Une Femme D’Une Trentaine D’Années Est Tombée.", []);
        t!(Fr, "1999-05-29", "Une femme d’une trentaine d’années est tombée.", []);
    }

    #[test]
    fn hostile_input_never_panics() {
        let long = "hier 25 novembre 2024 à 5h45 ".repeat(2000);
        let inputs = [
            "",
            " ",
            "\u{0}\u{1}",
            "<p>le 3 mai</p>",
            "😀 le 1er 😀 mars 🇫🇷",
            "é\u{301}té 2024 é",
            &long,
            "31/02/2024",
            "99/99/9999",
            "le 32 mai",
        ];
        for text in inputs {
            for lang in Lang::ALL {
                let doc = Doc::new(text, lang);
                let _ = infer_doc_date(&doc);
                let (times, timeline) = find(&doc, Date::parse_iso("2024-11-26"));
                for t in &times {
                    assert_eq!(&text[t.span.start..t.span.end], t.span.text);
                }
                assert!(timeline.len() <= times.len());
            }
        }
    }
}

//! What each kind of rule means: checks that need more than a regex, the
//! choice among overlapping matches, and the TIMEX3 values.

use crate::date::{days_in_month, Date};
use crate::lang::Lang;
use crate::segment::{is_alphabetic, is_alphanumeric, Doc};
use crate::span::Span;

use super::grammar::{self, normalise, Lexicon, NumWord, RuleMatch};
use super::{TimeExpr, TimexType};

/// A number in a time expression: a value, or a vague amount ("plusieurs").
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Amount {
    Value(f64),
    Vague,
}

/// Reads a number of a time expression: digits (`30,4`, `10`) or words of
/// `lang` (`dix-huit`, `twenty-one`, `plusieurs`).
pub fn parse_number(s: &str, lang: Lang) -> Option<Amount> {
    let s = s.trim();
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        return crate::decimal::parse(&s.replace(',', ".")).map(Amount::Value);
    }
    let lex = &grammar::of(lang).lexicon;
    let norm = normalise(s);
    let mut total = 0u64;
    let mut current = 0u64;
    let mut last = 0u64;
    let mut any = false;
    for word in norm.split(['-', ' ']).filter(|w| !w.is_empty() && *w != "et" && *w != "and") {
        match lex.numbers.get(word)? {
            NumWord::Vague => return Some(Amount::Vague),
            &NumWord::Round(v) => {
                any = true;
                current = current.max(1) * u64::from(v);
                last = u64::from(v);
            }
            &NumWord::Value(v) => {
                let v = u64::from(v);
                any = true;
                if v == 100 {
                    current = current.max(1) * 100;
                } else if v >= 1000 {
                    total += current.max(1) * v;
                    current = 0;
                } else if v == 20 && last == 4 && current % 100 == 4 {
                    // quatre-vingt(s): four twenties.
                    current += 76;
                } else {
                    current += v;
                }
                last = v;
            }
        }
    }
    any.then(|| Amount::Value((total + current) as f64))
}

/// A resolved expression before it becomes a [`TimeExpr`].
#[derive(Clone, Debug)]
struct Resolved {
    start: usize,
    end: usize,
    kind: TimexType,
    value: String,
}

/// What a rule needs to wait for: expressions anchored on a day told
/// elsewhere are resolved once every plain date is known.
fn is_anchored(kind: &str) -> bool {
    matches!(kind, "time" | "part" | "anchor" | "anaphor")
}

struct Ctx<'a> {
    doc: &'a Doc<'a>,
    lex: &'static Lexicon,
    date: Option<Date>,
    future: Vec<Option<bool>>,
}

impl Ctx<'_> {
    fn text(&self) -> &str {
        self.doc.text
    }

    /// Whether the sentence holding `at` speaks of the future.
    fn is_future(&mut self, at: usize) -> bool {
        let Some(si) = self.doc.sentence_at(at) else { return false };
        if let Some(f) = self.future[si] {
            return f;
        }
        let s = &self.doc.sentences[si];
        let f = clause_is_future(self.doc.sentence_text(s), self.lex);
        self.future[si] = Some(f);
        f
    }
}

fn clause_is_future(text: &str, lex: &Lexicon) -> bool {
    // One buffer for every word: a sentence has dozens, and `normalise` would
    // allocate each (its words hold no white space, so folding is all it does).
    let mut w = String::new();
    text.split(|c: char| !(is_alphanumeric(c) || c == '\'' || c == '’' || c == '-')).any(|word| {
        if word.is_empty() || word.starts_with(char::is_uppercase) {
            return false;
        }
        w.clear();
        crate::segment::fold_into(word, &mut w);
        let w = w.as_str();
        let future = lex.future_words.contains(&w)
            || lex.future_endings.iter().any(|e| w.len() >= e.len() + 2 && w.ends_with(e));
        future && !lex.future_exceptions.contains(&w)
    })
}

/// The word before byte `at`, lowercased, skipping spaces.
fn word_before(text: &str, at: usize) -> String {
    word_before_at(text, at).1
}

/// The word before byte `at`, skipping spaces: where it starts in `text`, and
/// the word lowercased. The start is read from the text itself, not from the
/// normalised word, whose length differs ("d’" is two bytes once normalised).
fn word_before_at(text: &str, at: usize) -> (usize, String) {
    let head = text[..at].trim_end();
    let start = head
        .rfind(|c: char| !(is_alphanumeric(c) || c == '-' || c == '\'' || c == '’'))
        .map_or(0, |i| i + head[i..].chars().next().map_or(1, char::len_utf8));
    (start, normalise(&head[start..]))
}

/// The word after byte `at`, lowercased, skipping spaces.
fn word_after(text: &str, at: usize) -> String {
    let tail = text[at..].trim_start();
    let end = tail.find(|c: char| !(is_alphanumeric(c) || c == '-')).unwrap_or(tail.len());
    normalise(&tail[..end])
}

/// The first non-space character after byte `at`.
fn next_visible(text: &str, at: usize) -> Option<char> {
    text[at..].chars().find(|c| !c.is_whitespace())
}

/// Whether `at` opens a clause: nothing but a sentence end, an opening quote
/// or a dash before it (sentences inside quotes stay one sentence).
fn opens_clause(text: &str, at: usize) -> bool {
    let head = &text[..at];
    let trimmed = head.trim_end();
    head[trimmed.len()..].contains('\n') || trimmed.chars().next_back().map_or(true, |c| ".!?«:;\"“—–-_".contains(c))
}

fn strip_elision(w: &str) -> &str {
    w.rsplit(['\'']).next().unwrap_or(w)
}

const PREPOSITIONS: &[&str] = &[
    "de",
    "d'",
    "pour",
    "par",
    "sur",
    "à",
    "en",
    "avec",
    "dans",
    "chez",
    "sans",
    "et",
    "ou",
    "principaux",
    "principales",
    "grands",
    "grandes",
    "autres",
    "plusieurs",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "of",
    "for",
    "in",
    "on",
    "and",
];

const DETERMINERS: &[&str] = &[
    "le", "la", "les", "l'", "un", "une", "du", "des", "au", "aux", "ce", "cet", "cette", "son", "sa", "ses", "leur",
    "notre", "votre", "mon", "ton", "the", "a", "an", "his", "her", "its", "our", "their", "this",
];

/// Checks a match on what surrounds it, where a regex cannot see.
fn acceptable(m: &RuleMatch, ctx: &Ctx) -> bool {
    let text = ctx.text();
    let lex = ctx.lex;
    let (s, e) = m.span;
    let first_upper = text[s..e].starts_with(char::is_uppercase);
    let sentence_start = opens_clause(text, s);
    match m.kind {
        "month" => {
            let word = m.get(text, "month").unwrap_or("");
            let upper = word.starts_with(char::is_uppercase);
            match ctx.doc.lang {
                // French months are lowercase: "Mars" is the planet or the god.
                Lang::Fr => !upper,
                // English months are capitalised: "may" and "march" are words too.
                Lang::En => upper && !(normalise(word) == "may" && sentence_start),
            }
        }
        "year" | "yearbare" => {
            let after = word_after(text, e);
            let next = next_visible(text, e);
            let year_like = |c: Option<char>| c.map_or(true, |c| !is_alphanumeric(c) || c == '/');
            let head = &text[..s];
            // The second year of a season: "2001-2002", "2002/2003".
            let after_year = (head.ends_with('-') || head.ends_with('/'))
                && head[..head.len() - 1].ends_with(|c: char| c.is_ascii_digit());
            if m.kind == "yearbare" {
                // A bare number is a year only at the end of a phrase: "… en 2003."
                let before = head.trim_end().chars().next_back();
                return after_year
                    || (next.map_or(true, |c| matches!(c, '.' | ',' | ';' | ')' | ':'))
                        && !before.is_some_and(|c| c.is_ascii_digit() || matches!(c, '$' | '€' | '£')));
            }
            // "l'année 2001" says it is a year whatever follows.
            if m.group("year").is_some_and(|g| g.0 > s) {
                return true;
            }
            year_like(next) || matches!(after.as_str(), "et" | "à" | "au" | "and" | "to" | "jusqu'à")
        }
        "setword" | "set" if m.has("setword") => {
            // An adjective after its noun ("le lot quotidien"), not a noun ("les quotidiens").
            let before = word_before(text, s);
            let noun_before = before.starts_with(is_alphabetic)
                && !DETERMINERS.contains(&before.as_str())
                && !PREPOSITIONS.contains(&before.as_str());
            match ctx.doc.lang {
                Lang::Fr => noun_before,
                Lang::En => !first_upper || sentence_start,
            }
        }
        "setday" => {
            // "le mercredi 3 avril" is a date, "le mercredi" a habit.
            let after = word_after(text, e);
            let habitual_plural = text[s..e].trim_end().ends_with(['s', 'S']);
            habitual_plural
                || !(after.starts_with(|c: char| c.is_ascii_digit())
                    || lex.directions.contains_key(&after)
                    || lex.parts.contains_key(&after)
                    || matches!(after.as_str(), "suivant" | "précédent" | "même"))
        }
        "season" => {
            let word = normalise(m.get(text, "season").unwrap_or(""));
            // "été" is also the participle of "être": bare, only capitalised;
            // "les Jeux d'hiver" name a kind, not a time.
            let bare = m.group("season").map(|g| g.0) == Some(m.start);
            let before = word_before(text, m.start);
            // "prices fall", "a spring": English seasons need a determiner or a year.
            if ctx.doc.lang == Lang::En && bare && !m.has("year") {
                return matches!(before.as_str(), "the" | "this" | "last" | "next" | "early" | "late" | "mid");
            }
            !(bare && (matches!(before.as_str(), "d'" | "de") || before.ends_with('\'')))
                && (!bare || word != "été" || first_upper)
        }
        "duration" | "ago" | "later" => {
            if let Some(num) = m.get(text, "num") {
                if normalise(num) == "des" {
                    let before = word_before(text, m.start);
                    return matches!(before.as_str(), "depuis" | "pendant" | "durant" | "après" | "for");
                }
            }
            if m.kind == "duration" && (is_age(m, ctx) || is_ordinal_second(m, ctx)) {
                return false;
            }
            true
        }
        _ => true,
    }
}

/// "a second attack", "une seconde fois": "second" as an ordinal, not a unit.
fn is_ordinal_second(m: &RuleMatch, ctx: &Ctx) -> bool {
    let text = ctx.text();
    let unit = m.get(text, "unit").map(normalise).unwrap_or_default();
    if !matches!(unit.as_str(), "second" | "seconde") {
        return false;
    }
    let after = word_after(text, m.end);
    after.starts_with(is_alphabetic)
        && !matches!(
            after.as_str(),
            "ago" | "later" | "earlier" | "before" | "after" | "and" | "or" | "plus" | "et" | "ou"
        )
}

/// "une fillette de 6 ans", "les moins de 17 ans", "(35 ans)", "five years old".
fn is_age(m: &RuleMatch, ctx: &Ctx) -> bool {
    let text = ctx.text();
    let Some(unit) = m.get(text, "unit") else { return false };
    if ctx.lex.units.get(&normalise(unit)).copied() != Some("Y") {
        return false;
    }
    let (before_start, before) = word_before_at(text, m.start);
    let after = word_after(text, m.end);
    if after == "old" || after == "d'âge" {
        return true;
    }
    let open = text[..m.start].trim_end().chars().next_back();
    let close = next_visible(text, m.end);
    // "(35 ans)", "Alain Parmentier, 53 ans, employé", "les 0-6 ans".
    if (open == Some('(') && close == Some(')'))
        || (open == Some(',') && matches!(close, Some(',' | ')' | '.')))
        || (open == Some('-')
            && text[..m.start].trim_end().trim_end_matches('-').ends_with(|c: char| c.is_ascii_digit()))
    {
        return true;
    }
    let (before2_start, before2) = word_before_at(text, before_start);
    match before.as_str() {
        // "d'ici à dix ans" is a span of time, "à 35 ans" an age.
        // "condamné à cinq ans de prison" is a sentence, not an age.
        "à" => !matches!(before2.as_str(), "d'ici" | "ici") && !matches!(after.as_str(), "de" | "d" | "d'"),
        // "fête ses 80 ans", "à l'âge de 80 ans".
        "âgé" | "âgée" | "âgés" | "âgées" | "a" | "avait" | "avaient" | "ont" | "aura" | "aged" | "ses" | "son"
        | "leurs" | "nos" | "mes" | "vos" | "âge" => true,
        "de" | "d'" => {
            let durable = [
                "période",
                "terme",
                "durée",
                "peine",
                "bout",
                "espace",
                "cours",
                "plan",
                "total",
                "programme",
                "contrat",
                "mandat",
                "prison",
                "près",
                "délai",
                "moyenne",
                "retard",
                "absence",
            ];
            if matches!(before2.as_str(), "plus" | "moins") {
                let before3 = word_before(text, before2_start);
                return matches!(before3.as_str(), "les" | "des" | "aux");
            }
            !durable.contains(&strip_elision(&before2))
        }
        _ => false,
    }
}

/// Keeps, from left to right, the longest acceptable match at each place (of
/// equal lengths, the first rule's), where no match kept before reaches.
fn select(mut cands: Vec<RuleMatch>) -> Vec<RuleMatch> {
    // The grammar hands them over in the order of their starts, which this
    // only checks: a flood of dates has a match every few bytes, and sorting
    // them by length as well made the pass grow faster than the text.
    crate::sort::sort_by_key(&mut cands, |m| m.start);
    let mut out: Vec<RuleMatch> = Vec::new();
    let mut reach = 0;
    let mut cands = cands.into_iter().peekable();
    while let Some(first) = cands.next() {
        // The best of the matches that start where `first` does.
        let mut best = first;
        while let Some(c) = cands.next_if(|c| c.start == best.start) {
            if (c.end, std::cmp::Reverse(c.rule)) > (best.end, std::cmp::Reverse(best.rule)) {
                best = c;
            }
        }
        if best.start >= reach {
            reach = best.end;
            out.push(best);
        }
    }
    out
}

/// `matches` are every rule's matches in the text ([`grammar::candidates`]).
pub(super) fn find_times(doc: &Doc, matches: Vec<RuleMatch>, doc_date: Option<Date>) -> Vec<TimeExpr> {
    let lex = &grammar::of(doc.lang).lexicon;
    let mut ctx = Ctx { doc, lex, date: doc_date, future: vec![None; doc.sentences.len()] };
    let cands: Vec<RuleMatch> = matches.into_iter().filter(|m| acceptable(m, &ctx)).collect();
    let chosen = select(cands);
    // Plain expressions first, so that anchored ones can look both ways.
    let mut resolved: Vec<Vec<Resolved>> = vec![Vec::new(); chosen.len()];
    for (i, m) in chosen.iter().enumerate() {
        if !is_anchored(m.kind) {
            resolved[i] = resolve_plain(m, &mut ctx);
        }
    }
    // One pass in text order, carrying the last day and the last calendar value.
    let mut last_day: Option<Day> = None;
    let mut previous: Option<String> = None;
    for i in 0..chosen.len() {
        if is_anchored(chosen[i].kind) {
            let anchor = anchor_day(&chosen, &resolved, i, &ctx, last_day);
            resolved[i] = resolve_anchored(&chosen[i], &ctx, anchor, previous.clone());
        }
        for r in &resolved[i] {
            if let Some(d) = day_of_value(&r.value) {
                last_day = Some(d);
            }
            if is_calendar(&r.value) {
                previous = Some(r.value.clone());
            }
        }
    }
    resolved
        .into_iter()
        .flatten()
        .filter(|r| r.start < r.end)
        .map(|r| TimeExpr { span: Span::of(doc.text, r.start, r.end), kind: r.kind, value: r.value })
        .collect()
}

fn is_calendar(value: &str) -> bool {
    value.len() >= 4 && value[..4].bytes().all(|b| b.is_ascii_digit())
}

/// Before this hour a time of day after a night told is the next day's.
const SMALL_HOURS_END: u32 = 8;

/// How many neighbours in the same sentence a time of day looks at for its day.
const ANCHOR_WINDOW: usize = 6;

/// The day a time of day or "la veille" hangs on: a day told just before it in
/// the same sentence, else just after it in the same sentence, else the last
/// day told before it (`last_day`), else the document date.
fn anchor_day(
    chosen: &[RuleMatch],
    resolved: &[Vec<Resolved>],
    i: usize,
    ctx: &Ctx,
    last_day: Option<Day>,
) -> Option<Day> {
    let day_of = |k: usize| resolved[k].iter().find_map(|r| day_of_value(&r.value));
    let sentence = ctx.doc.sentence_at(chosen[i].start);
    let same = |k: &usize| ctx.doc.sentence_at(chosen[*k].start) == sentence;
    if chosen[i].kind != "anchor" {
        if let Some(d) = (0..i).rev().take(ANCHOR_WINDOW).take_while(same).find_map(day_of) {
            return Some(d);
        }
        if let Some(d) = (i + 1..chosen.len()).take(ANCHOR_WINDOW).take_while(same).find_map(day_of) {
            return Some(d);
        }
    }
    last_day.or(ctx.date.map(|date| Day { date, night: false }))
}

/// A day told, and whether it was told as a night ("la nuit de samedi à
/// dimanche": `…TNI`), after which the small hours and the morning are the next day's.
#[derive(Clone, Copy)]
struct Day {
    date: Date,
    night: bool,
}

/// The calendar day at the start of a value (`1999-05-18T21:45` → 1999-05-18).
fn day_of_value(value: &str) -> Option<Day> {
    value.get(..10).and_then(Date::parse_iso).map(|date| Day { date, night: value.ends_with("TNI") })
}

fn num_of(m: &RuleMatch, ctx: &Ctx, name: &str) -> Option<u32> {
    m.get(ctx.text(), name).and_then(|s| s.trim().parse().ok())
}

fn parse_day(s: &str) -> Option<u32> {
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() {
        // "1er", "first"
        return s.to_lowercase().starts_with("1er").then_some(1);
    }
    digits.parse().ok()
}

fn parse_year(s: &str) -> Option<i32> {
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    let y: i32 = digits.parse().ok()?;
    match digits.len() {
        4 => Some(y),
        2 if y >= 30 => Some(1900 + y),
        2 => Some(2000 + y),
        _ => None,
    }
}

fn month_of(m: &RuleMatch, ctx: &Ctx) -> Option<u32> {
    if let Some(w) = m.get(ctx.text(), "month") {
        return ctx.lex.months.get(&normalise(w)).copied();
    }
    num_of(m, ctx, "mnum").filter(|n| (1..=12).contains(n))
}

fn direction_of(m: &RuleMatch, ctx: &Ctx) -> Option<i32> {
    if m.has("this") {
        return Some(0);
    }
    m.get(ctx.text(), "dir").and_then(|w| ctx.lex.directions.get(&normalise(w)).copied())
}

fn iso(d: Date) -> String {
    d.to_string()
}

fn week_value(d: Date) -> String {
    let (y, w) = d.iso_week();
    format!("{y:04}-W{w:02}")
}

fn month_value(y: i32, m: u32) -> String {
    format!("{y:04}-{m:02}")
}

/// The year that puts day/month nearest the document date, in the direction
/// the clause points: `dir` -1 or +1 forces it, a future clause leans forward,
/// any other leans back. A weekday told with it picks the year it fits.
fn year_for(doc: Date, month: u32, day: u32, weekday: Option<u32>, dir: Option<i32>, future: bool) -> Option<Date> {
    let mut cands: Vec<Date> = (doc.year - 1..=doc.year + 1).filter_map(|y| Date::new(y, month, day)).collect();
    if let Some(wd) = weekday {
        if cands.iter().any(|d| d.weekday() == wd) {
            cands.retain(|d| d.weekday() == wd);
        }
    }
    let base = doc.to_days();
    cands
        .into_iter()
        .filter(|d| match dir {
            Some(-1) => d.to_days() <= base,
            Some(1) => d.to_days() >= base,
            _ => true,
        })
        .min_by_key(|d| {
            let dist = d.to_days() - base;
            let against = (dist > 0 && !future) || (dist < 0 && future);
            dist.abs() * if against { 3 } else { 1 }
        })
}

/// The year of a month told alone, by the same rule as [`year_for`].
fn year_for_month(doc: Date, month: u32, dir: Option<i32>, future: bool) -> i32 {
    let here = doc.year * 12 + doc.month as i32;
    (doc.year - 1..=doc.year + 1)
        .filter(|y| {
            let dist = y * 12 + month as i32 - here;
            match dir {
                Some(-1) => dist < 0,
                Some(1) => dist > 0,
                _ => true,
            }
        })
        .min_by_key(|y| {
            let dist = y * 12 + month as i32 - here;
            let against = (dist > 0 && !future) || (dist < 0 && future);
            dist.abs() * if against { 3 } else { 1 }
        })
        .unwrap_or(doc.year)
}

/// The weekday `wd` nearest the document date in the clause's direction.
fn weekday_date(doc: Date, wd: u32, dir: Option<i32>, future: bool) -> Date {
    let back = (i64::from(doc.weekday()) - i64::from(wd)).rem_euclid(7);
    let fwd = (i64::from(wd) - i64::from(doc.weekday())).rem_euclid(7);
    match dir {
        Some(-1) => doc.add_days(-(if back == 0 { 7 } else { back })),
        Some(1) => doc.add_days(if fwd == 0 { 7 } else { fwd }),
        _ if future => doc.add_days(fwd),
        _ => doc.add_days(-back),
    }
}

fn with_part(day: String, part: Option<&str>) -> (TimexType, String) {
    match part {
        Some(p) if p.starts_with('T') => (TimexType::Time, format!("{day}{p}")),
        Some(p) => (TimexType::Time, format!("{day}T{p}")),
        None => (TimexType::Date, day),
    }
}

fn part_code(m: &RuleMatch, ctx: &Ctx) -> Option<&'static str> {
    m.get(ctx.text(), "part").and_then(|p| ctx.lex.parts.get(&normalise(p)).copied())
}

/// `T21:45` from the clock groups of a match, if it has them.
fn clock(m: &RuleMatch, ctx: &Ctx) -> Option<String> {
    let text = ctx.text();
    if let Some(noon) = m.get(text, "noon") {
        let n = normalise(noon);
        let midnight = n.contains("minuit") || n.contains("midnight");
        return Some(if midnight { "T00:00".into() } else { "T12:00".into() });
    }
    let mut hour: u32 = num_of(m, ctx, "hour")?;
    let minute: u32 = num_of(m, ctx, "minute").unwrap_or(0);
    if let Some(ampm) = m.get(text, "ampm") {
        let pm = ampm.to_lowercase().starts_with('p');
        if hour > 12 {
            return None;
        }
        hour = match (pm, hour) {
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, 12) => 0,
            (false, h) => h,
        };
    }
    (hour <= 24 && minute < 60).then(|| format!("T{:02}:{minute:02}", hour % 24))
}

fn unit_of(m: &RuleMatch, ctx: &Ctx) -> Option<&'static str> {
    let u = normalise(m.get(ctx.text(), "unit")?);
    ctx.lex.units.get(&u).copied().or(match u.as_str() {
        "semestre" | "semestres" => Some("SEM"),
        "trimestre" | "trimestres" => Some("Q"),
        _ => None,
    })
}

/// The TIMEX3 duration `P…` of `amount` units.
fn duration_value(amount: Amount, unit: &str) -> String {
    let n = match amount {
        Amount::Vague => {
            return match unit {
                "H" | "MIN" | "S" => format!("PTX{}", &unit[..1]),
                "DE" => "PXDE".into(),
                "CE" => "PXCE".into(),
                "Q" => "PXQ".into(),
                "SEM" => "PXM".into(),
                u => format!("PX{u}"),
            }
        }
        Amount::Value(v) => v,
    };
    let fmt = crate::decimal::format3;
    match unit {
        "H" => format!("PT{}H", fmt(n)),
        "MIN" => format!("PT{}M", fmt(n)),
        "S" => format!("PT{}S", fmt(n)),
        "DE" => format!("P{}Y", fmt(n * 10.0)),
        "CE" => format!("P{}Y", fmt(n * 100.0)),
        "Q" => format!("P{}M", fmt(n * 3.0)),
        "SEM" => format!("P{}M", fmt(n * 6.0)),
        u => format!("P{}{u}", fmt(n)),
    }
}

/// The calendar value `n` units away from `doc`, at the unit's granularity.
fn shifted(doc: Date, n: i64, unit: &str) -> Option<(TimexType, String)> {
    let v = match unit {
        "D" => iso(doc.add_days(n)),
        "W" => week_value(doc.add_days(7 * n)),
        "M" => {
            let d = doc.add_months(n as i32);
            month_value(d.year, d.month)
        }
        "Q" => {
            let d = doc.add_months(3 * n as i32);
            format!("{:04}-Q{}", d.year, (d.month - 1) / 3 + 1)
        }
        "SEM" => {
            let d = doc.add_months(6 * n as i32);
            format!("{:04}-H{}", d.year, (d.month - 1) / 6 + 1)
        }
        "Y" => format!("{:04}", i64::from(doc.year) + n),
        "DE" => format!("{:03}", (i64::from(doc.year) + 10 * n) / 10),
        "CE" => format!("{:02}", (i64::from(doc.year) + 100 * n) / 100),
        _ => iso(doc),
    };
    Some((TimexType::Date, v))
}

fn roman(s: &str) -> Option<u32> {
    let mut total = 0i32;
    let mut prev = 0i32;
    for c in s.chars().rev() {
        let v = match c.to_ascii_uppercase() {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            _ => return None,
        };
        if v < prev {
            total -= v;
        } else {
            total += v;
            prev = v;
        }
    }
    u32::try_from(total).ok().filter(|&n| n > 0)
}

fn one(m: &RuleMatch, kind: TimexType, value: String) -> Vec<Resolved> {
    vec![Resolved { start: m.span.0, end: m.span.1, kind, value }]
}

fn resolve_plain(m: &RuleMatch, ctx: &mut Ctx) -> Vec<Resolved> {
    let text = ctx.doc.text;
    let lex = ctx.lex;
    let doc = ctx.date;
    let future = ctx.is_future(m.start);
    match m.kind {
        "date" => {
            let mut day = m.get(text, "day").and_then(parse_day);
            // Numeric dates: day first in French, month first in English, unless
            // the numbers say otherwise (25/11/2024, 11/25/2024).
            let mnum = if m.has("mnum") {
                let (Some(first), Some(second)) = (day, num_of(m, ctx, "mnum")) else { return Vec::new() };
                let month_first = ctx.doc.lang == Lang::En;
                let (d, mo) = match (month_first, first <= 12, second <= 12) {
                    (true, true, _) | (false, true, false) => (second, first),
                    _ => (first, second),
                };
                day = Some(d);
                mo
            } else {
                match month_of(m, ctx) {
                    Some(mo) => mo,
                    None => return Vec::new(),
                }
            };
            if !(1..=12).contains(&mnum) {
                return Vec::new();
            }
            let dir = direction_of(m, ctx);
            let mut year = m.get(text, "year").and_then(parse_year);
            let mut span = m.span;
            // A two-digit "year" followed by a word is a count: "le 6 mai 12 blessés".
            if let (Some(g), Some(_)) = (m.group("year"), year) {
                let raw = &text[g.0..g.1];
                if raw.len() == 2 && word_after(text, g.1).starts_with(is_alphabetic) {
                    year = None;
                    if span.1 == g.1 {
                        span.1 = text[..g.0].trim_end().len();
                    }
                }
            }
            let wd = m.get(text, "wd").and_then(|w| lex.weekdays.get(&normalise(w)).copied());
            let value_for = |day: Option<u32>| -> Option<String> {
                match (day, year) {
                    (Some(d), Some(y)) => Date::new(y, mnum, d).map(iso),
                    (Some(d), None) => match doc {
                        Some(dd) => year_for(dd, mnum, d, wd, dir, future).map(iso),
                        None => (d >= 1 && d <= days_in_month(2024, mnum)).then(|| format!("XXXX-{mnum:02}-{d:02}")),
                    },
                    (None, Some(y)) => Some(month_value(y, mnum)),
                    (None, None) => Some(match doc {
                        Some(dd) => month_value(year_for_month(dd, mnum, dir, future), mnum),
                        None => format!("XXXX-{mnum:02}"),
                    }),
                }
            };
            let mut out = Vec::new();
            if let Some(v) = value_for(day) {
                // "November 25 at 3 p.m.": a day and its hour make one TIME.
                let (kind, v) = match clock(m, ctx) {
                    Some(t) if v.len() == 10 => (TimexType::Time, format!("{v}{t}")),
                    _ => (TimexType::Date, v),
                };
                out.push(Resolved { start: span.0, end: span.1, kind, value: v });
            }
            if let (Some(y), Some(d2)) = (m.second, m.get(text, "day2").and_then(parse_day)) {
                if let Some(v) = value_for(Some(d2)) {
                    out.push(Resolved { start: y.0, end: y.1, kind: TimexType::Date, value: v });
                }
            }
            out
        }
        "month" => {
            let Some(month) = month_of(m, ctx) else { return Vec::new() };
            let dir = direction_of(m, ctx);
            let v = match doc {
                Some(dd) => month_value(year_for_month(dd, month, dir, future), month),
                None => format!("XXXX-{month:02}"),
            };
            one(m, TimexType::Date, v)
        }
        "year" | "yearbare" => {
            let mut out = Vec::new();
            if let Some(y) = m.get(text, "year").and_then(parse_year) {
                out.push(Resolved { start: m.span.0, end: m.span.1, kind: TimexType::Date, value: format!("{y:04}") });
            }
            if let (Some(sp), Some(y2)) = (m.second, m.get(text, "year2").and_then(parse_year)) {
                out.push(Resolved { start: sp.0, end: sp.1, kind: TimexType::Date, value: format!("{y2:04}") });
            }
            out
        }
        "decade" => {
            let Some(d) = m.get(text, "decade") else { return Vec::new() };
            let digits: String = d.chars().filter(char::is_ascii_digit).collect();
            let v = match digits.len() {
                4 => digits[..3].to_string(),
                2 => {
                    let n: u32 = digits.parse().unwrap_or(0);
                    format!("{}", if n >= 30 { 190 + n / 10 } else { 200 + n / 10 })
                }
                _ => return Vec::new(),
            };
            one(m, TimexType::Date, v)
        }
        "century" => {
            let n = m.get(text, "century").and_then(roman).or_else(|| {
                m.get(text, "centnum")
                    .and_then(|s| s.chars().take_while(char::is_ascii_digit).collect::<String>().parse().ok())
            });
            match n {
                Some(n) if (1..=30).contains(&n) => one(m, TimexType::Date, format!("{:02}", n - 1)),
                _ => Vec::new(),
            }
        }
        "relday" => {
            let off_word = normalise(m.get(text, "offset").unwrap_or(""));
            let Some(&off) = lex.offsets.get(&off_word) else { return Vec::new() };
            let part = part_code(m, ctx);
            let time = clock(m, ctx);
            // "Aujourd'hui, la ville a changé": today as the present age.
            let alone = m.span.1 - m.span.0 == m.get(text, "offset").map_or(0, str::len);
            let opens = opens_clause(text, m.span.0);
            if off == 0 && alone && opens && next_visible(text, m.span.1) == Some(',') && !m.has("wd") {
                return one(m, TimexType::Time, "PRESENT_REF".into());
            }
            let day = match doc {
                Some(d) => iso(d.add_days(off)),
                None if off == 0 => return one(m, TimexType::Date, "PRESENT_REF".into()),
                None => "XXXX-XX-XX".into(),
            };
            let night = off_word == "tonight";
            match time {
                Some(t) => one(m, TimexType::Time, format!("{day}{t}")),
                None if night => one(m, TimexType::Time, format!("{day}TNI")),
                None => {
                    let (k, v) = with_part(day, part);
                    one(m, k, v)
                }
            }
        }
        "today" => match doc {
            Some(d) => one(m, TimexType::Date, iso(d)),
            None => one(m, TimexType::Date, "PRESENT_REF".into()),
        },
        "setday" => {
            let Some(wd) = m.get(text, "wd").and_then(|w| lex.weekdays.get(&normalise(w)).copied()) else {
                return Vec::new();
            };
            one(m, TimexType::Set, format!("XXXX-WXX-{wd}"))
        }
        "set" => {
            if let Some(w) = m.get(text, "setword") {
                return match lex.sets.get(&normalise(w)) {
                    Some(v) => one(m, TimexType::Set, (*v).to_string()),
                    None => Vec::new(),
                };
            }
            let Some(unit) = unit_of(m, ctx) else { return Vec::new() };
            let n = match m.get(text, "num").map(|s| parse_number(s, ctx.doc.lang)) {
                Some(Some(a)) => a,
                Some(None) => return Vec::new(),
                None => Amount::Value(1.0),
            };
            one(m, TimexType::Set, duration_value(n, unit))
        }
        "weekday" => {
            let Some(wd) = m.get(text, "wd").and_then(|w| lex.weekdays.get(&normalise(w)).copied()) else {
                return Vec::new();
            };
            let dir = direction_of(m, ctx);
            let day = match doc {
                Some(d) => iso(weekday_date(d, wd, dir, future)),
                None => format!("XXXX-WXX-{wd}"),
            };
            if let Some(t) = clock(m, ctx) {
                return one(m, TimexType::Time, format!("{day}{t}"));
            }
            let (k, v) = with_part(day, part_code(m, ctx));
            one(m, k, v)
        }
        "weekend" => {
            let Some(d) = doc else { return one(m, TimexType::Date, "XXXX-WXX-WE".into()) };
            let dir = direction_of(m, ctx).filter(|&d| d != 0);
            let wd = i64::from(d.weekday());
            let saturday = match dir {
                Some(-1) if wd >= 6 => d.add_days(-7 - (wd - 6)),
                Some(-1) => d.add_days(-(wd + 1)),
                Some(_) if wd >= 6 => d.add_days(7 - (wd - 6)),
                Some(_) => d.add_days(6 - wd),
                None if wd >= 6 || future => d.add_days(6 - wd),
                None => d.add_days(-(wd + 1)),
            };
            one(m, TimexType::Date, format!("{}-WE", week_value(saturday)))
        }
        "relunit" => {
            let Some(unit) = unit_of(m, ctx) else { return Vec::new() };
            let n = i64::from(direction_of(m, ctx).unwrap_or(0));
            match doc {
                Some(d) => match shifted(d, n, unit) {
                    Some((k, v)) => one(m, k, v),
                    None => Vec::new(),
                },
                None => one(m, TimexType::Date, reference_of(n).into()),
            }
        }
        "ago" | "later" => {
            let Some(unit) = unit_of(m, ctx) else { return Vec::new() };
            let Some(amount) = m.get(text, "num").and_then(|s| parse_number(s, ctx.doc.lang)) else {
                return Vec::new();
            };
            match (amount, doc) {
                (Amount::Vague, _) => {
                    // TimeBank marks the amount alone: "il y a [quelques mois]".
                    let start = m.group("num").map_or(m.span.0, |g| g.0);
                    let end = m.group("unit").map_or(m.span.1, |g| g.1);
                    vec![Resolved { start, end, kind: TimexType::Duration, value: duration_value(amount, unit) }]
                }
                (Amount::Value(v), Some(d)) if v.fract() == 0.0 && v < 10_000.0 => {
                    let n = if m.kind == "ago" { -(v as i64) } else { v as i64 };
                    let n_days = match unit {
                        "H" | "MIN" | "S" => 0,
                        _ => n,
                    };
                    match shifted(d, n_days, unit) {
                        Some((k, val)) => one(m, k, val),
                        None => Vec::new(),
                    }
                }
                (Amount::Value(_), _) => {
                    one(m, TimexType::Date, if m.kind == "ago" { "PAST_REF" } else { "FUTURE_REF" }.into())
                }
            }
        }
        "duration" => {
            if let Some(f) = m.get(text, "fixed") {
                return match lex.fixed.get(&normalise(f)) {
                    Some(v) => one(m, TimexType::Duration, (*v).to_string()),
                    None => Vec::new(),
                };
            }
            let Some(unit) = unit_of(m, ctx) else { return Vec::new() };
            let amount = match m.get(text, "num") {
                Some(s) => match parse_number(s, ctx.doc.lang) {
                    Some(a) => a,
                    None => return Vec::new(),
                },
                None if m.has("vague") => Amount::Vague,
                None => Amount::Value(1.0),
            };
            let amount = match amount {
                Amount::Value(v) if m.has("half") => Amount::Value(v + 0.5),
                a => a,
            };
            if matches!(amount, Amount::Value(v) if v <= 0.0 || v > 100_000.0) {
                return Vec::new();
            }
            one(m, TimexType::Duration, duration_value(amount, unit))
        }
        "season" => {
            let Some(code) = m.get(text, "season").and_then(|w| lex.seasons.get(&normalise(w)).copied()) else {
                return Vec::new();
            };
            let year = m.get(text, "year").and_then(parse_year);
            let dir = direction_of(m, ctx);
            let v = match (year, dir, doc) {
                (Some(y), _, _) => format!("{y:04}-{code}"),
                (None, Some(n), Some(d)) => format!("{:04}-{code}", d.year + n),
                _ => format!("XXXX-{code}"),
            };
            one(m, TimexType::Date, v)
        }
        "holiday" => {
            let Some(&(mo, dy)) = m.get(text, "holiday").and_then(|w| lex.holidays.get(&normalise(w))) else {
                return Vec::new();
            };
            let v = match (m.get(text, "year").and_then(parse_year), doc) {
                (Some(y), _) => Date::new(y, mo, dy).map(iso),
                (None, Some(d)) => year_for(d, mo, dy, None, direction_of(m, ctx), future).map(iso),
                (None, None) => Some(format!("XXXX-{mo:02}-{dy:02}")),
            };
            v.map_or_else(Vec::new, |v| one(m, TimexType::Date, v))
        }
        "quarter" => {
            let Some(n) = m.get(text, "ordinal").and_then(|w| lex.ordinals.get(&normalise(w)).copied()) else {
                return Vec::new();
            };
            let half = m.get(text, "unit").map(normalise).is_some_and(|u| matches!(u.as_str(), "half" | "semestre"));
            let n = if half { n.min(2) } else { n };
            let year = m.get(text, "year").and_then(parse_year).or(doc.map(|d| d.year));
            let code = if half { format!("H{n}") } else { format!("Q{n}") };
            match year {
                Some(y) => one(m, TimexType::Date, format!("{y:04}-{code}")),
                None => one(m, TimexType::Date, format!("XXXX-{code}")),
            }
        }
        "ref" => match m.get(text, "ref").and_then(|w| lex.refs.get(&normalise(w))) {
            Some(v) => one(m, TimexType::Time, (*v).to_string()),
            None => Vec::new(),
        },
        _ => Vec::new(),
    }
}

fn resolve_anchored(m: &RuleMatch, ctx: &Ctx, anchor: Option<Day>, previous: Option<String>) -> Vec<Resolved> {
    let text = ctx.text();
    let night = anchor.is_some_and(|a| a.night);
    let anchor = anchor.map(|a| a.date);
    let day = anchor.map_or_else(|| "XXXX-XX-XX".to_string(), iso);
    let next_day = || anchor.map_or_else(|| "XXXX-XX-XX".to_string(), |a| iso(a.add_days(1)));
    match m.kind {
        "time" => match clock(m, ctx) {
            // "la nuit de samedi à dimanche… peu avant 3 heures": Sunday's small hours.
            Some(t)
                if night && t.get(1..3).and_then(|h| h.parse::<u32>().ok()).is_some_and(|h| h < SMALL_HOURS_END) =>
            {
                one(m, TimexType::Time, format!("{}{t}", next_day()))
            }
            Some(t) => one(m, TimexType::Time, format!("{day}{t}")),
            None => Vec::new(),
        },
        "part" => {
            let Some(code) = part_code(m, ctx) else { return Vec::new() };
            // The morning after a night told is the next day's.
            let day = if night && code == "TMO" { next_day() } else { day };
            // "ce soir" is tonight and "last night" the night before, whatever was told before.
            let day = match (m.has("this"), direction_of(m, ctx), ctx.date) {
                (true, _, Some(d)) => iso(d),
                (_, Some(-1), Some(d)) => iso(d.add_days(-1)),
                _ => day,
            };
            let (k, v) = with_part(day, Some(code));
            one(m, k, v)
        }
        "anchor" => {
            let Some(&off) = m.get(text, "anchor").and_then(|w| ctx.lex.anchors.get(&normalise(w))) else {
                return Vec::new();
            };
            match anchor {
                Some(a) => one(m, TimexType::Date, iso(a.add_days(off))),
                None => Vec::new(),
            }
        }
        "anaphor" => match previous {
            Some(v) => {
                let k = if v.contains('T') { TimexType::Time } else { TimexType::Date };
                one(m, k, v)
            }
            None => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// A key that sorts calendar values in time order: weeks become their Monday,
/// seasons and quarters a month; values that are not on the calendar give `None`.
pub(super) fn sort_key(value: &str) -> Option<String> {
    if !is_calendar(value) {
        return None;
    }
    if let Some((y, rest)) = value.split_once("-W") {
        let y: i32 = y.parse().ok()?;
        let w: i64 = rest.get(..2)?.parse().ok()?;
        let jan4 = Date::new(y, 1, 4)?;
        let monday = jan4.add_days(-(i64::from(jan4.weekday()) - 1) + 7 * (w - 1));
        return Some(monday.to_string());
    }
    let season = |code: &str| match code {
        "SP" => "03-21",
        "SU" => "06-21",
        "FA" => "09-23",
        "WI" => "12-21",
        "Q1" | "H1" => "01",
        "Q2" => "04",
        "Q3" | "H2" => "07",
        "Q4" => "10",
        _ => "",
    };
    if let Some((y, code)) = value.split_once('-') {
        let s = season(code);
        if !s.is_empty() {
            return Some(format!("{y}-{s}"));
        }
    }
    // Parts of the day sort at a typical hour: morning before afternoon before evening.
    for (code, clock) in [("TMO", "T08"), ("TDT", "T12"), ("TAF", "T14"), ("TEV", "T19"), ("TNI", "T23")] {
        if let Some(day) = value.strip_suffix(code) {
            return Some(format!("{day}{clock}"));
        }
    }
    Some(value.to_string())
}

/// See [`super::infer_doc_date`].
/// `dates` are the matches of the `date` rules: only full dates can tell the
/// document's date.
pub(super) fn infer_doc_date(doc: &Doc, dates: Vec<RuleMatch>) -> Option<Date> {
    let lex = &grammar::of(doc.lang).lexicon;
    let ctx = Ctx { doc, lex, date: None, future: vec![None; doc.sentences.len()] };
    let text = doc.text;
    let chosen = select(dates);
    let mut full: Vec<(usize, Date)> = Vec::new();
    let mut openers: Vec<(u32, u32)> = Vec::new();
    for m in &chosen {
        let (Some(month), Some(day)) = (month_of(m, &ctx), m.get(text, "day").and_then(parse_day)) else { continue };
        match m.get(text, "year").and_then(parse_year) {
            Some(y) => {
                if let Some(d) = Date::new(y, month, day) {
                    full.push((m.start, d));
                }
            }
            None => {
                let head = normalise(text[m.start..m.end].split_whitespace().next().unwrap_or(""));
                if matches!(head.as_str(), "ce" | "cette" | "this" | "today") || {
                    let before = word_before(text, m.start);
                    lex.offsets.get(&before) == Some(&0)
                } {
                    openers.push((month, day));
                }
            }
        }
    }
    if let Some(&(month, day)) = openers.first() {
        let reference = full.iter().map(|f| f.1).max();
        if let Some(r) = reference {
            return year_for(r, month, day, None, None, true);
        }
    }
    // A dateline: a full date in a short first line, with the article below it.
    if let (Some(p), true) = (doc.paragraphs.first(), doc.paragraphs.len() > 1) {
        if p.end - p.start <= 80 {
            if let Some(&(_, d)) = full.iter().find(|(s, _)| p.contains(s)) {
                return Some(d);
            }
        }
    }
    let mut future = ctx.future;
    let mut best: Option<Date> = None;
    for &(at, d) in &full {
        let Some(si) = doc.sentence_at(at) else { continue };
        let f = *future[si].get_or_insert_with(|| clause_is_future(doc.sentence_text(&doc.sentences[si]), lex));
        if !f && best.map_or(true, |b| d > b) {
            best = Some(d);
        }
    }
    best.or_else(|| full.iter().map(|f| f.1).max())
}

/// The TIMEX3 reference of a shift of `n` units with no date to count from:
/// "l'an prochain" is in the future, "this week" the present.
fn reference_of(n: i64) -> &'static str {
    match n.signum() {
        -1 => "PAST_REF",
        0 => "PRESENT_REF",
        _ => "FUTURE_REF",
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_shift_with_no_date_is_a_reference_of_its_direction() {
        assert_eq!(
            [-2, -1, 0, 1, 3].map(reference_of),
            ["PAST_REF", "PAST_REF", "PRESENT_REF", "FUTURE_REF", "FUTURE_REF"]
        );
    }
    use super::*;

    #[test]
    fn number_words_compose() {
        let cases = [
            ("dix-huit", Lang::Fr, 18.0),
            ("quatre-vingt-dix", Lang::Fr, 90.0),
            ("vingt et un", Lang::Fr, 21.0),
            ("deux mille trois", Lang::Fr, 2003.0),
            ("trois cents", Lang::Fr, 300.0),
            ("30,4", Lang::Fr, 30.4),
            ("twenty-one", Lang::En, 21.0),
            ("a hundred", Lang::En, 100.0),
        ];
        for (s, lang, want) in cases {
            assert_eq!(parse_number(s, lang), Some(Amount::Value(want)), "{s}");
        }
        assert_eq!(parse_number("plusieurs", Lang::Fr), Some(Amount::Vague));
        assert_eq!(parse_number("missiles", Lang::Fr), None);
    }

    #[test]
    fn sort_keys_put_weeks_on_their_monday() {
        assert_eq!(sort_key("2024-W48").as_deref(), Some("2024-11-25"));
        assert_eq!(sort_key("PRESENT_REF"), None);
        assert_eq!(sort_key("2003-SU").as_deref(), Some("2003-06-21"));
        assert!(sort_key("2003-02-22TMO") < sort_key("2003-02-22TAF"));
        assert!(sort_key("2003-02-22TEV") < sort_key("2003-02-22TNI"));
    }
}

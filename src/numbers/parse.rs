//! Reading one number: digits in local formats, and number words.

use super::lexicon::{Lexicon, Role};
use crate::lang::Lang;

/// A number written in digits.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Digits {
    pub value: f64,
    /// Only digits, no separator: "1998" may be a year, "1 998" may not.
    pub plain: bool,
    /// How many digits before any separator.
    pub lead: usize,
}

fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

fn all_groups_of_three(groups: &[&str]) -> bool {
    groups.iter().skip(1).all(|g| g.len() == 3)
}

/// Reads a digit token in the conventions of `lang`.
///
/// Spaces (ordinary, no-break, narrow no-break, thin) always group thousands.
/// With both `.` and `,` the last one is the decimal mark. With one kind only:
/// in French `,` is decimal and `.` groups thousands when every group after it
/// has three digits ("5.000", "1.000.000"); in English `,` groups thousands
/// when every group has three digits and `.` is decimal. Shapes that fit
/// neither ("25.11.2024", "1,2,3") are not numbers.
pub fn digits(token: &str, lang: Lang) -> Option<Digits> {
    let compact: String = token.chars().filter(|&c| !is_group_space(c)).collect();
    if compact.is_empty() || !compact.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let lead = compact.find(|c: char| !c.is_ascii_digit()).unwrap_or(compact.len());
    let plain = compact.len() == token.len() && lead == compact.len();
    let dots = compact.matches('.').count();
    let commas = compact.matches(',').count();
    let number: String = match (dots, commas) {
        (0, 0) => compact.clone(),
        (_, 0) | (0, _) => {
            let sep = if dots > 0 { '.' } else { ',' };
            let groups: Vec<&str> = compact.split(sep).collect();
            let grouping_sep = match lang {
                Lang::Fr => '.',
                Lang::En => ',',
            };
            if sep == grouping_sep && all_groups_of_three(&groups) {
                groups.concat()
            } else if groups.len() == 2 {
                format!("{}.{}", groups[0], groups[1])
            } else {
                return None;
            }
        }
        _ => {
            let last_dot = compact.rfind('.').expect("there is a dot");
            let last_comma = compact.rfind(',').expect("there is a comma");
            let (decimal, group) = if last_dot > last_comma { ('.', ',') } else { (',', '.') };
            let (int, frac) = compact.rsplit_once(decimal).expect("the decimal mark is there");
            if frac.contains(group) || int.contains(decimal) {
                return None;
            }
            let groups: Vec<&str> = int.split(group).collect();
            if !all_groups_of_three(&groups) {
                return None;
            }
            format!("{}.{}", groups.concat(), frac)
        }
    };
    let value = crate::decimal::parse(&number)?;
    Some(Digits { value, plain, lead })
}

/// The result of reading number words.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Words {
    pub value: f64,
    /// How many atoms (words or hyphen-separated parts) make the number.
    pub atoms: usize,
    pub ordinal: bool,
}

/// Whether `v` may be added after `last` inside the part below a hundred:
/// "vingt-deux", "soixante-dix-sept", "dix-sept", but not "deux trois".
fn may_add(last: Option<f64>, v: f64) -> bool {
    match last {
        None => true,
        Some(l) => (l >= 20.0 && l % 10.0 == 0.0 && v < 20.0) || (l == 10.0 && v < 10.0),
    }
}

/// Reads the longest number spelled by `atoms` (lowercased words, hyphenated
/// words already split), as value, atom count and whether it is an ordinal.
///
/// A running total and a current group below a thousand: units add under the
/// rules of [`may_add`], a hundred multiplies the group, a scale word closes it
/// (scales must decrease: "deux millions trois cent mille"). A connector or a
/// decimal mark is taken only when a number follows it.
pub fn words(atoms: &[&str], lex: &Lexicon) -> Option<Words> {
    let look = |k: usize| atoms.get(k).and_then(|a| lex.words.get(a)).copied();
    let mut total = 0.0f64;
    let mut group = 0.0f64;
    let mut last: Option<f64> = None;
    let mut last_scale = f64::INFINITY;
    let mut after_scale = false;
    let mut used = 0usize;
    let mut best: Option<Words> = None;
    let mut k = 0usize;
    // Two atoms joined by a hyphen may be one word of the list ("quatre-vingt").
    let joined = |k: usize| -> Option<(f64, Role, usize)> {
        if k + 1 < atoms.len() {
            let two = format!("{}-{}", atoms[k], atoms[k + 1]);
            if let Some(&(v, r)) = lex.words.get(&two) {
                return Some((v, r, 2));
            }
        }
        look(k).map(|(v, r)| (v, r, 1))
    };
    while k < atoms.len() {
        let Some((v, role, width)) = joined(k) else { break };
        let start = used == 0;
        match role {
            Role::Unit | Role::OrdUnit => {
                if group % 100.0 != 0.0 && !may_add(last, v) {
                    break;
                }
                group += v;
                last = Some(last.map_or(v, |l| l + v));
            }
            Role::Hundred | Role::OrdHundred => {
                if group >= 100.0 || (start && atoms[k].ends_with('s')) {
                    break;
                }
                group = if group == 0.0 { 1.0 } else { group } * 100.0;
                last = None;
            }
            Role::Scale | Role::OrdScale if v > last_scale && group == 0.0 && after_scale => {
                // "cinquante-trois mille millions": a scale of a scale.
                total *= v;
                last_scale = v;
            }
            Role::Scale | Role::OrdScale => {
                if v >= last_scale || (start && (v > 1000.0 || atoms[k].ends_with('s'))) {
                    break;
                }
                total += if group == 0.0 { 1.0 } else { group } * v;
                group = 0.0;
                last = None;
                last_scale = v;
            }
            Role::And => {
                if start {
                    break;
                }
                // Only "vingt et un", "soixante et onze", "hundred and five".
                let after = joined(k + 1);
                let ok = match after {
                    Some((nv, Role::Unit | Role::OrdUnit, _)) => {
                        (last.is_some_and(|l| l >= 20.0 && l % 10.0 == 0.0) && (nv == 1.0 || nv == 11.0))
                            || (last.is_none() && group + total > 0.0)
                    }
                    _ => false,
                };
                if !ok {
                    break;
                }
                k += width;
                continue;
            }
            Role::Point => {
                if start {
                    break;
                }
                // "deux virgule cinq", "zéro virgule zéro cinq": leading zeros, then a number.
                let mut j = k + 1;
                let mut frac = String::new();
                while look(j).is_some_and(|(d, r)| r == Role::Unit && d == 0.0) {
                    frac.push('0');
                    j += 1;
                }
                match words(&atoms[j..], lex) {
                    Some(w) if !w.ordinal && w.value.fract() == 0.0 => {
                        frac.push_str(&(w.value as u64).to_string());
                        j += w.atoms;
                    }
                    _ if !frac.is_empty() => {}
                    _ => break,
                }
                let int = total + group;
                let value = crate::decimal::parse(&format!("{}.{frac}", int as u64)).unwrap_or(int);
                return Some(Words { value, atoms: j, ordinal: false });
            }
            Role::Abbr | Role::Minus => break,
            Role::Article => {
                if !start || !matches!(joined(k + 1), Some((_, Role::Hundred | Role::Scale, _))) {
                    break;
                }
                group = 1.0;
                last = None;
            }
        }
        after_scale = matches!(role, Role::Scale);
        k += width;
        used = k;
        let ordinal = matches!(role, Role::OrdUnit | Role::OrdHundred | Role::OrdScale);
        if role != Role::Article {
            best = Some(Words { value: total + group, atoms: used, ordinal });
        }
        if ordinal {
            break;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::super::lexicon;
    use super::*;

    #[test]
    fn digits_follow_the_local_conventions() {
        let cases: &[(&str, Lang, Option<f64>)] = &[
            ("1 000,5", Lang::Fr, Some(1000.5)),
            ("1\u{a0}000,5", Lang::Fr, Some(1000.5)),
            ("1\u{202f}000,5", Lang::Fr, Some(1000.5)),
            ("1.000", Lang::Fr, Some(1000.0)),
            ("70.000", Lang::Fr, Some(70000.0)),
            ("1.000.000", Lang::Fr, Some(1_000_000.0)),
            ("3,5", Lang::Fr, Some(3.5)),
            ("3.5", Lang::Fr, Some(3.5)),
            ("1.000,5", Lang::Fr, Some(1000.5)),
            ("1,000.5", Lang::En, Some(1000.5)),
            ("1,000.5", Lang::Fr, Some(1000.5)),
            ("1,000", Lang::En, Some(1000.0)),
            ("1,000,000", Lang::En, Some(1_000_000.0)),
            ("3.5", Lang::En, Some(3.5)),
            ("1.000", Lang::En, Some(1.0)),
            ("287", Lang::Fr, Some(287.0)),
            ("25.11.2024", Lang::Fr, None),
            ("1,2,3", Lang::Fr, None),
        ];
        for &(text, lang, want) in cases {
            assert_eq!(digits(text, lang).map(|d| d.value), want, "{text:?} in {lang:?}");
        }
    }

    #[test]
    fn plain_four_digits_are_marked_plain() {
        assert!(digits("1998", Lang::Fr).expect("a number").plain);
        assert!(!digits("1 998", Lang::Fr).expect("a number").plain);
    }

    fn read(text: &str, lang: Lang) -> Option<(f64, usize, bool)> {
        let atoms: Vec<&str> = text.split([' ', '-']).collect();
        words(&atoms, lexicon::of(lang)).map(|w| (w.value, w.atoms, w.ordinal))
    }

    #[test]
    fn french_number_words_are_read() {
        let cases: &[(&str, f64)] = &[
            ("huit", 8.0),
            ("dix-sept", 17.0),
            ("vingt-deux", 22.0),
            ("vingt et un", 21.0),
            ("vingt-et-un", 21.0),
            ("soixante et onze", 71.0),
            ("soixante-dix-sept", 77.0),
            ("quatre-vingts", 80.0),
            ("quatre-vingt-dix-sept", 97.0),
            ("quatre vingt dix", 90.0),
            ("cent", 100.0),
            ("deux cents", 200.0),
            ("cent un", 101.0),
            ("mille", 1000.0),
            ("deux mille trois cents", 2300.0),
            ("trois cent mille", 300_000.0),
            ("un million", 1_000_000.0),
            ("deux millions trois cent mille", 2_300_000.0),
            ("deux virgule cinq", 2.5),
        ];
        for &(text, want) in cases {
            let got = read(text, Lang::Fr);
            let atoms = text.split([' ', '-']).count();
            assert_eq!(got, Some((want, atoms, false)), "{text}");
        }
    }

    #[test]
    fn english_number_words_are_read() {
        let cases: &[(&str, f64)] = &[
            ("eight", 8.0),
            ("twenty-one", 21.0),
            ("twenty one", 21.0),
            ("a hundred", 100.0),
            ("one hundred and five", 105.0),
            ("two thousand three hundred", 2300.0),
            ("a million", 1_000_000.0),
            ("three point five", 3.5),
        ];
        for &(text, want) in cases {
            let atoms = text.split([' ', '-']).count();
            assert_eq!(read(text, Lang::En), Some((want, atoms, false)), "{text}");
        }
    }

    #[test]
    fn ordinal_words_end_the_number() {
        let cases: &[(&str, Lang, f64)] = &[
            ("vingt-et-unième", Lang::Fr, 21.0),
            ("centième", Lang::Fr, 100.0),
            ("deux-millième", Lang::Fr, 2000.0),
            ("troisième", Lang::Fr, 3.0),
            ("twenty-first", Lang::En, 21.0),
            ("hundredth", Lang::En, 100.0),
        ];
        for &(text, lang, want) in cases {
            let atoms = text.split([' ', '-']).count();
            assert_eq!(read(text, lang), Some((want, atoms, true)), "{text}");
        }
    }

    #[test]
    fn words_that_do_not_compose_stop_the_number() {
        assert_eq!(read("deux trois", Lang::Fr), Some((2.0, 1, false)));
        assert_eq!(read("vingt et", Lang::Fr), Some((20.0, 1, false)));
        assert_eq!(read("a cat", Lang::En), None);
        assert_eq!(read("millions", Lang::Fr), None);
    }
}

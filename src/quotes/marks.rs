//! Pairs quote marks into quoted stretches, one linear pass over the tokens.
//!
//! Marks nest («…“…”…»); an inner pair stays inside its outer quote. A quote
//! left open at the end of a paragraph continues into the next one only when
//! that paragraph re-opens with the same mark (the English habit); otherwise it
//! is closed at the paragraph end, so one stray mark never swallows the article.

use crate::segment::{Doc, TokenKind};

/// The families of quote marks; a closing mark only closes its own family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    /// « … »
    Guillemet,
    /// ‹ … ›
    SingleGuillemet,
    /// “ … ” and „ … “
    Double,
    /// " … "
    Straight,
    /// ‘ … ’
    Single,
    /// ' … '
    StraightSingle,
}

/// A quoted stretch: token indices of its marks and the byte range of its content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marked {
    pub open: usize,
    /// `None` when the closing mark was missing and the paragraph end closed it.
    pub close: Option<usize>,
    /// Content bytes, quote marks and surrounding spaces excluded.
    pub start: usize,
    pub end: usize,
    /// The paragraph of the opening mark.
    pub paragraph: usize,
    /// Whether the quote runs over several paragraphs.
    pub multi_paragraph: bool,
}

struct Open {
    tok: usize,
    family: Family,
    paragraph: usize,
    multi: bool,
}

/// Every outermost quoted stretch of the document, in text order.
#[inline(never)] // a function of its own for the wasm tier-up: DESIGN.md
pub fn pair(doc: &Doc) -> Vec<Marked> {
    let toks = &doc.tokens;
    let text = doc.text;
    let mut out = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let glued_before = |i: usize| i > 0 && toks[i - 1].end == toks[i].start;
    let glued_after = |i: usize| i + 1 < toks.len() && toks[i + 1].start == toks[i].end;
    let word_after = |i: usize| glued_after(i) && toks[i + 1].kind != TokenKind::Punct;
    let mut t = 0;
    for (p, para) in doc.paragraphs.iter().enumerate() {
        let first = t;
        while t < toks.len() && toks[t].start < para.end {
            t += 1;
        }
        let last = t;
        let mut i = first;
        // A quote still open from the previous paragraph continues only if this one re-opens it.
        if let Some(bottom) = stack.first() {
            let reopens = i < last && family_of_open(doc.tok(&toks[i])) == Some(bottom.family);
            let prev_end = doc.paragraphs.get(p.wrapping_sub(1)).map_or(0, |r| r.end);
            if reopens {
                stack.truncate(1);
                stack[0].multi = true;
                i += 1;
            } else {
                close_all(&mut stack, &mut out, toks, text, prev_end);
            }
        }
        while i < last {
            let s = doc.tok(&toks[i]);
            if toks[i].kind == TokenKind::Punct {
                match s {
                    "«" => push(&mut stack, i, Family::Guillemet, p),
                    "‹" => push(&mut stack, i, Family::SingleGuillemet, p),
                    "„" => push(&mut stack, i, Family::Double, p),
                    "»" => close(&mut stack, &mut out, toks, text, i, Family::Guillemet),
                    "›" => close(&mut stack, &mut out, toks, text, i, Family::SingleGuillemet),
                    "“" => {
                        // „…“ closes with “; otherwise “ opens.
                        let low_open =
                            stack.last().is_some_and(|o| o.family == Family::Double && doc.tok(&toks[o.tok]) == "„");
                        if low_open && glued_before(i) {
                            close(&mut stack, &mut out, toks, text, i, Family::Double);
                        } else {
                            push(&mut stack, i, Family::Double, p);
                        }
                    }
                    "”" => close(&mut stack, &mut out, toks, text, i, Family::Double),
                    "\"" => {
                        if stack.iter().any(|o| o.family == Family::Straight) && (glued_before(i) || !glued_after(i)) {
                            close(&mut stack, &mut out, toks, text, i, Family::Straight);
                        } else if glued_after(i) {
                            push(&mut stack, i, Family::Straight, p);
                        }
                    }
                    "‘" | "‚" if word_after(i) || glued_after(i) => push(&mut stack, i, Family::Single, p),
                    "’" if stack.iter().any(|o| o.family == Family::Single) && glued_before(i) && !word_after(i) => {
                        close(&mut stack, &mut out, toks, text, i, Family::Single)
                    }
                    "'" => {
                        let open_here = !glued_before(i) && word_after(i);
                        if stack.iter().any(|o| o.family == Family::StraightSingle) && glued_before(i) && !word_after(i)
                        {
                            close(&mut stack, &mut out, toks, text, i, Family::StraightSingle);
                        } else if open_here {
                            push(&mut stack, i, Family::StraightSingle, p);
                        }
                    }
                    _ => {}
                }
            }
            i += 1;
        }
        // Single quotes never run over a paragraph: an unclosed one was an apostrophe.
        stack.retain(|o| !matches!(o.family, Family::Single | Family::StraightSingle));
    }
    let end = doc.paragraphs.last().map_or(0, |r| r.end);
    close_all(&mut stack, &mut out, toks, text, end);
    crate::sort::sort_by_key(&mut out, |m| m.start);
    out
}

fn family_of_open(s: &str) -> Option<Family> {
    match s {
        "«" => Some(Family::Guillemet),
        "“" | "„" => Some(Family::Double),
        "\"" => Some(Family::Straight),
        "‹" => Some(Family::SingleGuillemet),
        _ => None,
    }
}

/// Deeper nesting is noise (stray marks); ignoring it keeps every step constant-time.
const MAX_DEPTH: usize = 6;

fn push(stack: &mut Vec<Open>, tok: usize, family: Family, paragraph: usize) {
    if stack.len() < MAX_DEPTH {
        stack.push(Open { tok, family, paragraph, multi: false });
    }
}

fn close(
    stack: &mut Vec<Open>,
    out: &mut Vec<Marked>,
    toks: &[crate::segment::Token],
    text: &str,
    at: usize,
    family: Family,
) {
    let Some(k) = stack.iter().rposition(|o| o.family == family) else { return };
    // Inner quotes left open close with their outer one.
    stack.truncate(k + 1);
    let o = stack.pop().expect("k is a valid index of the stack");
    if stack.is_empty() {
        emit(out, text, toks[o.tok].end, toks[at].start, o, Some(at));
    }
}

fn close_all(stack: &mut Vec<Open>, out: &mut Vec<Marked>, toks: &[crate::segment::Token], text: &str, end: usize) {
    if let Some(o) = stack.drain(..).next() {
        let start = toks[o.tok].end;
        if start <= end {
            emit(out, text, start, end, o, None);
        }
    }
}

fn emit(out: &mut Vec<Marked>, text: &str, start: usize, end: usize, o: Open, close: Option<usize>) {
    let inner = &text[start..end];
    let lead = inner.len() - inner.trim_start().len();
    let trimmed = inner.trim();
    if trimmed.is_empty() {
        return;
    }
    out.push(Marked {
        open: o.tok,
        close,
        start: start + lead,
        end: start + lead + trimmed.len(),
        paragraph: o.paragraph,
        multi_paragraph: o.multi,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    fn contents(text: &str, lang: Lang) -> Vec<String> {
        let doc = Doc::new(text, lang);
        pair(&doc).iter().map(|m| text[m.start..m.end].to_string()).collect()
    }

    #[test]
    fn every_kind_of_mark_is_paired() {
        let cases: &[(&str, Lang, &[&str])] = &[
            ("Il a dit «oui» hier.", Lang::Fr, &["oui"]),
            ("Il a dit «\u{a0}oui\u{a0}» hier.", Lang::Fr, &["oui"]),
            ("Il a dit « oui » hier.", Lang::Fr, &["oui"]),
            ("He said “yes” today.", Lang::En, &["yes"]),
            ("He said \"yes\" today.", Lang::En, &["yes"]),
            ("Er sagte „ja“ heute.", Lang::En, &["ja"]),
            ("Il a dit ‹oui› hier.", Lang::Fr, &["oui"]),
            ("He said 'we will win' today.", Lang::En, &["we will win"]),
            ("He said ‘we will win’ today.", Lang::En, &["we will win"]),
        ];
        for (text, lang, want) in cases {
            assert_eq!(contents(text, *lang), *want, "{text}");
        }
    }

    #[test]
    fn apostrophes_are_not_quote_marks() {
        assert!(contents("Sony’s headset isn’t cheap, the officials' view is 'clear'.", Lang::En) == ["clear"]);
        assert!(contents("L'homme d'affaires s'en va.", Lang::Fr).is_empty());
    }

    #[test]
    fn nested_quotes_stay_inside_the_outer_one() {
        let got = contents("«Il m'a dit “non” puis “oui”», raconte-t-elle.", Lang::Fr);
        assert_eq!(got, ["Il m'a dit “non” puis “oui”"]);
    }

    #[test]
    fn an_unbalanced_mark_closes_at_the_paragraph_end() {
        let text = "Il a dit «ceci est long.\nUn autre paragraphe «court» ici.";
        assert_eq!(contents(text, Lang::Fr), ["ceci est long.", "court"]);
    }

    #[test]
    fn english_quotes_reopened_at_each_paragraph_are_one_quote() {
        let text = "“First part.\n\n“Second part,” he said.";
        let got = contents(text, Lang::En);
        assert_eq!(got, ["First part.\n\n“Second part,"]);
    }
}

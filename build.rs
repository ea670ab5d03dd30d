//! Copies the language lists of `src/lang/` into `OUT_DIR` without their
//! comments, for `per_lang!` to embed: the comments document the lists in the
//! source and would otherwise ship in every binary (about 40 KB, 11 KB of the
//! gzipped wasm). What a list means to its reader (`lang::entries`: the text
//! before `#`, trimmed, non-blank lines) is unchanged; blank lines are kept.
use std::fs;
use std::path::Path;

fn copy_lists(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("OUT_DIR is writable");
    for entry in fs::read_dir(from).expect("src/lang is readable") {
        let path = entry.expect("a directory entry").path();
        let target = to.join(path.file_name().expect("a file name"));
        if path.is_dir() {
            copy_lists(&path, &target);
        } else if path.extension().is_some_and(|e| e == "txt") {
            let text = fs::read_to_string(&path).expect("lists are UTF-8");
            let mut out = String::with_capacity(text.len());
            for line in text.lines() {
                let kept = uncommented(line);
                if kept.is_empty() && line.trim_start().starts_with('#') {
                    continue;
                }
                out.push_str(kept);
                out.push('\n');
            }
            fs::write(&target, out).expect("OUT_DIR is writable");
        }
    }
}

#[path = "src/segment/marks.rs"]
mod marks;

/// A list line without its `#` comment and the blanks around it.
fn uncommented(line: &str) -> &str {
    line.find('#').map_or(line, |i| &line[..i]).trim()
}

fn main() {
    println!("cargo:rerun-if-changed=src/lang");
    println!("cargo:rerun-if-changed=src/segment/marks.rs");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    copy_lists(Path::new("src/lang"), &Path::new(&out).join("lang"));
    gazetteer::write(Path::new("src/lang"), &Path::new(&out).join("lang"));
}

/// The entity gazetteer, laid out at build time (read by
/// `src/entities/lexicon.rs`, which documents the format): sorting, merging and
/// spelling out tens of thousands of names cost the browser more than anything
/// else it did before its first analysis.
mod gazetteer {
    use std::fs;
    use std::path::Path;

    /// A name and what the gazetteer knows of it, as the line that files it.
    struct Name {
        name: String,
        /// Kind letter (P, O, L, M), group number, `|` and demonym plural.
        code: String,
        /// Precedence among equal names: known names, demonyms, places, then the
        /// unaccented forms of each in the same order.
        tier: u8,
    }

    /// The entries of a list: the text before `#`, trimmed, non-blank lines.
    fn entries(text: &str) -> impl Iterator<Item = &str> {
        text.lines().map(super::uncommented).filter(|l| !l.is_empty())
    }

    fn read(dir: &Path, lang: &str, file: &str) -> String {
        fs::read_to_string(dir.join(lang).join(file)).expect("lists are UTF-8")
    }

    /// The key names are grouped by: the letters, digits and combining marks
    /// they start with (or their first char), lowercase char by char, as
    /// `lexicon::first_word` and `caseless_hash` take them.
    fn key(name: &str) -> String {
        let end = name.find(|c: char| !c.is_alphanumeric() && !super::marks::is_mark(c)).unwrap_or(name.len());
        let end = if end == 0 { name.chars().next().map_or(0, char::len_utf8) } else { end };
        name[..end].chars().flat_map(char::to_lowercase).collect()
    }

    /// French often drops the accent on a capital: "Etats-Unis", "Epinal".
    fn unaccented(name: &str) -> Option<String> {
        let mut chars = name.chars();
        let plain = match chars.next()? {
            'É' | 'È' | 'Ê' => 'E',
            'À' | 'Â' => 'A',
            'Î' => 'I',
            'Ô' => 'O',
            _ => return None,
        };
        Some(format!("{plain}{}", chars.as_str()))
    }

    fn kind_letter(code: &str) -> Option<char> {
        match code.trim() {
            "PER" => Some('P'),
            "ORG" => Some('O'),
            "LOC" => Some('L'),
            "MISC" => Some('M'),
            _ => None,
        }
    }

    /// Writes one section: the names grouped by key, each group longest first,
    /// then by tier, then as listed. A name listed twice stays twice: the
    /// reader takes the first of equal names.
    fn write_section(names: Vec<Name>, path: &Path) {
        let mut kept: Vec<(String, Name)> = names.into_iter().map(|n| (key(&n.name), n)).collect();
        kept.sort_by(|(ka, a), (kb, b)| ka.cmp(kb).then(b.name.len().cmp(&a.name.len())).then(a.tier.cmp(&b.tier)));
        let mut out = String::new();
        for (_, n) in kept {
            out.push_str(&n.name);
            if !n.code.is_empty() {
                out.push('\t');
                out.push_str(&n.code);
            }
            out.push('\n');
        }
        fs::write(path, out).expect("OUT_DIR is writable");
    }

    /// The unaccented forms of `names`, filed after them.
    fn with_unaccented(mut names: Vec<Name>) -> Vec<Name> {
        let plain: Vec<Name> = names
            .iter()
            .filter_map(|n| {
                let name = unaccented(&n.name)?;
                let code = match n.code.chars().next() {
                    Some(c) => format!("{}{}", c.to_ascii_lowercase(), &n.code[1..]),
                    None => "l".to_string(),
                };
                Some(Name { name, code, tier: n.tier + 3 })
            })
            .collect();
        names.extend(plain);
        names
    }

    /// The languages: the folders of `from`, by code. Adding a language is
    /// adding its folder, here as for `per_lang!`.
    fn languages(from: &Path) -> Vec<String> {
        let mut langs: Vec<String> = fs::read_dir(from)
            .expect("src/lang is readable")
            .map(|e| e.expect("a directory entry").path())
            .filter(|p| p.is_dir())
            .filter_map(|p| Some(p.file_name()?.to_str()?.to_string()))
            .collect();
        langs.sort();
        langs
    }

    pub fn write(from: &Path, to: &Path) {
        let langs = languages(from);
        // Every language's places, shared by all: one section.
        let mut places = Vec::new();
        for lang in &langs {
            for name in entries(&read(from, lang, "places.txt")) {
                places.push(Name { name: name.to_string(), code: String::new(), tier: 2 });
            }
        }
        write_section(with_unaccented(places), &to.join("places_by_key.txt"));
        // Per language: every language's well-known names (its own first, so
        // its forms decide the type, then the others by code), then its demonyms.
        for (i, lang) in langs.iter().enumerate() {
            let mut names = Vec::new();
            let mut group = 0u32;
            let order = std::iter::once(i).chain((0..langs.len()).filter(|&k| k != i));
            for k in order {
                for line in entries(&read(from, &langs[k], "known_names.txt")) {
                    let mut parts = line.split('|').map(str::trim);
                    let Some(head) = parts.next() else { continue };
                    let Some(kind) = parts.next().and_then(kind_letter) else { continue };
                    group += 1;
                    for name in std::iter::once(head).chain(parts).filter(|n| !n.is_empty()) {
                        names.push(Name { name: name.to_string(), code: format!("{kind}{group}"), tier: 0 });
                    }
                }
            }
            for line in entries(&read(from, lang, "demonyms.txt")) {
                if let Some((form, plural)) = line.split_once('|') {
                    let (form, plural) = (form.trim(), plural.trim());
                    if !form.is_empty() {
                        names.push(Name { name: form.to_string(), code: format!("M|{plural}"), tier: 1 });
                    }
                }
            }
            write_section(with_unaccented(names), &to.join(lang).join("names_by_key.txt"));
        }
    }
}

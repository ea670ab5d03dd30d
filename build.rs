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
                let kept = line.find('#').map_or(line, |i| &line[..i]).trim();
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

fn main() {
    println!("cargo:rerun-if-changed=src/lang");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    copy_lists(Path::new("src/lang"), &Path::new(&out).join("lang"));
}

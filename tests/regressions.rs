//! Inputs that once crashed Glose, kept as data: each file is named after the
//! bug it covers (found by `scripts/fuzz-smoke.sh`). Each must analyse cleanly
//! in every language and offset unit.

use glose::{analyze, Lang, OffsetUnit, Options};

#[test]
fn every_recorded_crash_now_gives_an_analysis() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/regressions exists") {
        let path = entry.expect("a readable entry").path();
        let bytes = std::fs::read(&path).expect("a readable file");
        let text = String::from_utf8_lossy(&bytes);
        for lang in [None, Some(Lang::Fr), Some(Lang::En)] {
            for offsets in [OffsetUnit::Byte, OffsetUnit::Char, OffsetUnit::Utf16] {
                analyze(&text, &Options { lang, offsets, date: None })
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            }
        }
        seen += 1;
    }
    assert!(seen >= 2, "the regression corpus is in place");
}

//! The quotes layer against the gold: the seed article alone, then the shared
//! gold (6 French and 3 English articles), scored by `../shared/tools/score.py`.

mod common;

use std::collections::HashMap;
use std::process::Command;

use common::{assert_f1_at_least, f1_scores, shared};

/// Scores the seed article alone: the scorer reads a folder, so the seed's text
/// and gold are copied into a folder of their own.
fn seed_scores() -> HashMap<String, f64> {
    let dir = std::env::temp_dir().join(format!("glose-quotes-seed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("the temporary folder can be made");
    for ext in ["txt", "json"] {
        let name = format!("seed-fr-koursk.{ext}");
        std::fs::copy(shared().join("gold").join(&name), dir.join(&name)).expect("the seed gold is in ../shared/gold");
    }
    let out = dir.join("scores.json");
    let status = Command::new("python3")
        .arg(shared().join("tools/score.py"))
        .arg(&dir)
        .arg("--json")
        .arg(&out)
        .arg("--")
        .arg(env!("CARGO_BIN_EXE_glose"))
        .arg("analyze")
        .status()
        .expect("python3 runs the shared scorer");
    assert!(status.success(), "the scorer reported a failed file on the seed");
    let json = std::fs::read_to_string(&out).expect("the scorer wrote its figures");
    let _ = std::fs::remove_dir_all(&dir);
    let v: serde_json::Value = serde_json::from_str(&json).expect("the scorer writes JSON");
    v["layers"]
        .as_object()
        .expect("figures have layers")
        .iter()
        .map(|(k, l)| (k.clone(), l["f1"].as_f64().expect("f1 is a number")))
        .collect()
}

#[test]
fn seed_quotes_and_speakers_meet_the_targets() {
    let scores = seed_scores();
    assert_f1_at_least(&scores, "quote span (direct+partial)", 0.94);
    assert_f1_at_least(&scores, "quote+speaker (direct+partial)", 0.94);
    assert_f1_at_least(&scores, "indirect speech span", 0.80);
}

#[test]
fn shared_gold_quotes_and_speakers_meet_the_targets() {
    let scores = f1_scores("gold");
    assert_f1_at_least(&scores, "quote span (direct+partial)", 0.90);
    assert_f1_at_least(&scores, "quote+speaker (direct+partial)", 0.85);
}

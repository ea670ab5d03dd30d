//! Runs `../shared/tools/score.py` on a gold folder with this build's `glose`.

#![allow(dead_code)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The shared folder beside the repository, where CI and sessions find the gold.
pub fn shared() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

/// F1 per layer name ("quote span (direct+partial)", "time value"…) over `gold_dir`
/// (a folder name inside `../shared`), scored by the shared scorer.
///
/// # Panics
/// When the scorer cannot run or a file fails to analyse: a missing score is a failure.
pub fn f1_scores(gold_dir: &str) -> HashMap<String, f64> {
    f1_scores_in(&shared().join(gold_dir))
}

/// F1 per layer over the gold files of the folder `dir`.
///
/// # Panics
/// When the scorer cannot run or a file fails to analyse.
pub fn f1_scores_in(dir: &Path) -> HashMap<String, f64> {
    let out =
        std::env::temp_dir().join(format!("glose-score-{}-{:?}.json", std::process::id(), std::thread::current().id()));
    let status = Command::new("python3")
        .arg(shared().join("tools/score.py"))
        .arg(dir)
        .arg("--json")
        .arg(&out)
        .arg("--")
        .arg(env!("CARGO_BIN_EXE_glose"))
        .arg("analyze")
        .status()
        .expect("python3 runs the shared scorer");
    assert!(status.success(), "the scorer reported failed files in {}", dir.display());
    let json = std::fs::read_to_string(&out).expect("the scorer wrote its figures");
    let _ = std::fs::remove_file(&out);
    let v: serde_json::Value = serde_json::from_str(&json).expect("the scorer writes JSON");
    v["layers"]
        .as_object()
        .expect("figures have layers")
        .iter()
        .map(|(k, l)| (k.clone(), l["f1"].as_f64().expect("f1 is a number")))
        .collect()
}

/// F1 per layer on one gold article of `../shared/gold` alone (`name` without extension).
pub fn f1_scores_of_article(name: &str) -> HashMap<String, f64> {
    let dir = std::env::temp_dir().join(format!(
        "glose-gold-{name}-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    std::fs::create_dir_all(&dir).expect("the temporary folder can be made");
    for ext in ["txt", "json"] {
        let file = format!("{name}.{ext}");
        std::fs::copy(shared().join("gold").join(&file), dir.join(&file)).expect("the article is in ../shared/gold");
    }
    let scores = f1_scores_in(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    scores
}

/// Every span object (integer `start` and `end` with a `text`) in a JSON analysis.
pub fn collect_spans(v: &serde_json::Value, out: &mut Vec<(usize, usize, String)>) {
    use serde_json::Value;
    match v {
        Value::Object(m) => {
            if let (Some(s), Some(e), Some(Value::String(t))) =
                (m.get("start").and_then(Value::as_u64), m.get("end").and_then(Value::as_u64), m.get("text"))
            {
                out.push((s as usize, e as usize, t.clone()));
            }
            m.values().for_each(|x| collect_spans(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| collect_spans(x, out)),
        _ => {}
    }
}

/// Asserts `layer` scores at least `min` F1 on `gold_dir`.
pub fn assert_f1_at_least(scores: &HashMap<String, f64>, layer: &str, min: f64) {
    let got = scores.get(layer).copied().unwrap_or(0.0);
    assert!(got >= min, "{layer}: F1 {got:.3} is under the target {min:.2}");
}

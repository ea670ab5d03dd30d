//! The JSONL batch reader on arbitrary lines: every line gets one JSON answer.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../src/bin/glose/batch.rs"]
mod batch;

fuzz_target!(|data: &[u8]| {
    let base = glose::Options::default();
    for (i, line) in data.split(|&b| b == b'\n').enumerate() {
        let out = batch::answer(line, i + 1, None, &base);
        let v: serde_json::Value = serde_json::from_str(&out).expect("every answer is JSON");
        assert!(v.get("id").is_some(), "every answer has an id");
        assert!(v.get("error").is_some() || v.get("schema").is_some());
    }
});

//! The command line's contract: schema, offsets in every unit, batches, errors.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

mod common;

fn glose(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_glose"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the glose binary runs");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    let input = stdin.unwrap_or_default().to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().expect("glose finishes");
    writer.join().expect("the writer thread ends");
    out
}

fn seed_path() -> String {
    common::shared().join("gold/seed-fr-koursk.txt").to_string_lossy().into_owned()
}

fn json(out: &Output) -> Value {
    assert!(out.status.success(), "glose failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("stdout is one JSON document")
}

fn slice(text: &str, unit: &str, start: usize, end: usize) -> String {
    match unit {
        "byte" => text.get(start..end).expect("byte span on char boundaries").to_string(),
        "char" => text.chars().skip(start).take(end - start).collect(),
        _ => {
            let units: Vec<u16> = text.encode_utf16().collect();
            String::from_utf16(&units[start..end]).expect("utf16 span on scalar boundaries")
        }
    }
}

fn assert_spans_slice(text: &str, v: &Value, unit: &str) -> usize {
    let mut all = Vec::new();
    common::collect_spans(v, &mut all);
    for (s, e, t) in &all {
        assert!(s <= e, "{unit}: span {s}..{e} is reversed");
        assert_eq!(&slice(text, unit, *s, *e), t, "{unit}: span {s}..{e}");
    }
    all.len()
}

#[test]
fn seed_analysis_has_the_schema_and_every_span_slices_in_every_unit() {
    let text = std::fs::read_to_string(seed_path()).expect("the seed is readable");
    for unit in ["char", "utf16", "byte"] {
        let v = json(&glose(&["analyze", "--offsets", unit, &seed_path()], None));
        assert_eq!(v["schema"], "glose/1");
        assert_eq!(v["lang"], "fr");
        assert_eq!(v["offsets"], unit);
        for field in ["sentences", "entities", "quotes", "times", "quantities", "checks", "claims", "markers"] {
            assert!(v[field].is_array(), "{field} is an array");
        }
        assert!(v.get("doc_date").is_some());
        let n = v["sentences"].as_array().expect("array").len();
        assert!((10..=40).contains(&n), "{n} sentences");
        assert!(assert_spans_slice(&text, &v, unit) >= n);
    }
}

#[test]
fn the_language_is_detected_when_not_given() {
    let v = json(&glose(&["analyze", "-"], Some(b"The minister said on Monday that the talks had failed.")));
    assert_eq!(v["lang"], "en");
    assert_eq!(v["lang_source"], "detected");
    let v = json(&glose(&["analyze", "--lang", "fr", "-"], Some(b"The minister said.")));
    assert_eq!((v["lang"].as_str(), v["lang_source"].as_str()), (Some("fr"), Some("given")));
}

#[test]
fn a_given_date_is_reported_as_given() {
    let v = json(&glose(&["analyze", "--date", "2024-11-26", "-"], Some(b"Il pleut.")));
    assert_eq!(v["doc_date"], "2024-11-26");
    assert_eq!(v["doc_date_source"], "given");
}

#[test]
fn emoji_zwj_sequences_and_combining_marks_keep_offsets_right() {
    let text = "👩‍👩‍👧 La ministre a déclaré : «Nous e\u{301}tudions 1 000,5 € 😀.» Ensuite elle est partie. 🇫🇷 Fin.";
    for unit in ["char", "utf16", "byte"] {
        let v = json(&glose(&["analyze", "--offsets", unit, "-"], Some(text.as_bytes())));
        assert!(assert_spans_slice(text, &v, unit) >= 3, "{unit}");
    }
}

#[test]
fn pretty_output_is_the_same_analysis() {
    let a = json(&glose(&["analyze", &seed_path()], None));
    let b = json(&glose(&["analyze", "--pretty", &seed_path()], None));
    assert_eq!(a, b);
}

#[test]
fn batches_answer_every_line_in_order_and_survive_bad_lines() {
    let input = concat!(
        "{\"id\": \"a\", \"text\": \"Le ministre a parlé hier.\", \"lang\": \"fr\", \"date\": \"2024-11-26\"}\n",
        "not json\n",
        "\n",
        "{\"id\": 7, \"text\": \"The minister spoke.\"}\n",
        "{\"id\": \"d\", \"text\": \"x\", \"date\": \"26/11/2024\"}\n",
        "{\"id\": \"e\", \"text\": \"😀 ok\"}",
    );
    let out = glose(&["analyze", "--jsonl", "--offsets", "char", "-"], Some(input.as_bytes()));
    assert!(out.status.success());
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect();
    assert_eq!(lines.len(), 5);
    assert_eq!(
        (&lines[0]["id"], &lines[0]["lang"], &lines[0]["doc_date"]),
        (&Value::from("a"), &Value::from("fr"), &Value::from("2024-11-26"))
    );
    assert_eq!(lines[1]["id"], Value::Null);
    assert!(lines[1]["error"].as_str().expect("an error message").contains("line 2"));
    assert_eq!((&lines[2]["id"], &lines[2]["lang"]), (&Value::from(7), &Value::from("en")));
    assert_eq!(lines[3]["id"], "d");
    assert!(lines[3]["error"].as_str().expect("an error message").contains("invalid date"));
    assert_eq!(lines[4]["offsets"], "char");
    assert_eq!(lines[4]["sentences"][0]["end"], 4);
}

#[test]
fn batches_analysed_in_parallel_come_out_as_one_job_gives_them() {
    // Long and short articles interleaved, so later lines finish first.
    let seed = std::fs::read_to_string(seed_path()).expect("the seed article");
    let mut input = String::new();
    for i in 0..40 {
        let text = match i % 4 {
            0 => seed.clone(),
            1 => format!("Le {i} mars, {i} missiles ont été tirés, a déclaré Kirby."),
            2 => "not json".to_string(),
            _ => "😀".repeat(i),
        };
        if i % 4 == 2 {
            input.push_str("{oops\n");
        } else {
            input.push_str(&serde_json::json!({ "id": i, "text": text }).to_string());
            input.push('\n');
        }
    }
    let one = glose(&["analyze", "--jsonl", "--jobs", "1", "-"], Some(input.as_bytes()));
    assert!(one.status.success());
    assert_eq!(String::from_utf8_lossy(&one.stdout).lines().count(), 40);
    for jobs in ["2", "5"] {
        let many = glose(&["analyze", "--jsonl", "--jobs", jobs, "-"], Some(input.as_bytes()));
        assert!(many.status.success());
        assert!(one.stdout == many.stdout, "--jobs {jobs} changed the output");
    }
    let bad = glose(&["analyze", "--jsonl", "--jobs", "0", "-"], Some(b""));
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn invalid_utf8_gives_one_line_and_status_2() {
    let out = glose(&["analyze", "-"], Some(b"caf\xe9 cr\xe8me"));
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).expect("the message is UTF-8");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("not valid UTF-8"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn unreadable_files_and_bad_options_give_status_2() {
    for args in [
        vec!["analyze", "/nonexistent/article.txt"],
        vec!["analyze", "--offsets", "words", "-"],
        vec!["analyze", "--lang", "de", "-"],
        vec!["analyze", "--date", "2024-02-30", "-"],
        vec!["analyze"],
        vec!["frobnicate"],
        vec!["analyze", "--lang"],
    ] {
        let out = glose(&args, Some(b"x"));
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

#[test]
fn empty_input_is_an_empty_analysis() {
    let v = json(&glose(&["analyze", "-"], Some(b"")));
    assert_eq!(v["sentences"], Value::Array(vec![]));
    assert_eq!(v["quotes"], Value::Array(vec![]));
}

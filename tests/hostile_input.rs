//! Hostile input: each case must give a valid Analysis (or, for invalid UTF-8,
//! a clear error), never a panic or a hang. The sizes here keep the debug test
//! quick in a debug build; `make bench` runs the same table at 1 and 4 MB and prints how
//! time grows with the input.

use std::io::Write;
use std::process::{Command, Stdio};

use glose::{analyze, OffsetUnit, Options};

#[path = "hostile/cases.rs"]
mod cases;

#[test]
fn every_hostile_case_gives_a_valid_analysis() {
    for case in cases::CASES {
        let text = (case.make)(64 * 1024);
        for unit in [OffsetUnit::Byte, OffsetUnit::Utf16] {
            let a = analyze(&text, &Options { offsets: unit, ..Default::default() })
                .unwrap_or_else(|e| panic!("{}: {e}", case.name));
            let limit = match unit {
                OffsetUnit::Byte => text.len(),
                _ => text.encode_utf16().count(),
            };
            for s in a.sentences.iter().chain(&a.paragraphs) {
                assert!(s.start <= s.end && s.end <= limit, "{}: sentence {}..{}", case.name, s.start, s.end);
            }
            for q in &a.quotes {
                assert!(q.span.start <= q.span.end && q.span.end <= limit, "{}: quote", case.name);
            }
        }
    }
}

#[test]
fn ten_megabytes_of_invalid_utf8_is_a_clear_error() {
    let mut bytes = Vec::with_capacity(10 << 20);
    while bytes.len() < 10 << 20 {
        bytes.extend_from_slice(b"caf\xe9 \xff\xfe\xc3 ");
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_glose"))
        .args(["analyze", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("glose runs");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&bytes);
    });
    let out = child.wait_with_output().expect("glose finishes");
    writer.join().expect("the writer ends");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).expect("UTF-8 message");
    assert!(err.contains("not valid UTF-8") && err.lines().count() == 1, "{err}");
}

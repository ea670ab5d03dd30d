//! One line of a JSONL batch in, one JSON line out.

use glose::{analyze, Analysis, Options};
use serde::Serialize;

#[derive(Serialize)]
struct Identified<'a> {
    id: &'a serde_json::Value,
    #[serde(flatten)]
    analysis: &'a Analysis,
}

#[derive(Serialize)]
struct LineError<'a> {
    id: &'a serde_json::Value,
    error: String,
}

#[derive(serde::Deserialize)]
struct BatchLine {
    #[serde(default)]
    id: serde_json::Value,
    text: String,
    lang: Option<String>,
    date: Option<String>,
}

/// Analyses one batch line (`{"id", "text", "lang"?, "date"?}`) and returns the
/// output line, without its newline: the analysis with its `id`, or
/// `{"id", "error"}`. `number` is the 1-based line number, for messages;
/// `default_lang` and `base` come from the command line.
pub fn answer(line: &[u8], number: usize, default_lang: Option<&str>, base: &Options) -> String {
    let result =
        match serde_json::from_slice::<BatchLine>(line) {
            Err(e) => Err((best_effort_id(line), format!("line {number}: not a {{\"id\", \"text\"}} object: {e}"))),
            Ok(b) => {
                let opts = Options::parse(b.lang.as_deref().or(default_lang), b.date.as_deref(), None)
                    .map(|o| Options { offsets: base.offsets, date: o.date.or(base.date), ..o });
                match opts.and_then(|o| analyze(&b.text, &o)) {
                    Ok(a) => Ok((b.id, a)),
                    Err(e) => Err((b.id, format!("line {number}: {e}"))),
                }
            }
        };
    let json = match &result {
        Ok((id, analysis)) => serde_json::to_string(&Identified { id, analysis }),
        Err((id, error)) => serde_json::to_string(&LineError { id, error: error.clone() }),
    };
    json.unwrap_or_else(|e| format!("{{\"id\":null,\"error\":\"line {number}: cannot write the result: {e}\"}}"))
}

/// The id of a line that failed to parse as a whole, when it can still be read.
fn best_effort_id(line: &[u8]) -> serde_json::Value {
    serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(line)
        .ok()
        .and_then(|mut m| m.remove("id"))
        .unwrap_or(serde_json::Value::Null)
}

//! The JavaScript boundary: the only file that knows about wasm-bindgen.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// The largest article the browser API accepts, in UTF-8 bytes.
///
/// Analysis is linear, but a tab that receives hundreds of megabytes would still
/// stall; past this size `analyze` throws instead.
pub const MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

#[derive(Default, Deserialize)]
#[serde(default)]
struct JsOptions {
    lang: Option<String>,
    date: Option<String>,
    offsets: Option<String>,
}

/// Analyses `text`; `options` is `{lang?, date?, offsets?}` (offsets default to `utf16`).
///
/// Returns a plain object (schema `glose/1`) or throws an `Error` with a clear message.
#[wasm_bindgen]
pub fn analyze(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(JsError::new(&format!(
            "the article is too large: {} bytes of UTF-8, the limit is {} bytes",
            text.len(),
            MAX_INPUT_BYTES
        )));
    }
    let js: JsOptions = if options.is_undefined() || options.is_null() {
        JsOptions::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("invalid options: {e}")))?
    };
    let opts = crate::Options::parse(js.lang.as_deref(), js.date.as_deref(), js.offsets.as_deref())
        .map_err(|e| JsError::new(&e.to_string()))?;
    let analysis = crate::analyze(text, &opts).map_err(|e| JsError::new(&e.to_string()))?;
    let serializer =
        serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true).serialize_missing_as_null(true);
    analysis.serialize(&serializer).map_err(|e| JsError::new(&format!("cannot build the result: {e}")))
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// The largest article `analyze` accepts, in UTF-8 bytes.
#[wasm_bindgen(js_name = maxInputBytes)]
pub fn max_input_bytes() -> usize {
    MAX_INPUT_BYTES
}

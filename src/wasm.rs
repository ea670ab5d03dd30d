//! The JavaScript boundary: the only file that knows about wasm-bindgen.

use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The largest article the browser API accepts, in UTF-8 bytes.
///
/// Analysis is linear, but a tab that receives hundreds of megabytes would still
/// stall; past this size `analyze` throws instead.
pub const MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;

/// The heap the first analysis needs: the French lists and grammar and a news
/// article take about 4 MB.
const FIRST_HEAP_BYTES: usize = 4 << 20;

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
    // The allocator grows the wasm memory in small steps, and each grow costs the
    // browser fresh pages: the first call grew it from 21 to 79 pages, 14 ms of a
    // cold page in chromium's trace. One block taken and freed here grows it once;
    // later allocations reuse the freed block.
    drop(std::hint::black_box(Vec::<u8>::with_capacity(FIRST_HEAP_BYTES)));
}

/// Analyses `text` with the options `lang`, `date` and `offsets` (`utf16` when absent).
///
/// `www/glose.js` turns the caller's options object into these three strings.
/// Reading them as plain arguments keeps serde's deserializer, and the float
/// printer its error messages link, out of the module.
///
/// Returns a plain object (schema `glose/1`) or throws an `Error` with a clear message.
#[wasm_bindgen]
pub fn analyze(
    text: &str,
    lang: Option<String>,
    date: Option<String>,
    offsets: Option<String>,
) -> Result<JsValue, JsError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(JsError::new(&format!(
            "the article is too large: {} bytes of UTF-8, the limit is {} bytes",
            text.len(),
            MAX_INPUT_BYTES
        )));
    }
    let opts = crate::Options::parse(lang.as_deref(), date.as_deref(), offsets.as_deref())
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

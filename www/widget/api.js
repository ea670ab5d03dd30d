// Glose in the browser: the API that www/glose.js exports (`import init, { analyze }
// from './glose.js'`). The build bundles this module, the widget and the files of
// ./pkg/ into www/glose-widget.js, the one file a page loads.
//
// The wasm bytes are embedded in ./pkg/glose_wasm.js and instantiated from memory,
// so the module works under a Content-Security-Policy with connect-src 'none'
// (it needs script-src 'wasm-unsafe-eval'). Nothing is ever sent anywhere.
import initBindings, {
  analyze as analyzeBytes,
  version as versionRaw,
  maxInputBytes as maxInputBytesRaw,
} from './pkg/glose_bindings.js';
import wasmBytes from './pkg/glose_wasm.js';

let ready = null;

// The module is embedded deflated, in base64 (see scripts/embed-wasm.py): it ships
// at the size of the compressed wasm and inflates with no code of ours. Handing the
// inflating stream to the browser as a wasm Response lets it compile the module
// while it inflates. Nothing is fetched: the Response is built in memory. The
// bytes go in as one chunk of a plain stream: a Blob's stream is read through
// the browser's blob store, which took 2-7 ms more on a fresh page.
function wasmResponse(base64) {
  const bytes = fromBase64(base64);
  const packed = new ReadableStream({ start(controller) { controller.enqueue(bytes); controller.close(); } });
  const stream = packed.pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream, { headers: { 'Content-Type': 'application/wasm' } });
}

function fromBase64(base64) {
  // Native where the browser has it (recent Chromium, Firefox and Safari): 0.5 ms for this
  // module on a fresh page, where atob and the loop below take 11 ms.
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(base64);
  // A plain loop: Uint8Array.from with a mapping callback took 80-110 ms here
  // in a cold page, the loop 11-24 ms.
  const binary = atob(base64);
  const packed = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) packed[i] = binary.charCodeAt(i);
  return packed;
}

/** Instantiates the wasm module once; later calls return the same promise. */
export default function init() {
  if (!ready) {
    ready = initBindings({ module_or_path: wasmResponse(wasmBytes) }).then(() => undefined);
  }
  return ready;
}

function ensureReady() {
  if (!ready) throw new Error('glose: call and await init() before analyze()');
}

/**
 * Analyses an article. `options`: { lang?: 'fr'|'en'|'auto', date?: 'YYYY-MM-DD',
 * offsets?: 'utf16'|'char'|'byte' } (utf16 by default, so text.slice(start, end) works).
 * Returns a plain object (schema glose/1). Throws an Error on bad options or an
 * article over maxInputBytes().
 */
export function analyze(text, options = {}) {
  ensureReady();
  const opts = {};
  for (const key of ['lang', 'date', 'offsets']) {
    if (options && options[key] != null && options[key] !== '') opts[key] = String(options[key]);
  }
  return analyzeBytes(String(text ?? ''), opts.lang, opts.date, opts.offsets);
}

/** The version of the Glose core. */
export function version() {
  ensureReady();
  return versionRaw();
}

/** The largest article analyze() accepts, in UTF-8 bytes. */
export function maxInputBytes() {
  ensureReady();
  return maxInputBytesRaw();
}

/**
 * The address of glose-worker.js, a module worker that runs analyze() off the main
 * thread (messages: see that file). It lies in www/, beside glose-widget.js, the
 * bundle this module is built into; unbundled (without esbuild), this module is
 * www/widget/api.js, a folder below.
 */
export const workerUrl = new URL(import.meta.url.endsWith('/widget/api.js') ? '../glose-worker.js' : './glose-worker.js',
  import.meta.url).href;

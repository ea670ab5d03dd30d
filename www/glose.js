// Glose in the browser: `import init, { analyze } from './glose.js'`.
//
// The API (www/widget/api.js) is built into glose-widget.js with the widget and the
// wasm, so that a page loads one file (scripts/bundle/bundle.mjs); this module
// re-exports it. In a page, importing it also defines the <glose-article> element.
export { default, analyze, version, maxInputBytes, workerUrl } from './glose-widget.js';

// The widget's styles. ANNOTATION_CSS styles annotations wherever they are (the
// shadow copy, or a host article in the in-place mode); WIDGET_CSS is the chrome.
// Colours keep WCAG AA: text #1b1b1b on every highlight, lines at ≥ 3:1 on white.

export const ANNOTATION_CSS = `
[data-glose-kind] { border-radius: 2px; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
[data-glose-kind="quote"] { background: #fde8a6; color: #1b1b1b; }
[data-glose-kind="quote"].sp1 { background: #cfe6ff; } [data-glose-kind="quote"].sp2 { background: #d4f2cc; }
[data-glose-kind="quote"].sp3 { background: #ffd9e2; } [data-glose-kind="quote"].sp4 { background: #e6dcff; }
[data-glose-kind="quote"].sp5 { background: #ffdcbc; } [data-glose-kind="quote"].sp6 { background: #c9f0ec; }
[data-glose-kind="quote"].sp7 { background: #e8e8e8; }
[data-glose-kind="entity"] { border-bottom: 2px solid #1f5fa8; }
[data-glose-kind="time"] { border-bottom: 2px dashed #17703f; }
[data-glose-kind="quantity"] { outline: 1.5px solid #9a3f12; outline-offset: -1px; font-weight: 700; }
[data-glose-kind="marker"] { text-decoration: underline wavy #b3261e; text-decoration-thickness: 1.5px; text-underline-offset: 4px; }
[data-glose-kind="claim"] { box-shadow: inset 0 2px 0 #6b3fb5; padding-top: 1px; }
[data-glose-kind]:focus { outline: 2px solid #1b1b1b; outline-offset: 1px; }
[data-glose-kind].glose-flash { animation: glose-flash 1.2s ease-out; }
@keyframes glose-flash { from { box-shadow: 0 0 0 4px #b35900; } to { box-shadow: 0 0 0 4px transparent; } }
[data-glose-off~="quote"] [data-glose-kind="quote"] { background: none; }
[data-glose-off~="entity"] [data-glose-kind="entity"] { border-bottom: none; }
[data-glose-off~="time"] [data-glose-kind="time"] { border-bottom: none; }
[data-glose-off~="quantity"] [data-glose-kind="quantity"] { outline: none; font-weight: inherit; }
[data-glose-off~="marker"] [data-glose-kind="marker"] { text-decoration: none; }
[data-glose-off~="claim"] [data-glose-kind="claim"] { box-shadow: none; }
@media (prefers-reduced-motion: reduce) { [data-glose-kind].glose-flash { animation: none; outline: 3px solid #b35900; } }
@media (forced-colors: active) {
  [data-glose-kind="quote"] { background: none; border-bottom: 3px double Highlight; }
  [data-glose-kind="entity"], [data-glose-kind="time"] { border-bottom-color: LinkText; }
  [data-glose-kind="quantity"] { outline-color: CanvasText; }
  [data-glose-kind="marker"] { text-decoration-color: CanvasText; }
  [data-glose-kind="claim"] { box-shadow: none; border-top: 2px solid CanvasText; }
  [data-glose-kind]:focus { outline-color: Highlight; }
}
@media (prefers-contrast: more) {
  [data-glose-kind="entity"], [data-glose-kind="time"] { border-bottom-width: 3px; }
  [data-glose-kind="marker"] { text-decoration-thickness: 3px; }
}
@media print {
  [data-glose-kind] { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

// Three sizes (1, .875 and .75rem), one bold and one generic family. Chromium looks
// each size, weight and family up before it lays text out in it, on Linux with a
// call to the browser process; the seed's first layout made 24 such look-ups with
// twelve sizes and system-ui, 7 now, and the cold start lost 20-35 ms to them
// (tests/e2e/bench-cold-ab.mjs).
export const WIDGET_CSS = `
:host { all: initial; display: block; container-type: inline-size; font: 1rem/1.6 sans-serif; color: #1b1b1b; }
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.glose { color: #1b1b1b; background: #fff; }
button, input, select { font: inherit; color: inherit; }
button { border: 1px solid #6b6b6b; background: #f4f4f4; border-radius: 4px; padding: .15em .6em; cursor: pointer; }
button:hover { background: #e8e8e8; }
button:focus-visible, input:focus-visible, [role="tab"]:focus-visible { outline: 3px solid #1f5fa8; outline-offset: 1px; }
.bar { display: flex; flex-wrap: wrap; gap: .35rem .8rem; align-items: center; padding: .4rem 0 .6rem; border-bottom: 1px solid #d0d0d0; margin-bottom: .8rem; font-size: .875rem; }
.bar fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .2rem .5rem; }
.bar legend { float: left; font-weight: 700; margin-right: .3rem; }
.toggle { display: inline-flex; align-items: center; gap: .3rem; white-space: nowrap; cursor: pointer; }
.toggle input { margin: 0; }
.count { color: #555; font-size: .75rem; }
.sw { display: inline-block; width: 1.7em; text-align: center; line-height: 1.2; border-radius: 2px; }
.sw.k-quote { background: #fde8a6; } .sw.k-entity { border-bottom: 2px solid #1f5fa8; } .sw.k-time { border-bottom: 2px dashed #17703f; }
.sw.k-quantity { outline: 1.5px solid #9a3f12; outline-offset: -1px; font-weight: 700; } .sw.k-marker { text-decoration: underline wavy #b3261e; text-underline-offset: 3px; }
.sw.k-claim { box-shadow: inset 0 2px 0 #6b3fb5; }
.spacer { flex: 1; }
.status { min-height: 1.5em; font-size: .875rem; color: #444; }
.status progress { vertical-align: middle; margin-right: .4rem; }
.cols { display: grid; grid-template-columns: minmax(0, 1fr) minmax(17rem, 22rem); gap: 1.5rem; align-items: start; }
.cols.nopanels { grid-template-columns: minmax(0, 1fr); }
@container (max-width: 46rem) { .cols { grid-template-columns: minmax(0, 1fr); } }
.article { font-size: 1rem; line-height: 1.75; max-width: 42rem; }
.article p { margin: 0 0 .9em; }
.article:focus-within { outline: none; }
.error { color: #b3261e; }
aside { border-left: 1px solid #d0d0d0; padding-left: 1rem; position: sticky; top: .5rem; max-height: calc(100vh - 1rem); overflow: auto; font-size: .875rem; }
@container (max-width: 46rem) { aside { border-left: 0; padding-left: 0; border-top: 1px solid #d0d0d0; padding-top: .6rem; position: static; max-height: none; } }
[role="tablist"] { display: flex; flex-wrap: wrap; gap: .25rem; margin-bottom: .6rem; }
[role="tab"] { border: 1px solid #8a8a8a; background: #fff; border-radius: 999px; padding: .1em .7em; font-size: .875rem; }
[role="tab"][aria-selected="true"] { background: #1b1b1b; color: #fff; border-color: #1b1b1b; }
[role="tabpanel"] h3 { font-size: 1rem; margin: .8rem 0 .3rem; }
[role="tabpanel"] ul { list-style: none; margin: 0; padding: 0; }
[role="tabpanel"] li { margin: 0 0 .45rem; }
.note, .ex-tools + .note { margin: .4rem 0; }
.jump { all: unset; cursor: pointer; border-bottom: 1px dotted #555; }
.jump:hover { border-bottom-style: solid; }
.jump:focus-visible { outline: 3px solid #1f5fa8; outline-offset: 1px; }
.chip { display: inline-block; width: .9em; height: .9em; border-radius: 2px; vertical-align: -.1em; margin-right: .35em; border: 1px solid #777; }
.chip.sp0 { background: #fde8a6; } .chip.sp1 { background: #cfe6ff; } .chip.sp2 { background: #d4f2cc; } .chip.sp3 { background: #ffd9e2; }
.chip.sp4 { background: #e6dcff; } .chip.sp5 { background: #ffdcbc; } .chip.sp6 { background: #c9f0ec; } .chip.sp7 { background: #e8e8e8; }
.meta { color: #4a4a4a; font-size: .75rem; }
.chain { color: #4a4a4a; font-size: .75rem; }
.badge { display: inline-block; font-size: .75rem; padding: 0 .45em; border-radius: 999px; border: 1px solid currentColor; margin-left: .3em; }
.badge.attributed { color: #17603a; } .badge.hedged { color: #8a5a00; } .badge.unattributed { color: #b3261e; }
.check { border: 1px solid #bfbfbf; border-radius: 4px; padding: .35rem .5rem; margin-bottom: .4rem; }
.check.bad { border: 2px solid #b3261e; background: #fdecea; }
.check.bad strong { color: #8c1d18; }
.check.ok strong { color: #17603a; }
table { border-collapse: collapse; width: 100%; font-size: inherit; }
th, td { text-align: left; padding: .15rem .3rem; border-bottom: 1px solid #e2e2e2; vertical-align: top; }
svg.timeline { width: 100%; height: auto; display: block; }
svg.timeline text { font: .75rem sans-serif; fill: #1b1b1b; }
svg.timeline .date { font-weight: 700; }
svg.timeline line { stroke: #6b6b6b; stroke-width: 2; }
svg.timeline circle { fill: #17703f; stroke: #fff; stroke-width: 2; cursor: pointer; }
svg.timeline g:focus { outline: none; } svg.timeline g:focus circle { stroke: #1b1b1b; stroke-width: 3; }
.exports li { display: flex; flex-wrap: wrap; gap: .3rem; align-items: center; }
.exports li span { flex: 1 1 100%; }
textarea.out { width: 100%; min-height: 8rem; font: .75rem ui-monospace, monospace; }
.tip { position: fixed; z-index: 2147483647; max-width: 22rem; background: #1b1b1b; color: #fff; padding: .4rem .6rem; border-radius: 4px; font-size: .875rem; line-height: 1.4; pointer-events: none; box-shadow: 0 2px 8px rgba(0,0,0,.3); }
.tip[hidden] { display: none; }
.tip b { display: block; margin-bottom: .15rem; }
.tip dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 0 .5rem; }
.tip dt { color: #d6d6d6; } .tip dd { margin: 0; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
[data-glose-exercise] [data-glose-kind] { background: none !important; border-bottom: none !important; outline: none; text-decoration: none !important; box-shadow: none !important; font-weight: inherit !important; }
mark[data-student-kind] { background: none; color: inherit; border-bottom: 3px solid #1f5fa8; }
mark[data-student-kind="marker"] { border-bottom-color: #b3261e; }
mark[data-student-kind="claim"] { border-bottom-color: #6b3fb5; border-bottom-style: double; }
.extable li { border-left: 4px solid #bfbfbf; padding-left: .4rem; }
.extable .found li { border-color: #17703f; } .extable .missed li { border-color: #b3261e; } .extable .extra li { border-color: #8a5a00; }
.ex-tools { display: flex; flex-wrap: wrap; gap: .4rem; margin: .4rem 0; }
.ex-tools input { flex: 1 1 10rem; min-width: 0; padding: .1em .3em; border: 1px solid #6b6b6b; border-radius: 4px; }
.note { font-size: .75rem; color: #4a4a4a; }
@media (forced-colors: active) {
  .check.bad { border: 3px double CanvasText; }
  [role="tab"][aria-selected="true"] { border-width: 3px; }
  .tip { border: 1px solid CanvasText; }
}
@media print {
  :host { display: block; }
  .bar, .status, [role="tablist"], .tip, .exports, .ex-tools { display: none !important; }
  .cols { display: block; }
  aside { border: 0; padding: 0; position: static; max-height: none; overflow: visible; }
  [role="tabpanel"][hidden] { display: block !important; }
  [role="tabpanel"] { break-inside: avoid-page; }
  [data-panel="export"] { display: none !important; }
  svg.timeline { max-width: 28rem; }
}
`;

// <glose-article>: one tag that shows an article annotated by Glose.
//
//   <script type="module" src=".../glose-widget.js"></script>
//   <glose-article lang="fr" date="2024-11-26">…article text…</glose-article>
//
// The article is the element's text content. The annotated copy is rendered in
// the shadow root; the article's own markup is never parsed as HTML. Each
// annotation is an element with data-glose-kind and data-glose-id. The element
// exposes `.analysis` and dispatches `glose-analyzed` (detail: the analysis).
import init, { analyze } from './glose.js';

const KINDS = ['quote', 'entity', 'time', 'quantity', 'marker', 'claim'];

const STYLE = `
:host { all: initial; display: block; font: 1rem/1.6 system-ui, sans-serif; color: #1b1b1b; }
p { margin: 0 0 .8em; }
[data-glose-kind] { border-radius: 2px; }
[data-glose-kind="quote"] { background: #fdf0c4; }
[data-glose-kind="entity"] { border-bottom: 2px solid #2f6db5; }
[data-glose-kind="time"] { border-bottom: 2px dotted #1d7a46; }
[data-glose-kind="quantity"] { outline: 1px solid #a4491d; }
[data-glose-kind="marker"] { text-decoration: underline wavy #b3261e; }
[data-glose-kind="claim"] { box-shadow: inset 3px 0 0 #6f42c1; }
.error { color: #b3261e; }
`;

/** Flattens an analysis into annotations {kind, id, start, end, label}. */
export function annotations(a) {
  const out = [];
  const names = new Map(a.entities.map((e) => [e.id, e.name]));
  for (const e of a.entities) {
    for (const m of e.mentions) out.push({ kind: 'entity', id: e.id, start: m.start, end: m.end, label: `${e.type}: ${e.name}` });
  }
  for (const q of a.quotes) {
    const who = q.speaker_name || names.get(q.speaker) || '?';
    out.push({ kind: 'quote', id: q.id, start: q.start, end: q.end, label: `${q.kind} quote: ${who}` });
  }
  a.times.forEach((t, i) => out.push({ kind: 'time', id: `t${i + 1}`, start: t.start, end: t.end, label: `${t.type} ${t.value}` }));
  for (const n of a.quantities) {
    out.push({ kind: 'quantity', id: n.id, start: n.start, end: n.end, label: `${n.value}${n.of ? ' ' + n.of : ''}` });
  }
  a.markers.forEach((m, i) => out.push({ kind: 'marker', id: `m${i + 1}`, start: m.start, end: m.end, label: `${m.kind}: ${m.why}` }));
  a.claims.forEach((c, i) => out.push({ kind: 'claim', id: `c${i + 1}`, start: c.start, end: c.end, label: `claim (${c.attribution}) ${c.score.toFixed(2)}` }));
  return out.filter((x) => x.end > x.start);
}

/**
 * Renders `text[from, to)` with the annotations that fall in it, as DOM nodes.
 * Nested spans become nested elements; a span that crosses another is split
 * into fragments that share its data-glose-id.
 */
export function renderRange(doc, text, from, to, anns) {
  const root = doc.createDocumentFragment();
  const inside = anns
    .map((x) => ({ ...x, start: Math.max(x.start, from), end: Math.min(x.end, to) }))
    .filter((x) => x.end > x.start);
  const points = new Set([from, to]);
  for (const x of inside) { points.add(x.start); points.add(x.end); }
  const stops = [...points].sort((p, q) => p - q);
  const starting = new Map();
  for (const x of inside) {
    if (!starting.has(x.start)) starting.set(x.start, []);
    starting.get(x.start).push(x);
  }
  const stack = []; // [{ann, el}]
  const top = () => (stack.length ? stack[stack.length - 1].el : root);
  const open = (x) => {
    const el = doc.createElement('span');
    el.dataset.gloseKind = x.kind;
    el.dataset.gloseId = x.id;
    el.title = x.label;
    top().appendChild(el);
    stack.push({ ann: x, el });
  };
  for (let i = 0; i < stops.length - 1; i++) {
    const p = stops[i];
    // Close what ends here, reopening what was above it.
    if (stack.some((s) => s.ann.end <= p)) {
      const reopen = [];
      while (stack.some((s) => s.ann.end <= p)) {
        const s = stack.pop();
        if (s.ann.end > p) reopen.unshift(s.ann);
      }
      reopen.forEach(open);
    }
    const fresh = (starting.get(p) || []).sort((x, y) => y.end - x.end);
    fresh.forEach(open);
    top().appendChild(doc.createTextNode(text.slice(p, stops[i + 1])));
  }
  return root;
}

/** Normalises an element's text content: lines trimmed, outer blank lines dropped. */
export function articleText(raw) {
  return raw.split(/\r\n|\r|\n/).map((l) => l.trim()).join('\n').replace(/^\n+|\n+$/g, '');
}

export class GloseArticle extends HTMLElement {
  static get observedAttributes() { return ['lang', 'date', 'layers']; }

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this.analysis = null;
  }

  connectedCallback() { this.refresh(); }

  attributeChangedCallback() { if (this.isConnected) this.refresh(); }

  async refresh() {
    const text = articleText(this.textContent || '');
    const root = this.shadowRoot;
    await init();
    let analysis;
    try {
      analysis = analyze(text, { lang: this.getAttribute('lang') || 'auto', date: this.getAttribute('date') || '' });
    } catch (err) {
      root.replaceChildren(styleNode(), messageNode(String(err.message || err)));
      return;
    }
    const shown = (this.getAttribute('layers') || KINDS.join(' ')).split(/[\s,]+/);
    const anns = annotations(analysis).filter((x) => shown.includes(x.kind));
    const body = document.createElement('div');
    body.className = 'article';
    body.lang = analysis.lang;
    for (const p of analysis.paragraphs) {
      const el = document.createElement('p');
      el.appendChild(renderRange(document, text, p.start, p.end, anns));
      body.appendChild(el);
    }
    root.replaceChildren(styleNode(), body);
    this.analysis = analysis;
    this.dispatchEvent(new CustomEvent('glose-analyzed', { detail: analysis, bubbles: true, composed: true }));
  }
}

function styleNode() {
  const s = document.createElement('style');
  s.textContent = STYLE;
  return s;
}

function messageNode(text) {
  const p = document.createElement('p');
  p.className = 'error';
  p.textContent = text;
  return p;
}

if (!customElements.get('glose-article')) customElements.define('glose-article', GloseArticle);

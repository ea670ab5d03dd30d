// <glose-article>: one tag that shows an article annotated by Glose.
//
//   <script type="module" src=".../glose-widget.js"></script>
//   <glose-article lang="fr" date="2024-11-26">…article text…</glose-article>
//   <glose-article for="article-id"></glose-article>   (annotates #article-id in place)
//
// Attributes: lang, date, layers ("quote entity time quantity marker claim"), ui-lang
// (fr|en; default: the article's language), shortcuts ("off"), panels ("none"),
// mode ("exercise"), worker ("auto"|"always"|"never"), article-title, source.
// Properties and methods: .analysis (get; set = render a precomputed analysis),
// .text, render(analysis, text?), exportAs(format), refresh(). Event: glose-analyzed.
//
// The article's markup is never parsed as HTML: the copy in the shadow root is built
// from the text with createElement and text nodes. Each annotation is an element with
// data-glose-kind and data-glose-id. Nothing is fetched or sent.
//
// This is the widget's entry module. The build bundles it, the other modules of
// www/widget/ (the API, api.js, with them) and the files of www/widget/pkg/ (the
// wasm and its glue) into www/glose-widget.js (scripts/bundle/bundle.mjs): a page
// loads one file. The bundle also exports the API, which www/glose.js re-exports;
// so a worker or a script outside a page may load it, where the element is not
// defined.
import { h, s, clip } from './dom.js';
import { translator, pickUiLang } from './i18n.js';
import { KINDS, normalise, annotations, details, entityOf, speakerColours, speakerKey, speakerName } from './model.js';
import { renderRange, offsetOf } from './render.js';
import { toJson, toMarkdown, toWebAnnotation, toClaimReview, timelineEvents } from './exports.js';
import { compare, resultJson, resultMarkdown, MARK_KINDS } from './exercise.js';
import { collectText, wrapAnnotations, unwrap } from './inplace.js';
import { runAnalysis } from './engine.js';
import { ANNOTATION_CSS, WIDGET_CSS } from './style.js';

export { default, analyze, version, maxInputBytes, workerUrl } from './api.js';

export { annotations, renderRange, KINDS };

const TABS = ['who', 'actors', 'timeline', 'numbers', 'claims', 'markers', 'export'];
const CHUNK = 150; // paragraphs rendered between two yields to the event loop

/** Normalises an element's text content: lines trimmed, outer blank lines dropped. */
export function articleText(raw) {
  return raw.split(/\r\n|\r|\n/).map((l) => l.trim()).join('\n').replace(/^\n+|\n+$/g, '');
}

function sheet(css) {
  try {
    const sh = new CSSStyleSheet();
    sh.replaceSync(css);
    return sh;
  } catch {
    return null;
  }
}
const annotationSheet = sheet(ANNOTATION_CSS);
const widgetSheet = sheet(WIDGET_CSS);

function adopt(root, sheets, fallbackCss) {
  if (sheets.every(Boolean) && 'adoptedStyleSheets' in root) {
    for (const sh of sheets) if (!root.adoptedStyleSheets.includes(sh)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sh];
    return null;
  }
  const style = document.createElement('style');
  style.textContent = fallbackCss;
  return style;
}

function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = h('a', { href: url, download: name });
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// The widgets in the page, wherever they are (shadow roots included), for print.
const connected = new Set();
globalThis.addEventListener?.('beforeprint', () => { for (const el of connected) el._fillAllPanels(); });

// Outside a page (a worker, node), there is no HTMLElement to extend: the class is
// defined all the same, and never registered.
export class GloseArticle extends (globalThis.HTMLElement ?? class {}) {
  static get observedAttributes() {
    return ['lang', 'date', 'layers', 'ui-lang', 'for', 'shortcuts', 'panels', 'mode', 'worker'];
  }

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this._raw = null;
    this._a = null;
    this._text = '';
    this._gen = 0;
    this._shown = new Set(KINDS);
    this._tab = 'who';
    this._offsets = new WeakMap();
    this._marks = [];
    this._result = null;
    this._chosen = new Set();
    this._current = 0;
    this._sel = null;
    this._exportOut = '';
    this._articleEl = null;
    this._target = null;
    this._onKey = (ev) => this._key(ev);
    this.shadowRoot.addEventListener('keydown', this._onKey);
  }

  /** The last analysis (glose/1), or null before the first one. */
  get analysis() { return this._raw; }
  set analysis(a) { this.render(a); }

  /** The article text the analysis refers to. */
  get text() { return this._text; }

  connectedCallback() {
    this._connected = true;
    connected.add(this);
    this._readLayers();
    if (this._raw) this.paint();
    else this.refresh();
  }

  disconnectedCallback() {
    this._connected = false;
    connected.delete(this);
    this._target?.removeEventListener('keydown', this._onKey);
  }

  attributeChangedCallback(name, old, value) {
    if (!this._connected || old === value) return;
    if (name === 'lang' || name === 'date' || name === 'for') this.refresh();
    else if (name === 'layers') { this._readLayers(); this.paint(); }
    else if (name === 'mode') this._setExercise(value === 'exercise');
    else if (this._a) this.paint();
  }

  _readLayers() {
    const attr = this.getAttribute('layers');
    this._shown = new Set(attr ? attr.split(/[\s,]+/).filter((k) => KINDS.includes(k)) : KINDS);
  }

  _t() { return translator(this._uiLang()); }

  _uiLang() {
    return pickUiLang(this.getAttribute('ui-lang'), this._a && this._a.lang, this.getAttribute('lang'), document.documentElement.lang);
  }

  _hostArticle() {
    const id = this.getAttribute('for');
    if (!id) return null;
    const root = this.getRootNode();
    return (root.getElementById ? root.getElementById(id) : null) || document.getElementById(id);
  }

  _readText() {
    const target = this._hostArticle();
    if (target) {
      unwrap(target);
      const { text, pieces } = collectText(target);
      this._pieces = pieces;
      return text;
    }
    return articleText(this.textContent || '');
  }

  /** Analyses the article again (the text content, or the `for` element). */
  async refresh() {
    const gen = ++this._gen;
    const text = this._readText();
    this._progress('loading');
    let a;
    try {
      const options = { lang: this.getAttribute('lang') || 'auto', date: this.getAttribute('date') || '' };
      a = await runAnalysis(text, options, (stage) => { if (gen === this._gen) this._progress(stage); }, this.getAttribute('worker') || 'auto');
    } catch (err) {
      if (gen !== this._gen) return;
      this._fail(err);
      return;
    }
    if (gen !== this._gen) return;
    await this._show(a, text, gen);
  }

  /** Shows a precomputed analysis of `text` (by default the element's article text). */
  render(analysis, text) {
    const gen = ++this._gen;
    const t = text ?? this._readText();
    return this._show(analysis, t, gen);
  }

  _fail(err) {
    const t = this._t();
    this.shadowRoot.replaceChildren(h('div', { class: 'error', role: 'alert', text: t('error') + String((err && err.message) || err) }));
    const style = adopt(this.shadowRoot, [widgetSheet], WIDGET_CSS);
    if (style) this.shadowRoot.prepend(style);
  }

  async _show(raw, text, gen) {
    this._a = normalise(raw || {});
    this._text = text;
    this._marks = [];
    this._result = null;
    this._chosen = new Set();
    this._current = 0;
    this._progress('rendering');
    const target = this._hostArticle();
    this._target?.removeEventListener('keydown', this._onKey);
    this._target = target;
    if (target) {
      const docStyle = adopt(document, [annotationSheet], ANNOTATION_CSS);
      if (docStyle && !document.getElementById('glose-annotation-style')) {
        docStyle.id = 'glose-annotation-style';
        document.head.appendChild(docStyle);
      }
      if (!this._pieces) this._readText();
      wrapAnnotations(this._pieces, annotations(this._a));
      this._pieces = null;
      target.addEventListener('keydown', this._onKey);
      this._articleEl = target;
      this._wireArticle(target);
    } else {
      const ok = await this._renderArticle(gen);
      if (!ok) return;
    }
    if (gen !== this._gen) return;
    this._raw = raw;
    this._exercise = this.getAttribute('mode') === 'exercise' && !target;
    this.paint();
    this.dispatchEvent(new CustomEvent('glose-analyzed', { detail: raw, bubbles: true, composed: true }));
  }

  async _renderArticle(gen) {
    const a = this._a;
    const text = this._text;
    const anns = annotations(a);
    for (const m of this._marks) anns.push({ kind: m.kind, id: m.id, start: m.start, end: m.end, at: m.start, student: true });
    const body = h('div', { class: 'article', lang: a.lang || null, role: 'region', 'aria-label': this._t()('article') });
    this._offsets = new WeakMap();
    let paras = a.paragraphs.filter((p) => Number.isFinite(p.start) && p.end >= p.start);
    if (!paras.length && text) {
      paras = [];
      let at = 0;
      for (const line of text.split('\n')) { if (line) paras.push({ start: at, end: at + line.length }); at += line.length + 1; }
    }
    // Annotations sorted by start let each paragraph take its own in one pass.
    anns.sort((x, y) => x.start - y.start);
    let k = 0;
    for (let i = 0; i < paras.length; i++) {
      const p = paras[i];
      while (k < anns.length && anns[k].end <= p.start) k++;
      const mine = [];
      for (let j = k; j < anns.length && anns[j].start < p.end; j++) if (anns[j].end > p.start) mine.push(anns[j]);
      const el = h('p');
      renderRange(el, text, p.start, p.end, mine, this._offsets);
      body.appendChild(el);
      if (i % CHUNK === CHUNK - 1 && paras.length > CHUNK) {
        this._progress('rendering', (i + 1) / paras.length);
        await new Promise((ok) => setTimeout(ok, 0));
        if (gen !== this._gen) return false;
      }
    }
    this._articleEl = body;
    this._wireArticle(body);
    return true;
  }

  _wireArticle(el) {
    if (el._gloseWired) return;
    el._gloseWired = true;
    el.addEventListener('mouseover', (ev) => { const x = this._annAt(ev.target); if (x) this._tip(x); });
    el.addEventListener('mouseout', (ev) => { if (!ev.relatedTarget || !this._annAt(ev.relatedTarget)) this._hideTip(); });
    el.addEventListener('focusin', (ev) => {
      const x = this._annAt(ev.target);
      if (!x) return;
      const items = this._navItems();
      const i = items.indexOf(x);
      if (i >= 0) this._rove(items, i, false);
      this._tip(x);
    });
    el.addEventListener('focusout', () => this._hideTip());
    el.addEventListener('pointerup', () => this._rememberSelection());
    el.addEventListener('keyup', () => this._rememberSelection());
  }

  _annAt(node) {
    const el = node && node.nodeType === 1 ? node : node?.parentElement;
    const x = el?.closest?.('[data-glose-kind]');
    return x && this._articleEl?.contains(x) ? x : null;
  }

  // ----- chrome: toolbar, panels, tooltip -----

  /** Rebuilds the toolbar and panels (the article itself is kept). */
  paint() {
    if (!this._a || !this._articleEl) return;
    const t = this._t();
    const root = this.shadowRoot;
    const style = adopt(root, [annotationSheet, widgetSheet], ANNOTATION_CSS + WIDGET_CSS);
    const ui = this._uiLang();
    const counts = this._counts();
    const toggles = KINDS.map((k, i) => h('label', { class: 'toggle' },
      h('input', { type: 'checkbox', checked: this._shown.has(k), 'aria-keyshortcuts': String(i + 1),
        on: { change: (ev) => this._toggle(k, ev.target.checked) } }),
      h('span', { class: `sw k-${k}`, 'aria-hidden': 'true', text: 'Ab' }),
      h('span', { text: t(k) }), h('span', { class: 'count', text: `(${counts[k]})` })));
    const bar = h('div', { class: 'bar', role: 'toolbar', 'aria-label': t('layers') },
      h('fieldset', {}, h('legend', { text: t('layers') }), toggles),
      h('span', { class: 'spacer' }),
      h('label', { class: 'toggle' }, h('input', { type: 'checkbox', checked: this._shortcutsOn(),
        on: { change: (ev) => { this.setAttribute('shortcuts', ev.target.checked ? 'on' : 'off'); } } }), t('shortcuts')),
      this._target ? null : h('button', { type: 'button', 'aria-pressed': String(!!this._exercise), class: 'ex-toggle',
        on: { click: () => this._setExercise(!this._exercise) } }, this._exercise ? t('leaveExercise') : t('exercise')),
      h('button', { type: 'button', class: 'ui-lang', lang: ui === 'fr' ? 'en' : 'fr', 'aria-label': `${t('uiLabel')}: ${t('ui')}`,
        on: { click: () => this._switchUi(ui === 'fr' ? 'en' : 'fr') } }, t('ui')));
    const help = h('div', { class: 'sr', id: 'glose-help', text: t('navHelp') });
    this._status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
    this._tipEl = h('div', { class: 'tip', role: 'tooltip', id: 'glose-tip', hidden: true });
    const showPanels = this.getAttribute('panels') !== 'none' || this._exercise;
    const cols = h('div', { class: showPanels && !this._target ? 'cols' : 'cols nopanels' });
    if (!this._target) cols.appendChild(this._articleEl);
    if (showPanels) cols.appendChild(this._panels(t));
    root.replaceChildren(...[style, h('div', { class: 'glose', lang: ui }, bar, help, this._status, cols, this._tipEl)].filter(Boolean));
    this._applyShown();
    this._labelItems(t);
  }

  _switchUi(lang) {
    this.setAttribute('ui-lang', lang);
    this.dispatchEvent(new CustomEvent('glose-ui-lang', { detail: lang, bubbles: true, composed: true }));
    this.shadowRoot.querySelector('.ui-lang')?.focus();
  }

  _counts() {
    const a = this._a;
    return {
      quote: a.quotes.length, entity: a.entities.length, time: a.times.length,
      quantity: a.quantities.length, marker: a.markers.length, claim: a.claims.length,
    };
  }

  _shortcutsOn() { return this.getAttribute('shortcuts') !== 'off'; }

  _toggle(kind, on) {
    if (on) this._shown.add(kind); else this._shown.delete(kind);
    this._applyShown();
    const box = this.shadowRoot.querySelectorAll('.bar fieldset input')[KINDS.indexOf(kind)];
    if (box) box.checked = on;
  }

  _applyShown() {
    const el = this._articleEl;
    if (!el) return;
    const off = KINDS.filter((k) => !this._shown.has(k)).join(' ');
    if (off) el.setAttribute('data-glose-off', off); else el.removeAttribute('data-glose-off');
    if (this._exercise && !this._result) el.setAttribute('data-glose-exercise', ''); else el.removeAttribute('data-glose-exercise');
    const items = this._navItems();
    this._rove(items, Math.min(this._current, Math.max(0, items.length - 1)), false);
  }

  /** Screen-reader names: each annotation says what it is and its details. */
  _labelItems(t) {
    const all = this._articleEl.querySelectorAll('[data-glose-kind]');
    for (const el of all) {
      if (el.hasAttribute('data-glose-part')) { el.removeAttribute('tabindex'); continue; }
      const d = details(this._a, el.dataset.gloseKind, el.dataset.gloseId, t);
      el.setAttribute('role', 'mark');
      el.setAttribute('aria-roledescription', t(`kind_${el.dataset.gloseKind}`));
      el.setAttribute('aria-description', [d.title, ...d.rows.map(([k, v]) => `${k}: ${v}`)].join('; '));
      if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
    }
    const items = this._navItems();
    this._rove(items, Math.min(this._current, Math.max(0, items.length - 1)), false);
  }

  _navItems() {
    if (!this._articleEl || (this._exercise && !this._result)) return [];
    return [...this._articleEl.querySelectorAll('[data-glose-kind]:not([data-glose-part])')]
      .filter((el) => this._shown.has(el.dataset.gloseKind));
  }

  _rove(items, i, focus = true) {
    for (const el of this._articleEl.querySelectorAll('[data-glose-kind][tabindex="0"]')) el.setAttribute('tabindex', '-1');
    if (!items.length) return;
    this._current = (i + items.length) % items.length;
    const el = items[this._current];
    el.setAttribute('tabindex', '0');
    if (focus) { el.focus(); el.scrollIntoView?.({ block: 'nearest' }); }
  }

  _key(ev) {
    if (ev.defaultPrevented || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const tag = (ev.composedPath()[0] || ev.target).tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return;
    const onAnn = this._annAt(ev.composedPath()[0]);
    const items = this._navItems();
    const step = (d) => { ev.preventDefault(); this._rove(items, this._current + d); };
    if (onAnn && (ev.key === 'ArrowRight' || ev.key === 'ArrowDown')) return step(1);
    if (onAnn && (ev.key === 'ArrowLeft' || ev.key === 'ArrowUp')) return step(-1);
    if (onAnn && ev.key === 'Home') { ev.preventDefault(); return this._rove(items, 0); }
    if (onAnn && ev.key === 'End') { ev.preventDefault(); return this._rove(items, items.length - 1); }
    if (ev.key === 'Escape') return this._hideTip();
    if (!this._shortcutsOn()) return;
    if (ev.key === 'j' || ev.key === 'n') return step(onAnn ? 1 : 0);
    if (ev.key === 'k' || ev.key === 'p') return step(-1);
    const n = Number(ev.key);
    if (n >= 1 && n <= KINDS.length) { ev.preventDefault(); this._toggle(KINDS[n - 1], !this._shown.has(KINDS[n - 1])); }
  }

  _tip(el) {
    if (!this._tipEl || (this._exercise && !this._result)) return;
    const t = this._t();
    const chain = [];
    for (let x = el; x && this._articleEl.contains(x) && chain.length < 3; x = x.parentElement?.closest('[data-glose-kind]')) {
      if (this._shown.has(x.dataset.gloseKind)) chain.push(x);
      if (x === this._articleEl) break;
    }
    if (!chain.length) { this._hideTip(); return; }
    this._tipEl.replaceChildren(...chain.map((x) => {
      const d = details(this._a, x.dataset.gloseKind, x.dataset.gloseId, t);
      return h('div', {}, h('b', { text: d.title }), h('dl', {}, d.rows.map(([k, v]) => [h('dt', { text: k }), h('dd', { text: clip(v, 140) })])));
    }));
    this._tipEl.hidden = false;
    const r = (el.getClientRects()[0] || el.getBoundingClientRect());
    const tip = this._tipEl.getBoundingClientRect();
    const left = Math.max(4, Math.min(r.left, window.innerWidth - tip.width - 4));
    const below = r.bottom + 6;
    const top = below + tip.height > window.innerHeight && r.top - tip.height - 6 > 0 ? r.top - tip.height - 6 : below;
    this._tipEl.style.left = `${left}px`;
    this._tipEl.style.top = `${top}px`;
  }

  _hideTip() { if (this._tipEl) this._tipEl.hidden = true; }

  _progress(stage, fraction) {
    if (!this._status) {
      const style = adopt(this.shadowRoot, [widgetSheet], WIDGET_CSS);
      this._status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
      this.shadowRoot.replaceChildren(...[style, this._status].filter(Boolean));
    }
    const t = this._t();
    const value = fraction ?? { loading: 0.1, analysing: 0.4, rendering: 0.8 }[stage] ?? 1;
    this._status.replaceChildren(h('progress', { max: '1', value: String(value), 'aria-hidden': 'true' }), t(stage));
  }

  /** Moves focus to an annotation in the text, showing its layer if it was off. */
  jumpTo(kind, id, at) {
    if (!this._shown.has(kind)) this._toggle(kind, true);
    const sel = `[data-glose-kind="${kind}"][data-glose-id="${CSS.escape(id)}"]` + (at != null ? `[data-glose-at="${at}"]` : '');
    const el = this._articleEl.querySelector(`${sel}:not([data-glose-part])`) || this._articleEl.querySelector(sel);
    if (!el) return;
    const items = this._navItems();
    const i = items.indexOf(el);
    if (i >= 0) this._rove(items, i, false);
    el.scrollIntoView?.({ block: 'center' });
    el.focus({ preventScroll: true });
    el.classList.remove('glose-flash');
    void el.offsetWidth;
    el.classList.add('glose-flash');
  }

  _jump(kind, id, at, label) {
    return h('button', { type: 'button', class: 'jump', on: { click: () => this.jumpTo(kind, id, at) } }, label);
  }

  _panels(t) {
    const aside = h('aside', { 'aria-label': t('panels') });
    if (this._exercise) {
      aside.appendChild(this._exercisePanel(t));
      return aside;
    }
    const tabs = h('div', { role: 'tablist', 'aria-label': t('panels') });
    const panels = [];
    for (const name of TABS) {
      const selected = name === this._tab;
      const tab = h('button', { type: 'button', role: 'tab', id: `tab-${name}`, 'aria-controls': `panel-${name}`,
        'aria-selected': String(selected), tabindex: selected ? '0' : '-1', text: t(name),
        on: { click: () => { this._tab = name; this.paint(); this.shadowRoot.getElementById(`tab-${name}`)?.focus(); } } });
      tabs.appendChild(tab);
      const panel = h('div', { role: 'tabpanel', id: `panel-${name}`, 'aria-labelledby': `tab-${name}`, hidden: !selected, 'data-panel': name });
      // Only the panel shown is filled: choosing a tab paints again, and
      // printing fills the others. Filling the hidden six took about half of
      // the time spent building the widget's DOM after the seed's analysis.
      if (selected) this._fillPanel(panel, t);
      panels.push(panel);
    }
    tabs.addEventListener('keydown', (ev) => {
      const i = TABS.indexOf(this._tab);
      const d = ev.key === 'ArrowRight' ? 1 : ev.key === 'ArrowLeft' ? -1 : 0;
      if (!d) return;
      ev.preventDefault();
      this._tab = TABS[(i + d + TABS.length) % TABS.length];
      this.paint();
      this.shadowRoot.getElementById(`tab-${this._tab}`)?.focus();
    });
    aside.append(tabs, ...panels);
    return aside;
  }

  _fillPanel(panel, t) {
    const name = panel.dataset.panel;
    panel.appendChild(h('h3', { text: t(name) }));
    this[`_panel_${name}`](panel, t);
    panel.dataset.filled = '';
  }

  /** Fills the panels not shown yet: print shows them all. */
  _fillAllPanels() {
    const t = this._t();
    for (const panel of this.shadowRoot.querySelectorAll('[role="tabpanel"]:not([data-filled])')) this._fillPanel(panel, t);
  }

  _panel_who(panel, t) {
    const a = this._a;
    const colours = speakerColours(a);
    const groups = new Map();
    for (const q of a.quotes) {
      const k = speakerKey(q);
      if (!groups.has(k)) groups.set(k, []);
      groups.get(k).push(q);
    }
    if (!groups.size) { panel.appendChild(h('div', { text: t('nothing') })); return; }
    for (const [k, quotes] of [...groups].sort((x, y) => (x[0] === '') - (y[0] === '') || y[1].length - x[1].length)) {
      const name = speakerName(a, quotes[0]) || t('unknownSpeaker');
      panel.appendChild(h('h3', {}, h('span', { class: `chip sp${colours.get(k)}`, 'aria-hidden': 'true' }), name, h('span', { class: 'count', text: ` (${quotes.length})` })));
      panel.appendChild(h('ul', {}, quotes.map((q) => {
        const chain = [speakerName(a, q), q.via, q.channel].filter(Boolean).join(' → ');
        return h('li', {}, this._jump('quote', q.id, q.start, `« ${clip(q.text, 110)} »`),
          h('div', { class: 'meta' }, `${t(q.kind) || q.kind}${q.cue && q.cue.text ? ` · ${q.cue.text}` : ''}`),
          q.via || q.channel ? h('div', { class: 'chain', text: chain }) : null);
      })));
    }
  }

  _panel_actors(panel, t) {
    const a = this._a;
    if (!a.entities.length) { panel.appendChild(h('div', { text: t('nothing') })); return; }
    for (const type of ['PER', 'ORG', 'LOC', 'MISC', ...new Set(a.entities.map((e) => e.type))].filter((x, i, l) => l.indexOf(x) === i)) {
      const ents = a.entities.filter((e) => e.type === type).sort((x, y) => y.mentions.length - x.mentions.length);
      if (!ents.length) continue;
      panel.appendChild(h('h3', { text: type }));
      panel.appendChild(h('ul', {}, ents.map((e) => h('li', {},
        this._jump('entity', e.id, e.mentions[0]?.start, e.name),
        h('span', { class: 'count', text: ` ${e.mentions.length} ${t('mentions')} ` }),
        e.mentions.length > 1 ? e.mentions.map((m, i) => h('button', { type: 'button', class: 'jump', style: null,
          'aria-label': `${e.name}, ${i + 1}/${e.mentions.length}: ${clip(m.text, 40)}`,
          on: { click: () => this.jumpTo('entity', e.id, m.start) } }, ` ${i + 1}`)) : null,
        Array.isArray(e.roles) && e.roles.length ? h('div', { class: 'meta', text: e.roles.join(', ') }) : null))));
    }
  }

  _panel_timeline(panel, t) {
    const events = timelineEvents(this._a);
    if (!events.length) { panel.appendChild(h('div', { text: t('noDates') })); return; }
    const byDate = [];
    for (const ev of events) {
      const last = byDate[byDate.length - 1];
      if (last && last.value === ev.value) last.events.push(ev); else byDate.push({ value: ev.value, events: [ev] });
    }
    const lines = (g) => g.events.slice(0, 3).length;
    let y = 14;
    const rows = byDate.map((g) => { const row = { g, y }; y += 22 + 15 * lines(g); return row; });
    const svg = s('svg', { class: 'timeline', viewBox: `0 0 320 ${y}`, role: 'list', 'aria-label': t('timeline') },
      s('line', { x1: 12, y1: 8, x2: 12, y2: y - 8 }));
    for (const { g, y: gy } of rows) {
      const first = g.events[0];
      const item = s('g', { role: 'listitem', tabindex: '0', 'aria-label': `${g.value}: ${g.events.map((e) => e.text).join(' / ')}`,
        on: { click: () => first.time && this.jumpTo('time', first.time.id, first.time.start),
          keydown: (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); if (first.time) this.jumpTo('time', first.time.id, first.time.start); } } } },
        s('title', { text: g.events.map((e) => e.text).join('\n') }),
        s('circle', { cx: 12, cy: gy, r: 6 }),
        s('text', { x: 26, y: gy + 4, class: 'date', text: g.value }),
        g.events.slice(0, 3).map((e, i) => s('text', { x: 26, y: gy + 19 + 15 * i, text: clip(e.text, 46) })));
      svg.appendChild(item);
    }
    panel.appendChild(svg);
  }

  _panel_numbers(panel, t) {
    const a = this._a;
    const byId = new Map(a.quantities.map((n) => [n.id, n]));
    panel.appendChild(h('h3', { text: t('checks') }));
    if (!a.checks.length) panel.appendChild(h('div', { text: t('noChecks') }));
    for (const c of [...a.checks].sort((x, y) => x.consistent - y.consistent)) {
      const total = byId.get(c.total);
      panel.appendChild(h('div', { class: c.consistent ? 'check ok' : 'check bad', role: c.consistent ? null : 'group',
        'aria-label': c.consistent ? null : t('inconsistent') },
        h('strong', { text: `${c.consistent ? '✓' : '✗'} ${t(c.consistent ? 'consistent' : 'inconsistent')}` }), ' ',
        h('span', { text: c.explanation || '' }),
        h('div', { class: 'meta' }, total ? [`${t('total')}: `, this._jump('quantity', total.id, total.start, total.text)] : null,
          ` · ${t('parts')}: `, (c.parts || []).map((id, i) => {
            const n = byId.get(id);
            return [i ? ', ' : '', n ? this._jump('quantity', n.id, n.start, n.text) : id];
          }))));
    }
    panel.appendChild(h('h3', { text: t('quantity') }));
    if (!a.quantities.length) { panel.appendChild(h('div', { text: t('nothing') })); return; }
    panel.appendChild(h('table', {}, h('thead', {}, h('tr', {}, h('th', { text: '' }), h('th', { text: t('value') }), h('th', { text: t('of') }))),
      h('tbody', {}, a.quantities.map((n) => h('tr', {},
        h('td', {}, this._jump('quantity', n.id, n.start, n.text)),
        h('td', { text: `${n.approximate ? '≈ ' : ''}${n.value ?? ''}${n.unit ? ` ${n.unit}` : ''}` }),
        h('td', { text: n.of || '' }))))));
  }

  _panel_claims(panel, t) {
    const a = this._a;
    if (!a.claims.length) { panel.appendChild(h('div', { text: t('nothing') })); return; }
    panel.appendChild(h('ul', {}, [...a.claims].sort((x, y) => (y.score ?? 0) - (x.score ?? 0)).map((c) => {
      const src = c.source_name || entityOf(a, c.source)?.name;
      return h('li', {},
        h('input', { type: 'checkbox', checked: this._chosen.has(c.id), 'aria-label': t('selectClaim'),
          on: { change: (ev) => { if (ev.target.checked) this._chosen.add(c.id); else this._chosen.delete(c.id); } } }), ' ',
        this._jump('claim', c.id, c.start, clip(c.text, 140)),
        h('div', { class: 'meta' }, h('span', { class: `badge ${c.attribution}`, text: t(c.attribution) || c.attribution }),
          src ? ` ${t('source')}: ${src}` : '', typeof c.score === 'number' ? ` · ${t('score')} ${c.score.toFixed(2)}` : '',
          Array.isArray(c.reasons) && c.reasons.length ? ` · ${c.reasons.join(', ')}` : ''));
    })));
  }

  _panel_markers(panel, t) {
    const a = this._a;
    if (!a.markers.length) { panel.appendChild(h('div', { text: t('nothing') })); return; }
    panel.appendChild(h('ul', {}, a.markers.map((m) => h('li', {},
      this._jump('marker', m.id, m.start, `« ${clip(m.text, 80)} »`),
      h('div', { class: 'meta', text: [t(m.kind), m.why, m.technique].filter(Boolean).join(' · ') })))));
  }

  _panel_export(panel, t) {
    const out = h('textarea', { class: 'out', readonly: true, 'aria-label': t('export'), spellcheck: 'false' });
    out.value = this._exportOut;
    const note = h('div', { class: 'note', role: 'status', text: t('localOnly') });
    const row = (label, format, file, type) => h('li', {}, h('span', { text: label }),
      h('button', { type: 'button', 'data-export': format, 'data-action': 'copy', text: t('copy'),
        on: { click: () => this._copy(this.exportAs(format), out, note, t) } }),
      h('button', { type: 'button', 'data-export': format, 'data-action': 'download', text: t('download'),
        on: { click: () => { const c = this.exportAs(format); out.value = this._exportOut = c; download(file, type, c); } } }));
    panel.appendChild(h('ul', { class: 'exports' },
      row(t('exportJson'), 'json', 'glose-analysis.json', 'application/json'),
      row(t('exportMd'), 'markdown', 'glose-report.md', 'text/markdown'),
      row(t('exportWa'), 'webannotation', 'glose-annotations.jsonld', 'application/ld+json'),
      row(t('exportCr'), 'claimreview', 'glose-claimreview.jsonld', 'application/ld+json')));
    panel.append(h('div', { class: 'note', text: t('crHint') }), note, out);
  }

  async _copy(content, out, note, t) {
    out.value = this._exportOut = content;
    try {
      await navigator.clipboard.writeText(content);
      note.textContent = t('copied');
    } catch {
      out.focus();
      out.select();
      note.textContent = t('copyFailed');
    }
  }

  /** An export as a string: json, markdown, webannotation, claimreview, exercise-json, exercise-markdown. */
  exportAs(format) {
    if (!this._a) throw new Error('glose: nothing analysed yet');
    const n = this._a;
    const t = this._t();
    const meta = { title: this.getAttribute('article-title') || '', source: this.getAttribute('source') || '' };
    switch (format) {
      case 'json': return toJson(this._raw);
      case 'markdown': return toMarkdown(n, t, meta);
      case 'webannotation': return toWebAnnotation(n, this._text, meta);
      case 'claimreview': return toClaimReview(n, this._chosen, meta);
      case 'exercise-json': return resultJson(n, this._marks, this._result || compare(n, this._marks));
      case 'exercise-markdown': return resultMarkdown(n, this._result || compare(n, this._marks), t);
      default: throw new Error(`glose: unknown export format "${format}"`);
    }
  }

  // ----- exercise mode -----

  async _setExercise(on) {
    if (this._target) return;
    this._exercise = on;
    this._result = null;
    if (!on) this._marks = [];
    await this._renderArticle(this._gen);
    this.paint();
  }

  _selection() {
    const root = this.shadowRoot;
    let range = null;
    const sel = root.getSelection ? root.getSelection() : document.getSelection();
    if (sel && sel.getComposedRanges) {
      const r = sel.getComposedRanges({ shadowRoots: [root] })[0];
      if (r) range = r;
    }
    if ((!range || range.collapsed) && sel && sel.rangeCount) range = sel.getRangeAt(0);
    if (!range || range.collapsed) return null;
    let start = offsetOf(this._offsets, range.startContainer, range.startOffset);
    let end = offsetOf(this._offsets, range.endContainer, range.endOffset);
    if (start == null || end == null || end <= start) return null;
    // Trim spaces and quote marks the student swept up with the words.
    while (start < end && /[\s«»"“”]/.test(this._text[start])) start++;
    while (end > start && /[\s«»"“”]/.test(this._text[end - 1])) end--;
    return end > start ? { start, end } : null;
  }

  _rememberSelection() {
    if (!this._exercise) return;
    const s = this._selection();
    if (s) this._sel = s;
  }

  /** Marks the selected words (or `span`) as the student's quote, marker or claim. */
  async mark(kind, span, speaker = '') {
    if (!MARK_KINDS.includes(kind)) throw new Error(`glose: cannot mark a ${kind}`);
    const sel = span || this._selection() || this._sel;
    if (!sel) return false;
    const id = `s${this._marks.length + 1}`;
    this._marks.push({ id, kind, start: sel.start, end: sel.end, text: this._text.slice(sel.start, sel.end), speaker: speaker || '' });
    this._sel = null;
    await this._renderArticle(this._gen);
    this.paint();
    return true;
  }

  /** Reveals Glose's annotations and the agreement with the student's marks. */
  async compareMarks() {
    this._result = compare(this._a, this._marks);
    await this._renderArticle(this._gen);
    this.paint();
    return this._result;
  }

  _exercisePanel(t) {
    const panel = h('div', { class: 'exercise-panel', 'data-panel': 'exercise' }, h('h3', { text: t('exercise') }), h('div', { class: 'note', text: t('exIntro') }));
    const msg = h('div', { class: 'note', role: 'status' });
    const speaker = h('input', { type: 'text', placeholder: t('speakerPh'), 'aria-label': t('speakerPh'), class: 'speaker' });
    const markBtn = (kind, label) => h('button', { type: 'button', 'data-mark': kind, text: label,
      on: {
        mousedown: (ev) => ev.preventDefault(), // keep the selection in the article
        click: async () => { if (!(await this.mark(kind, null, kind === 'quote' ? speaker.value : ''))) msg.textContent = t('selectFirst'); },
      } });
    if (!this._result) {
      panel.append(h('div', { class: 'ex-tools' }, speaker, markBtn('quote', t('markQuote')), markBtn('marker', t('markLoaded')), markBtn('claim', t('markClaim'))), msg);
    }
    panel.appendChild(h('h3', { text: t('yourMarks') }));
    if (!this._marks.length) panel.appendChild(h('div', { class: 'note', text: t('noMarks') }));
    panel.appendChild(h('ul', { class: 'marks' }, this._marks.map((m) => h('li', {},
      h('span', { text: `${t(`kind_${m.kind}`)}: « ${clip(m.text, 80)} »${m.speaker ? ` — ${m.speaker}` : ''} ` }),
      this._result ? null : h('button', { type: 'button', text: t('remove'), on: { click: async () => {
        this._marks = this._marks.filter((x) => x !== m);
        await this._renderArticle(this._gen);
        this.paint();
      } } })))));
    if (!this._result) {
      panel.appendChild(h('div', {}, h('button', { type: 'button', class: 'compare', text: t('compare'), on: { click: () => this.compareMarks() } })));
      return panel;
    }
    const r = this._result;
    const section = (cls, title, items, line) => h('div', { class: cls }, h('h3', { text: `${title} (${items.length})` }), h('ul', {}, items.map(line)));
    panel.appendChild(h('div', { class: 'extable' },
      section('found', t('found'), r.found, (f) => h('li', {}, this._jump(f.kind, f.item.id, f.item.start, `${t(`kind_${f.kind}`)}: « ${clip(f.item.text, 70)} »`),
        f.kind === 'quote' ? h('div', { class: 'meta', text: `${t(f.speakerAgrees ? 'speakerOk' : 'speakerNo')} (${speakerName(this._a, f.item) || t('unknownSpeaker')})` }) : null)),
      section('missed', t('missed'), r.missed, (m) => h('li', {}, this._jump(m.kind, m.item.id, m.item.start, `${t(`kind_${m.kind}`)}: « ${clip(m.item.text, 70)} »`))),
      section('extra', t('extra'), r.extra, (m) => h('li', { text: `${t(`kind_${m.kind}`)}: « ${clip(m.text, 70)} »` }))));
    const out = h('textarea', { class: 'out', readonly: true, 'aria-label': t('export') });
    const note = h('div', { class: 'note', role: 'status', text: t('localOnly') });
    const row = (label, format, file, type) => h('li', {}, h('span', { text: label }),
      h('button', { type: 'button', 'data-export': format, text: t('copy'), on: { click: () => this._copy(this.exportAs(format), out, note, t) } }),
      h('button', { type: 'button', 'data-export': format, 'data-action': 'download', text: t('download'),
        on: { click: () => { const c = this.exportAs(format); out.value = c; download(file, type, c); } } }));
    panel.append(h('ul', { class: 'exports' }, row('JSON', 'exercise-json', 'glose-exercise.json', 'application/json'),
      row('Markdown', 'exercise-markdown', 'glose-exercise.md', 'text/markdown')), note, out,
    h('div', {}, h('button', { type: 'button', text: t('reset'), on: { click: () => { this._marks = []; this._setExercise(true); } } })));
    return panel;
  }
}

if (globalThis.customElements && !customElements.get('glose-article')) customElements.define('glose-article', GloseArticle);

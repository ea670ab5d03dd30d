// Exports of an analysis, made in the page: glose/1 JSON, a Markdown report, W3C Web
// Annotations (JSON-LD) and schema.org ClaimReview drafts. Nothing is sent anywhere.
import { entityOf, speakerKey, speakerName } from './model.js';

const list = (x) => (Array.isArray(x) ? x : []);
const oneLine = (s) => String(s ?? '').replace(/\s+/g, ' ').trim();
// Markdown special characters in article text are escaped, so a report never links or formats by accident.
const md = (s) => oneLine(s).replace(/([\\`*_{}[\]<>()#+!|~])/g, '\\$1');

export function toJson(a) {
  return JSON.stringify(a, null, 2);
}

/** Who said what, actors, timeline, numbers and checks, markers and claims, as Markdown. */
export function toMarkdown(a, t, meta = {}) {
  const out = [];
  out.push(`# ${md(meta.title || 'Glose')}`, '');
  out.push(`- ${t('lang')}: ${a.lang ?? '?'}`, `- ${t('date')}: ${a.doc_date ?? '?'}`, '');
  out.push(`## ${t('who')}`, '');
  const groups = new Map();
  for (const q of a.quotes) {
    const k = speakerKey(q);
    if (!groups.has(k)) groups.set(k, { name: speakerName(a, q) || t('unknownSpeaker'), quotes: [] });
    groups.get(k).quotes.push(q);
  }
  if (!groups.size) out.push(t('nothing'));
  for (const g of groups.values()) {
    out.push(`### ${md(g.name)}`, '');
    for (const q of g.quotes) {
      const chain = [q.channel, q.via].filter(Boolean).map(md).join(' → ');
      out.push(`- (${t(q.kind) || q.kind}) « ${md(q.text)} »${chain ? ` — ${chain}` : ''}`);
    }
    out.push('');
  }
  out.push(`## ${t('actors')}`, '');
  if (!a.entities.length) out.push(t('nothing'));
  for (const e of a.entities) out.push(`- **${md(e.name)}** (${e.type}), ${list(e.mentions).length} ${t('mentions')}`);
  out.push('', `## ${t('timeline')}`, '');
  const events = timelineEvents(a);
  if (!events.length) out.push(t('noDates'));
  for (const ev of events) out.push(`- **${ev.value}** — ${md(ev.text)}`);
  out.push('', `## ${t('numbers')}`, '');
  for (const n of a.quantities) out.push(`- ${md(n.text)} = ${n.value}${n.of ? ` (${md(n.of)})` : ''}`);
  if (!a.checks.length) out.push('', t('noChecks'));
  for (const c of a.checks) out.push(`- ${c.consistent ? '✓' : '✗ **'}${t(c.consistent ? 'consistent' : 'inconsistent')}${c.consistent ? '' : '**'}: ${md(c.explanation)}`);
  out.push('', `## ${t('markers')}`, '');
  if (!a.markers.length) out.push(t('nothing'));
  for (const m of a.markers) out.push(`- « ${md(m.text)} » — ${t(m.kind)}${m.why ? `: ${md(m.why)}` : ''}`);
  out.push('', `## ${t('claims')}`, '');
  if (!a.claims.length) out.push(t('nothing'));
  for (const c of a.claims) {
    const src = c.source_name || entityOf(a, c.source)?.name;
    out.push(`- ${md(c.text)} — ${t(c.attribution) || c.attribution}${src ? ` (${md(src)})` : ''}`);
  }
  out.push('');
  return out.join('\n');
}

/** Timeline events: the analysis's timeline, or else its resolved DATE expressions. */
export function timelineEvents(a) {
  const events = a.timeline.length
    ? a.timeline.map((e) => ({ value: e.value, text: e.text, start: e.start, end: e.end, time: a.times[e.time] }))
    : a.times.filter((x) => x.type === 'DATE').map((x) => ({ value: x.value, text: sentenceAround(a, x), start: x.start, end: x.end, time: x }));
  // Values are ISO 8601, which sort as plain strings. localeCompare would build an
  // ICU collator on first use: about 30 ms of a cold page.
  const order = (x, y) => (x < y ? -1 : x > y ? 1 : 0);
  return events.filter((e) => /^\d{4}(-\d{2}){0,2}/.test(String(e.value))).sort((x, y) => order(String(x.value), String(y.value)));
}

function sentenceAround(a, span) {
  // Sentences come in text order and do not overlap: the one that may hold the
  // span is the last to start at or before it, found by halving (a scan for
  // each date made a long article quadratic).
  const ss = a.sentences;
  let lo = 0;
  let hi = ss.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ss[mid].start <= span.start) lo = mid + 1; else hi = mid;
  }
  const s = ss[lo - 1];
  return s && span.end <= s.end ? s.text : span.text;
}

/** utf16 offset -> Unicode code point offset (Web Annotation positions count code points). */
function codePointIndex(text) {
  if (!/[\uD800-\uDFFF]/.test(text)) return (i) => i;
  const map = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    if (!(c >= 0xd800 && c <= 0xdbff && i + 1 < text.length)) cp++;
  }
  map[text.length] = cp;
  return (i) => map[i];
}

const WA_PURPOSE = { quote: 'describing', entity: 'identifying', time: 'describing', quantity: 'describing', marker: 'assessing', claim: 'assessing' };

/** The annotations as a W3C Web Annotation collection (JSON-LD). */
export function toWebAnnotation(a, text, meta = {}) {
  const source = meta.source || 'urn:glose:article';
  const cp = codePointIndex(text);
  const items = [];
  const push = (kind, id, span, value) => {
    if (!span || !(span.end > span.start)) return;
    items.push({
      id: `${source}#glose-${kind}-${id}-${span.start}`,
      type: 'Annotation',
      motivation: kind === 'entity' ? 'identifying' : kind === 'marker' || kind === 'claim' ? 'assessing' : 'describing',
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: kind },
        { type: 'TextualBody', purpose: WA_PURPOSE[kind], format: 'text/plain', value },
      ],
      target: {
        source,
        selector: [
          { type: 'TextQuoteSelector', exact: text.slice(span.start, span.end),
            prefix: text.slice(Math.max(0, span.start - 32), span.start), suffix: text.slice(span.end, span.end + 32) },
          { type: 'TextPositionSelector', start: cp(span.start), end: cp(span.end) },
        ],
      },
    });
  };
  for (const q of a.quotes) push('quote', q.id, q, `${q.kind} quote; speaker: ${speakerName(a, q) || 'unknown'}${q.channel ? `; channel: ${q.channel}` : ''}`);
  for (const e of a.entities) for (const m of list(e.mentions)) push('entity', e.id, m, `${e.type}: ${e.name}`);
  for (const x of a.times) push('time', x.id, x, `${x.type} ${x.value}`);
  for (const n of a.quantities) push('quantity', n.id, n, `${n.value}${n.of ? ` ${n.of}` : ''}`);
  for (const m of a.markers) push('marker', m.id, m, `${m.kind}${m.why ? `: ${m.why}` : ''}`);
  for (const c of a.claims) push('claim', c.id, c, `claim, ${c.attribution}`);
  return JSON.stringify({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `${source}#glose-annotations`,
    type: 'AnnotationCollection',
    label: meta.title || 'Glose annotations',
    generator: { type: 'Software', name: 'Glose' },
    total: items.length,
    first: { type: 'AnnotationPage', id: `${source}#glose-page-1`, startIndex: 0, items },
  }, null, 2);
}

/** schema.org ClaimReview drafts for the chosen claims (all when none is chosen), with no verdict. */
export function toClaimReview(a, chosen, meta = {}) {
  const claims = chosen && chosen.size ? a.claims.filter((c) => chosen.has(c.id)) : a.claims;
  const drafts = claims.map((c) => {
    const ent = entityOf(a, c.source);
    const src = c.source_name || ent?.name || null;
    const appearance = { '@type': 'CreativeWork' };
    if (meta.source && /^https?:/.test(meta.source)) appearance.url = meta.source;
    if (meta.title) appearance.headline = meta.title;
    if (a.doc_date) appearance.datePublished = a.doc_date;
    const item = { '@type': 'Claim', appearance };
    if (a.doc_date) item.datePublished = a.doc_date;
    if (src) item.author = { '@type': ent && ent.type === 'PER' ? 'Person' : 'Organization', name: src };
    return {
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: oneLine(c.text),
      itemReviewed: item,
      inLanguage: a.lang,
      description: `Draft made by Glose (attribution: ${c.attribution}); no verdict: the reviewer adds reviewRating, author and url.`,
    };
  });
  return JSON.stringify(drafts, null, 2);
}

// From a glose/1 analysis to a flat list of annotations, and the details shown for
// each. Optional fields that a layer may not fill (channel, via, roles, unit, kind,
// approximate, source_name, id) are read defensively.

export const KINDS = ['quote', 'entity', 'time', 'quantity', 'marker', 'claim'];
export const SPEAKER_COLOURS = 8;

const list = (x) => (Array.isArray(x) ? x : []);
const valid = (x) => x && Number.isFinite(x.start) && Number.isFinite(x.end) && x.end > x.start;

/** The analysis with every layer an array and every item an id. */
export function normalise(a) {
  const out = { ...a };
  for (const k of ['paragraphs', 'sentences', 'entities', 'quotes', 'times', 'timeline', 'quantities', 'checks', 'claims', 'markers']) {
    out[k] = list(a && a[k]);
  }
  out.entities = out.entities.map((e, i) => ({ ...e, id: e.id ?? `e${i + 1}`, mentions: list(e.mentions) }));
  out.quotes = out.quotes.map((q, i) => ({ ...q, id: q.id ?? `q${i + 1}` }));
  out.times = out.times.map((t, i) => ({ ...t, id: t.id ?? `t${i + 1}` }));
  out.quantities = out.quantities.map((n, i) => ({ ...n, id: n.id ?? `n${i + 1}` }));
  out.markers = out.markers.map((m, i) => ({ ...m, id: m.id ?? `m${i + 1}` }));
  out.claims = out.claims.map((c, i) => ({ ...c, id: c.id ?? `c${i + 1}` }));
  // Items by kind and id, so details and names are found in constant time on long articles.
  const index = (xs) => new Map(xs.map((x) => [x.id, x]));
  // The checks each quantity is the total or a part of: asked of every
  // quantity, a scan of all checks made a number-heavy article quadratic.
  const checksOf = new Map();
  for (const c of out.checks) {
    for (const id of new Set([c.total, ...list(c.parts)])) {
      if (!checksOf.has(id)) checksOf.set(id, []);
      checksOf.get(id).push(c);
    }
  }
  Object.defineProperty(out, 'byId', { enumerable: false, value: {
    quote: index(out.quotes), entity: index(out.entities), time: index(out.times),
    quantity: index(out.quantities), marker: index(out.markers), claim: index(out.claims),
    checks: checksOf,
  } });
  return out;
}

/** The speaker key of a quote: its entity id, else its name, else ''. */
export function speakerKey(q) {
  return q.speaker || (q.speaker_name ? `name:${q.speaker_name}` : '');
}

export function entityOf(a, id) {
  if (id == null) return null;
  return (a.byId ? a.byId.entity.get(id) : a.entities.find((x) => x.id === id)) || null;
}

export function speakerName(a, q) {
  if (q.speaker_name) return q.speaker_name;
  const e = entityOf(a, q.speaker);
  return e ? e.name : null;
}

/** Speaker key -> colour index, in order of first quote; the unknown speaker is last. */
export function speakerColours(a) {
  const map = new Map();
  for (const q of a.quotes) {
    const k = speakerKey(q);
    if (k && !map.has(k)) map.set(k, map.size % (SPEAKER_COLOURS - 1));
  }
  map.set('', SPEAKER_COLOURS - 1);
  return map;
}

/** Every rendered span: {kind, id, start, end, at, colour?}. */
export function annotations(a) {
  const out = [];
  const colours = speakerColours(a);
  for (const e of a.entities) {
    for (const m of list(e.mentions)) if (valid(m)) out.push({ kind: 'entity', id: e.id, start: m.start, end: m.end });
  }
  for (const q of a.quotes) if (valid(q)) out.push({ kind: 'quote', id: q.id, start: q.start, end: q.end, colour: colours.get(speakerKey(q)) });
  for (const t of a.times) if (valid(t)) out.push({ kind: 'time', id: t.id, start: t.start, end: t.end });
  for (const n of a.quantities) if (valid(n)) out.push({ kind: 'quantity', id: n.id, start: n.start, end: n.end });
  for (const m of a.markers) if (valid(m)) out.push({ kind: 'marker', id: m.id, start: m.start, end: m.end });
  for (const c of a.claims) if (valid(c)) out.push({ kind: 'claim', id: c.id, start: c.start, end: c.end });
  for (const x of out) x.at = x.start;
  return out;
}

/** The item of the analysis an annotation stands for. */
export function itemOf(a, kind, id) {
  if (a.byId && a.byId[kind]) return a.byId[kind].get(id) || null;
  const layer = { quote: a.quotes, entity: a.entities, time: a.times, quantity: a.quantities, marker: a.markers, claim: a.claims }[kind];
  return (layer || []).find((x) => x.id === id) || null;
}

/** The details of one annotation: {title, rows: [[label, value]]}, in the UI language. */
export function details(a, kind, id, t) {
  const x = itemOf(a, kind, id);
  if (!x) return { title: t(`kind_${kind}`), rows: [] };
  const rows = [];
  const add = (label, value) => { if (value != null && value !== '') rows.push([t(label), String(value)]); };
  if (kind === 'quote') {
    add('speaker', speakerName(a, x) || t('unknownSpeaker'));
    add('kindOf', t(x.kind) || x.kind);
    add('cue', x.cue && x.cue.text);
    add('channel', x.channel);
    add('via', x.via);
  } else if (kind === 'entity') {
    add('type', x.type);
    add('mentions', list(x.mentions).length);
    add('roles', list(x.roles).join(', '));
    return { title: `${x.name}`, rows };
  } else if (kind === 'time') {
    add('type', x.type);
    add('value', x.value);
  } else if (kind === 'quantity') {
    add('value', x.value);
    add('of', x.of);
    add('unit', x.unit);
    add('kindOf', x.kind);
    if (x.approximate) add('approx', '≈');
    const checks = a.byId ? a.byId.checks.get(x.id) || [] : a.checks.filter((c) => c.total === x.id || list(c.parts).includes(x.id));
    for (const c of checks) add(c.consistent ? 'consistent' : 'inconsistent', c.explanation);
  } else if (kind === 'marker') {
    add('kindOf', t(x.kind));
    add('why', x.why);
    add('technique', x.technique);
  } else if (kind === 'claim') {
    add('attribution', t(x.attribution) || x.attribution);
    add('source', x.source_name || entityOf(a, x.source)?.name);
    add('score', typeof x.score === 'number' ? x.score.toFixed(2) : null);
    add('reasons', list(x.reasons).join(', '));
  }
  return { title: t(`kind_${kind}`), rows };
}

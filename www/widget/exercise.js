// Exercise mode: the student's marks compared with Glose's annotations. A mark
// agrees with an annotation of the same kind when they overlap over at least half of
// the shorter of the two; for quotes the speakers are compared too.
import { speakerName } from './model.js';

export const MARK_KINDS = ['quote', 'marker', 'claim'];

const fold = (s) => String(s ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();

function overlaps(x, y) {
  const inter = Math.min(x.end, y.end) - Math.max(x.start, y.start);
  return inter > 0 && inter >= 0.5 * Math.min(x.end - x.start, y.end - y.start);
}

function sameSpeaker(said, truth) {
  const a = fold(said);
  const b = fold(truth);
  if (!a || !b) return !a && !b;
  return a === b || a.includes(b) || b.includes(a) || a.split(' ').some((w) => w.length > 3 && b.split(' ').includes(w));
}

/** {found: [{mark, item, speakerAgrees?}], missed: [{kind, item}], extra: [mark]}. */
export function compare(a, marks) {
  const truth = [
    ...a.quotes.map((item) => ({ kind: 'quote', item })),
    ...a.markers.map((item) => ({ kind: 'marker', item })),
    ...a.claims.map((item) => ({ kind: 'claim', item })),
  ];
  const used = new Set();
  const found = [];
  const extra = [];
  for (const mark of marks) {
    const hit = truth.find((x, i) => !used.has(i) && x.kind === mark.kind && overlaps(mark, x.item) && (used.add(i) || true));
    if (!hit) { extra.push(mark); continue; }
    const f = { mark, kind: mark.kind, item: hit.item };
    if (mark.kind === 'quote') f.speakerAgrees = sameSpeaker(mark.speaker, speakerName(a, hit.item));
    found.push(f);
  }
  const missed = truth.filter((_, i) => !used.has(i));
  return { found, missed, extra };
}

export function resultJson(a, marks, result) {
  const span = (x) => ({ start: x.start, end: x.end, text: x.text });
  return JSON.stringify({
    schema: 'glose-exercise/1',
    lang: a.lang,
    doc_date: a.doc_date,
    offsets: a.offsets,
    marks: marks.map((m) => ({ kind: m.kind, ...span(m), speaker: m.speaker || null })),
    found: result.found.map((f) => ({ kind: f.kind, mark: span(f.mark), glose: span(f.item), speaker_agrees: f.speakerAgrees ?? null })),
    missed: result.missed.map((m) => ({ kind: m.kind, ...span(m.item), speaker: m.kind === 'quote' ? speakerName(a, m.item) : null })),
    extra: result.extra.map((m) => ({ kind: m.kind, ...span(m) })),
  }, null, 2);
}

export function resultMarkdown(a, result, t) {
  const q = (s) => `« ${String(s).replace(/\s+/g, ' ').trim()} »`;
  const kind = (k) => t(`kind_${k}`);
  const out = [`# ${t('exercise')}`, ''];
  out.push(`## ${t('found')} (${result.found.length})`, '');
  for (const f of result.found) {
    const sp = f.kind === 'quote' ? ` — ${t(f.speakerAgrees ? 'speakerOk' : 'speakerNo')}` : '';
    out.push(`- ${kind(f.kind)}: ${q(f.mark.text)}${sp}`);
  }
  out.push('', `## ${t('missed')} (${result.missed.length})`, '');
  for (const m of result.missed) out.push(`- ${kind(m.kind)}: ${q(m.item.text)}`);
  out.push('', `## ${t('extra')} (${result.extra.length})`, '');
  for (const m of result.extra) out.push(`- ${kind(m.kind)}: ${q(m.text)}`);
  out.push('');
  return out.join('\n');
}

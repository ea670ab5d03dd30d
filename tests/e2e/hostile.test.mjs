// Hostile input through the wasm API, as a page would pass it: every case of the
// Rust hostile table (tests/hostile/cases.rs) gives a valid analysis whose utf16
// spans slice the text, lone surrogates do not break it, and an article over
// maxInputBytes() is refused with a clear Error instead of freezing the tab.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage } from './harness.mjs';
import { HOSTILE_UNITS } from './hostile-cases.mjs';

let server, browser;

before(async () => {
  server = await serve({ '/blank.html': '<!doctype html><meta charset="utf-8"><title>blank</title>' });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});


test('every hostile case gives a valid analysis through the wasm API, and huge input is refused', async () => {
  const { page, outside, close } = await openPage(browser, server.origin);
  await page.goto(`${server.origin}/blank.html`);
  const res = await page.evaluate(async (cases) => {
    const mod = await import('/glose.js');
    await mod.default();
    const out = { cases: {}, empty: null, refused: null, limit: mod.maxInputBytes() };
    for (const [name, unit] of Object.entries(cases)) {
      const text = unit.repeat(Math.ceil(128 * 1024 / unit.length));
      const t0 = performance.now();
      const a = mod.analyze(text);
      const ms = performance.now() - t0;
      const spans = [...a.paragraphs, ...a.sentences, ...a.quotes, ...a.times, ...a.quantities, ...a.markers,
        ...a.claims, ...a.entities.flatMap((e) => e.mentions)];
      // Lone surrogates reach the core as U+FFFD, one UTF-16 unit each like them.
      const clean = text.toWellFormed();
      const bad = spans.filter((s) => !(s.start <= s.end && s.end <= text.length) || clean.slice(s.start, s.end) !== s.text);
      out.cases[name] = { ms, spans: spans.length, bad: bad.length, schema: a.schema };
    }
    out.empty = mod.analyze('');
    try {
      mod.analyze('a'.repeat(out.limit + 1));
    } catch (e) {
      out.refused = e instanceof Error ? e.message : `not an Error: ${e}`;
    }
    return out;
  }, HOSTILE_UNITS);
  for (const [name, r] of Object.entries(res.cases)) {
    assert.equal(r.schema, 'glose/1', name);
    assert.ok(r.spans > 0, `${name}: some spans`);
    assert.equal(r.bad, 0, `${name}: every span lies in the text and slices to its own text`);
  }
  assert.deepEqual([res.empty.sentences.length, res.empty.quotes.length, res.empty.entities.length], [0, 0, 0]);
  assert.equal(res.limit, 8 * 1024 * 1024);
  assert.match(res.refused ?? '', /too large: 8388609 bytes of UTF-8, the limit is 8388608 bytes/);
  assert.deepEqual(outside, []);
  await close();
});

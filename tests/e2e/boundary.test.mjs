// The foundation's browser contract: <glose-article> on a host page under a strict
// CSP renders the seed annotated, and no request leaves the origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, escapeHtml, seedText } from './harness.mjs';

let server, browser, seed;

before(async () => {
  seed = await seedText();
  server = await serve({
    '/host.html': `<!doctype html><meta charset="utf-8"><title>host</title>
<script type="module" src="/glose-widget.js"></script>
<glose-article id="a" lang="fr" date="2024-11-26">${escapeHtml(seed)}</glose-article>`,
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the widget renders the seed annotated under the host CSP, with nothing leaving the origin', async () => {
  const { page, outside, errors, close } = await openPage(browser, server.origin);
  await page.goto(`${server.origin}/host.html`);
  await page.waitForFunction(() => document.getElementById('a').analysis !== null, null, { timeout: 15000 });
  const got = await page.evaluate(() => {
    const el = document.getElementById('a');
    const kinds = {};
    for (const n of el.shadowRoot.querySelectorAll('[data-glose-kind]')) {
      kinds[n.dataset.gloseKind] = (kinds[n.dataset.gloseKind] || 0) + 1;
      if (!n.dataset.gloseId) return { missingId: true };
    }
    return {
      schema: el.analysis.schema,
      lang: el.analysis.lang,
      sentences: el.analysis.sentences.length,
      paragraphs: el.shadowRoot.querySelectorAll('p').length,
      kinds,
      violations: window.__cspViolations,
      text: el.shadowRoot.querySelector('.article').textContent.length,
    };
  });
  assert.equal(got.missingId, undefined, 'every annotation has a data-glose-id');
  assert.equal(got.schema, 'glose/1');
  assert.equal(got.lang, 'fr');
  assert.ok(got.sentences >= 10 && got.sentences <= 40, `sentences: ${got.sentences}`);
  assert.equal(got.paragraphs, 12);
  assert.ok(got.text > 3000, 'the article text is rendered');
  for (const kind of ['quote', 'entity', 'time', 'quantity']) {
    assert.ok(got.kinds[kind] > 0, `annotations of kind ${kind} are rendered: ${JSON.stringify(got.kinds)}`);
  }
  assert.deepEqual(got.violations, []);
  assert.deepEqual(outside, [], 'no request leaves the origin');
  assert.deepEqual(errors, []);
  assert.ok(!server.requests.some((p) => p.endsWith('.wasm')), 'the wasm is embedded, never fetched');
  await close();
});

test('the ES module API gives utf16 offsets that slice the text in JavaScript', async () => {
  const { page, outside, close } = await openPage(browser, server.origin);
  await page.goto(`${server.origin}/host.html`);
  const res = await page.evaluate(async () => {
    const mod = await import('/glose.js');
    await mod.default();
    const text = 'Le 25 novembre 2024 😀, John Kirby a déclaré : «Nous avons modifié les directives.»';
    const a = mod.analyze(text, { lang: 'fr' });
    const spans = [...a.sentences, ...a.paragraphs, ...a.quotes, ...a.times, ...a.quantities,
      ...a.entities.flatMap((e) => e.mentions)];
    const bad = spans.filter((s) => text.slice(s.start, s.end) !== s.text);
    let thrown = null;
    try { mod.analyze('x', { offsets: 'bogus' }); } catch (e) { thrown = e instanceof Error ? e.message : 'not an Error'; }
    return { offsets: a.offsets, n: spans.length, bad, thrown, version: mod.version() };
  });
  assert.equal(res.offsets, 'utf16');
  assert.ok(res.n > 0);
  assert.deepEqual(res.bad, []);
  assert.match(res.thrown, /invalid offsets "bogus"/);
  assert.match(res.version, /^\d+\.\d+\.\d+$/);
  assert.deepEqual(outside, []);
  await close();
});

test('the module also loads where Uint8Array.fromBase64 is missing', async () => {
  const { page, close } = await openPage(browser, server.origin);
  // Older browsers decode the embedded wasm with atob and a loop instead.
  await page.addInitScript(() => { delete Uint8Array.fromBase64; });
  await page.goto(`${server.origin}/host.html`);
  const res = await page.evaluate(async () => {
    const mod = await import('/glose.js');
    await mod.default();
    const a = mod.analyze('John Kirby a déclaré : «Nous avons modifié les directives.»', { lang: 'fr' });
    return { native: typeof Uint8Array.fromBase64, quotes: a.quotes.length };
  });
  assert.equal(res.native, 'undefined');
  assert.equal(res.quotes, 1);
  await close();
});

test('the demo page loads the example annotated under its own CSP', async () => {
  const { page, outside, errors, close } = await openPage(browser, server.origin);
  await page.goto(`${server.origin}/index.html`);
  await page.waitForFunction(() => document.querySelector('glose-article')?.analysis, null, { timeout: 15000 });
  const n = await page.evaluate(() => document.querySelector('glose-article').shadowRoot.querySelectorAll('[data-glose-kind]').length);
  assert.ok(n > 0, 'the example is annotated');
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(outside, []);
  assert.deepEqual(errors, []);
  await close();
});

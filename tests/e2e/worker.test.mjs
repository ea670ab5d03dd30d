// Long articles are analysed in a module worker, with progress shown, and give the same
// analysis as the main thread. The worker starts under the host CSP and under Trusted Types.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, seedText, HOST_CSP } from './harness.mjs';

const TT_CSP = `${HOST_CSP}; require-trusted-types-for 'script'; trusted-types glose-worker glose-extract`;
let server, browser, seed;
before(async () => {
  seed = await seedText();
  const page = '<!doctype html><meta charset="utf-8"><title>host</title><script type="module" src="/glose-widget.js"></script><div id="host"></div>';
  server = await serve({ '/long.html': page, '/tt.html': { html: page, csp: TT_CSP } });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** In the page: a <glose-article> with `text`, recording the progress it shows. */
function analyseIn(page, text, worker) {
  return page.evaluate(async ([text, worker]) => {
    await customElements.whenDefined('glose-article');
    const el = document.createElement('glose-article');
    el.setAttribute('lang', 'fr');
    el.setAttribute('date', '2024-11-26');
    if (worker) el.setAttribute('worker', worker);
    el.textContent = text;
    const seen = new Set();
    const watch = new MutationObserver(() => {
      const s = el.shadowRoot.querySelector('.status');
      if (s && s.textContent) seen.add(s.textContent);
    });
    watch.observe(el.shadowRoot, { subtree: true, childList: true, characterData: true });
    const done = new Promise((ok) => el.addEventListener('glose-analyzed', (ev) => ok(ev.detail), { once: true }));
    document.getElementById('host').replaceChildren(el);
    const a = await done;
    watch.disconnect();
    return { analysis: JSON.stringify(a), progress: [...seen], paragraphs: el.shadowRoot.querySelectorAll('.article p').length };
  }, [text, worker]);
}

test('a long article is analysed in a worker, with progress, as the main thread would', async () => {
  const { page, outside, errors, close } = await openPage(browser, server.origin);
  await page.goto(`${server.origin}/long.html`);
  const long = Array(8).fill(seed).join('\n');
  const viaWorker = await analyseIn(page, long, null);
  assert.ok(server.requests.includes('/glose-worker.js'), 'the worker was started');
  assert.ok(viaWorker.progress.some((p) => /Analyse|Chargement/.test(p)), `progress shown: ${viaWorker.progress}`);
  assert.equal(viaWorker.paragraphs, 8 * 12);
  const onMain = await analyseIn(page, long, 'never');
  assert.equal(viaWorker.analysis, onMain.analysis);
  assert.deepEqual(outside, []);
  assert.deepEqual(errors, []);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  await close();
});

test('under Trusted Types the worker and the HTML extraction still work', async () => {
  const { page, outside, errors, close } = await openPage(browser, server.origin);
  const before = server.requests.filter((p) => p === '/glose-worker.js').length;
  await page.goto(`${server.origin}/tt.html`);
  const r = await analyseIn(page, seed, 'always');
  assert.equal(JSON.parse(r.analysis).schema, 'glose/1');
  assert.equal(server.requests.filter((p) => p === '/glose-worker.js').length, before + 1, 'the worker was started');
  const text = await page.evaluate(async () => (await import('/extract.js')).extractArticle('<article><p>Un <b>texte</b>.</p></article>').text);
  assert.equal(text, 'Un texte.');
  assert.deepEqual(outside, []);
  assert.deepEqual(errors, []);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  await close();
});

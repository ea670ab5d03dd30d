// No request leaves the origin: the whole demo is used (analysis, every panel, every
// export, the exercise, the language switch) and every request is recorded. And the
// shipped code holds no network or HTML-string API at all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, openPage, WWW, hostPage, waitAnalysed } from './harness.mjs';

let server, browser;
before(async () => { server = await serve({ '/host.html': hostPage('M. Dupont a déclaré : «oui».') }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('using the whole demo sends nothing out of the origin', async () => {
  const { page, outside, errors, close } = await openPage(browser, server.origin);
  await page.goto(`${server.origin}/index.html`);
  await page.waitForFunction(() => document.querySelector('glose-article')?.analysis, null, { timeout: 20000 });
  for (const tab of ['actors', 'timeline', 'numbers', 'claims', 'markers', 'export', 'who']) {
    await page.locator(`glose-article #tab-${tab}`).click();
  }
  await page.locator('glose-article #tab-export').click();
  for (const format of ['json', 'markdown', 'webannotation', 'claimreview']) {
    await Promise.all([page.waitForEvent('download'), page.locator(`glose-article button[data-export="${format}"][data-action="download"]`).click()]);
  }
  await page.locator('glose-article button.ex-toggle').click();
  await page.locator('glose-article button.compare').click();
  await page.locator('glose-article button.ui-lang').click();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'the demo follows the widget’s language switch');
  await page.waitForTimeout(300);
  assert.deepEqual(outside, []);
  assert.deepEqual(errors, []);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.ok(!server.requests.some((p) => p.endsWith('.wasm')), 'the wasm is embedded, never fetched');
});

test('the shipped code uses no network API and never builds HTML from strings', async () => {
  const files = [];
  const walk = async (dir) => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p); else if (/\.(m?js|html)$/.test(e.name)) files.push(p);
    }
  };
  await walk(WWW);
  assert.ok(files.length >= 8);
  const banned = /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\s*\(|new\s+Function|fetch\s*\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource)\b/;
  for (const f of files) {
    const src = await readFile(f, 'utf8');
    const hit = src.split('\n').find((line) => banned.test(line));
    assert.equal(hit, undefined, `${f}: ${hit}`);
  }
  const index = await readFile(join(WWW, 'index.html'), 'utf8');
  assert.match(index, /http-equiv="Content-Security-Policy"[^>]*connect-src 'none'/);
  assert.doesNotMatch(index, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
});

test('a page with the widget loads one script: the bundled widget, wasm included', async () => {
  const { page, errors, close } = await openPage(browser, server.origin);
  const from = server.requests.length;
  await page.goto(`${server.origin}/host.html`);
  await waitAnalysed(page, '#a');
  const scripts = server.requests.slice(from).filter((p) => p.endsWith('.js')).sort();
  // The widget's modules (www/widget/) and the wasm come bundled in
  // glose-widget.js (scripts/bundle/bundle.mjs): each file more was a round trip
  // more before the first analysis. The worker, for long texts only, loads the same file.
  assert.deepEqual(scripts, ['/glose-widget.js']);
  assert.deepEqual(errors, []);
  await close();
});

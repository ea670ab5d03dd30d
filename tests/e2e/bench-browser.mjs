// `make bench`, browser part: cold start (page open to the seed annotated) and the
// wasm throughput of analyze() in headless Debian chromium. Prints figures; asserts nothing.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, openPage, escapeHtml, seedText } from './harness.mjs';

const goldDir = new URL('../../../shared/gold/', import.meta.url).pathname;
const texts = await Promise.all((await readdir(goldDir)).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => readFile(join(goldDir, f), 'utf8')));
const seed = await seedText();
const server = await serve({
  '/cold.html': `<!doctype html><meta charset="utf-8"><title>cold</title>
<script type="module" src="/glose-widget.js"></script>
<glose-article id="a" lang="fr" date="2024-11-26">${escapeHtml(seed)}</glose-article>`,
});
const browser = await launch();
try {
  const colds = [];
  for (let i = 0; i < 5; i++) {
    const { page, close } = await openPage(browser, server.origin);
    const t0 = Date.now();
    await page.goto(`${server.origin}/cold.html`);
    await page.waitForFunction(() => document.getElementById('a').analysis !== null, null, { timeout: 20000 });
    const inPage = await page.evaluate(() => performance.now());
    colds.push({ wall: Date.now() - t0, inPage });
    await close();
  }
  colds.sort((a, b) => a.inPage - b.inPage);
  const median = colds[Math.floor(colds.length / 2)];
  console.log(`cold start, page open to the seed annotated (median of 5): ${median.inPage.toFixed(0)} ms in page, ${median.wall} ms wall (target 300 ms)`);

  const { page, close } = await openPage(browser, server.origin);
  await page.goto(`${server.origin}/cold.html`);
  const res = await page.evaluate(async (texts) => {
    const mod = await import('/glose.js');
    await mod.default();
    const docs = [];
    let bytes = 0;
    const enc = new TextEncoder();
    while (bytes < 1_000_000) for (const t of texts) { docs.push(t); bytes += enc.encode(t).length; }
    for (const t of texts) mod.analyze(t);
    let best = Infinity;
    for (let r = 0; r < 3; r++) {
      const t0 = performance.now();
      for (const d of docs) mod.analyze(d);
      best = Math.min(best, performance.now() - t0);
    }
    const big = docs.join('\n\n');
    const t1 = performance.now();
    mod.analyze(big);
    const oneDoc = performance.now() - t1;
    return { bytes, best, bigBytes: enc.encode(big).length, oneDoc };
  }, texts);
  console.log(`wasm in chromium, per article: ${(res.bytes / 1e6).toFixed(2)} MB in ${(res.best / 1000).toFixed(3)} s = ${(res.bytes / 1e3 / res.best).toFixed(1)} MB/s`);
  console.log(`wasm in chromium, one document: ${(res.bigBytes / 1e6).toFixed(2)} MB in ${(res.oneDoc / 1000).toFixed(3)} s = ${(res.bigBytes / 1e3 / res.oneDoc).toFixed(1)} MB/s`);
  await close();
} finally {
  await browser.close();
  await server.close();
}

// The seed through the real core: at least 17 quotes and the entity, time and quantity
// layers. It needs the core's layers (quotes, entities, times, quantities) merged.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, seedText, hostPage, waitAnalysed } from './harness.mjs';

let server, browser;
before(async () => {
  server = await serve({ '/seed.html': hostPage(await seedText()) });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

test('the seed renders with at least 17 quotes and the entity, time and quantity layers', async () => {
  const { page, outside, errors, close } = await openPage(browser, server.origin);
  await page.goto(`${server.origin}/seed.html`);
  await waitAnalysed(page, '#a');
  const got = await page.evaluate(() => {
    const el = document.getElementById('a');
    const ids = (kind) => new Set([...el.shadowRoot.querySelectorAll(`.article [data-glose-kind="${kind}"]`)].map((n) => n.dataset.gloseId)).size;
    return { quotes: ids('quote'), entities: ids('entity'), times: ids('time'), quantities: ids('quantity'), analysed: el.analysis.quotes.length };
  });
  assert.ok(got.quotes >= 17, `quotes rendered: ${JSON.stringify(got)}`);
  for (const k of ['entities', 'times', 'quantities']) assert.ok(got[k] > 0, `${k} rendered: ${JSON.stringify(got)}`);
  assert.deepEqual(outside, []);
  assert.deepEqual(errors, []);
  await close();
});

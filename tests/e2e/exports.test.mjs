// Every export parses: glose/1 JSON, W3C Web Annotation JSON-LD (whose selectors point
// back at the text), schema.org ClaimReview drafts without a verdict, and the Markdown
// report; copy and download both work, and nothing is uploaded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, launch, openPage, seedText, seedFixture, hostPage, openWithFixture } from './harness.mjs';

let server, browser, fixture, seed;
before(async () => {
  fixture = await seedFixture();
  seed = await seedText();
  server = await serve({ '/fx.html': hostPage(seed, 'lang="fr" date="2024-11-26" source="https://example.org/koursk"') });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const cpSlice = (text, start, end) => [...text].slice(start, end).join('');

test('every export parses as JSON or JSON-LD and points back at the text', async () => {
  const { page, outside, errors, close } = await openPage(browser, server.origin);
  await openWithFixture(page, server.origin, '/fx.html', fixture);
  const out = await page.evaluate(() => {
    const el = document.getElementById('a');
    return Object.fromEntries(['json', 'markdown', 'webannotation', 'claimreview'].map((f) => [f, el.exportAs(f)]));
  });
  const a = JSON.parse(out.json);
  assert.equal(a.schema, 'glose/1');
  assert.equal(a.quotes.length, fixture.quotes.length);

  const wa = JSON.parse(out.webannotation);
  assert.equal(wa['@context'], 'http://www.w3.org/ns/anno.jsonld');
  assert.equal(wa.type, 'AnnotationCollection');
  const items = wa.first.items;
  assert.equal(items.length, wa.total);
  assert.ok(items.length > 60);
  for (const item of items) {
    assert.equal(item.type, 'Annotation');
    assert.equal(item.target.source, 'https://example.org/koursk');
    const quote = item.target.selector.find((x) => x.type === 'TextQuoteSelector');
    const pos = item.target.selector.find((x) => x.type === 'TextPositionSelector');
    assert.equal(cpSlice(seed, pos.start, pos.end), quote.exact);
  }

  const cr = JSON.parse(out.claimreview);
  assert.equal(cr.length, fixture.claims.length);
  for (const d of cr) {
    assert.equal(d['@context'], 'https://schema.org');
    assert.equal(d['@type'], 'ClaimReview');
    assert.equal(d.reviewRating, undefined, 'a draft has no verdict');
    assert.ok(d.claimReviewed.length > 20);
    assert.equal(d.itemReviewed['@type'], 'Claim');
  }
  assert.equal(cr[0].itemReviewed.author.name, 'ministère russe de la Défense');

  assert.match(out.markdown, /^## Qui a dit quoi$/m);
  assert.match(out.markdown, /^## Chronologie$/m);
  assert.match(out.markdown, /✗ \*\*incohérent\*\*/);
  assert.deepEqual(outside, []);
  assert.deepEqual(errors, []);
  await close();
});

test('chosen claims make the ClaimReview drafts; copy and download work in the page', async () => {
  const { page, context, outside, close } = await openPage(browser, server.origin);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await openWithFixture(page, server.origin, '/fx.html', fixture);
  await page.locator('glose-article #tab-claims').click();
  await page.locator('glose-article [data-panel="claims"] input[type="checkbox"]').nth(1).check();
  await page.locator('glose-article #tab-export').click();
  for (const format of ['json', 'markdown', 'webannotation', 'claimreview']) {
    const [download] = await Promise.all([page.waitForEvent('download'),
      page.locator(`glose-article button[data-export="${format}"][data-action="download"]`).click()]);
    const body = await readFile(await download.path(), 'utf8');
    if (format !== 'markdown') JSON.parse(body);
    if (format === 'claimreview') assert.equal(JSON.parse(body).length, 1, 'only the chosen claim');
  }
  await page.locator('glose-article button[data-export="webannotation"][data-action="copy"]').click();
  await page.waitForFunction(() => document.getElementById('a').shadowRoot.querySelector('[data-panel="export"] .note[role="status"]').textContent === 'Copié.');
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(JSON.parse(clip).type, 'AnnotationCollection');
  assert.deepEqual(outside, [], 'nothing is uploaded');
  await close();
});

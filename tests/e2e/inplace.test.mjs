// The in-place mode: <glose-article for="id"> annotates an article already on the host
// page, under the host CSP, without breaking its markup (elements, attributes, links,
// listeners stay; only text nodes are split and wrapped).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, seedText, seedFixture, escapeHtml, waitAnalysed } from './harness.mjs';

let server, browser, fixture, seed;
before(async () => {
  seed = await seedText();
  fixture = await seedFixture();
  const paras = seed.split('\n');
  // The seed as a host article: paragraphs, with inline markup inside some of them.
  const body = paras.map((p, i) => {
    let html = escapeHtml(p);
    if (i === 1) html = html.replace('Koursk-Vostotchny', '<a href="/koursk" class="place">Koursk-Vostotchny</a>');
    if (i === 9) html = html.replace('John Kirby', '<em data-x="1">John</em> Kirby');
    return i === 4 || i === 8 ? `<h2>\n  ${html}\n</h2>` : `<p>${html}</p>`;
  }).join('\n  ');
  server = await serve({
    '/inplace.html': `<!doctype html><html lang="fr"><meta charset="utf-8"><title>host article</title>
<script type="module" src="/glose-widget.js"></script>
<article id="art">
  ${body}
  <script type="application/json">{"not": "article text"}</script>
</article>
<glose-article id="a" for="art" lang="fr" date="2024-11-26"></glose-article>`,
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

test('an article on the host page is annotated in place, its markup kept', async () => {
  const { page, outside, errors, close } = await openPage(browser, server.origin);
  await page.goto(`${server.origin}/inplace.html`);
  await waitAnalysed(page, '#a');
  const before = await page.evaluate(() => ({
    text: document.getElementById('a').text,
    html: document.getElementById('art').textContent,
  }));
  assert.equal(before.text, seed, 'the text read from the host article is the seed');
  await page.evaluate((fx) => document.getElementById('a').render(fx), fixture);
  const got = await page.evaluate(() => {
    const art = document.getElementById('art');
    const link = art.querySelector('a.place');
    const kinds = {};
    for (const n of art.querySelectorAll('[data-glose-kind]')) kinds[n.dataset.gloseKind] = 1;
    return {
      textSame: art.textContent,
      link: link && [link.getAttribute('href'), link.textContent, link.closest('[data-glose-kind="entity"]') !== null || link.querySelector('[data-glose-kind="entity"]') !== null],
      em: art.querySelector('em[data-x="1"]')?.textContent,
      paragraphs: art.querySelectorAll(':scope > p').length,
      headings: art.querySelectorAll(':scope > h2').length,
      kinds: Object.keys(kinds).sort(),
      slices: [...art.querySelectorAll('[data-glose-kind="quote"]:not([data-glose-part])')].length,
      panels: document.getElementById('a').shadowRoot.querySelectorAll('[role="tab"]').length,
      styled: getComputedStyle(art.querySelector('[data-glose-kind="quote"]')).backgroundColor,
    };
  });
  assert.equal(got.textSame, before.html, 'the article’s text is unchanged');
  assert.deepEqual(got.link, ['/koursk', 'Koursk-Vostotchny', true], 'the link is kept and annotated');
  assert.equal(got.em, 'John');
  assert.equal(got.paragraphs, 10);
  assert.equal(got.headings, 2);
  assert.deepEqual(got.kinds, ['claim', 'entity', 'marker', 'quantity', 'quote', 'time']);
  assert.equal(got.slices, fixture.quotes.length);
  assert.ok(got.panels > 0, 'the panels are in the widget');
  assert.notEqual(got.styled, 'rgba(0, 0, 0, 0)', 'annotation styles reach the host article');
  // A jump from a panel focuses the annotation in the host article.
  await page.locator('glose-article #tab-actors').click();
  await page.locator('glose-article [data-panel="actors"] button.jump', { hasText: 'Dmitri Peskov' }).click();
  const focused = await page.evaluate(() => document.activeElement?.dataset?.gloseKind + '/' + document.activeElement?.textContent);
  assert.equal(focused, 'entity/Dmitri Peskov');
  // Analysing again unwraps first: the text and the markup are the same.
  await page.evaluate((fx) => document.getElementById('a').render(fx), fixture);
  assert.equal(await page.evaluate(() => document.getElementById('a').text), seed);
  assert.deepEqual(outside, []);
  assert.deepEqual(errors, []);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  await close();
});

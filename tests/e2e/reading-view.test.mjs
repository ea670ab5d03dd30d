// The reading view on a fixture analysis of the seed: layer toggles, legend, tooltips,
// keyboard navigation (roving focus and single-key shortcuts), panels and UI language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, seedText, seedFixture, hostPage, openWithFixture } from './harness.mjs';

let server, browser, fixture;
before(async () => {
  const seed = await seedText();
  fixture = await seedFixture();
  server = await serve({
    '/fx.html': hostPage(seed),
    '/fx-en.html': hostPage(seed, 'lang="fr" date="2024-11-26" ui-lang="en" shortcuts="off"'),
    '/fx-layers.html': hostPage(seed, 'lang="fr" date="2024-11-26" layers="quote time"'),
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const activeAnn = (page) => page.evaluate(() => {
  const x = document.getElementById('a').shadowRoot.activeElement;
  return x && x.dataset.gloseKind ? `${x.dataset.gloseKind}/${x.dataset.gloseId}` : null;
});

test('every layer renders, with counts in the legend, and each toggle hides its layer', async () => {
  const { page, outside, errors, close } = await openPage(browser, server.origin);
  await openWithFixture(page, server.origin, '/fx.html', fixture);
  const counts = await page.evaluate(() => [...document.getElementById('a').shadowRoot.querySelectorAll('.bar .count')].map((n) => n.textContent));
  assert.deepEqual(counts, ['(24)', '(21)', '(7)', '(8)', '(5)', '(3)']);
  const kinds = await page.evaluate(() => {
    const k = {};
    for (const n of document.getElementById('a').shadowRoot.querySelectorAll('.article [data-glose-kind]')) k[n.dataset.gloseKind] = 1;
    return Object.keys(k).sort();
  });
  assert.deepEqual(kinds, ['claim', 'entity', 'marker', 'quantity', 'quote', 'time']);
  const quoteBg = () => page.evaluate(() => getComputedStyle(document.getElementById('a').shadowRoot.querySelector('.article [data-glose-kind="quote"]')).backgroundColor);
  assert.notEqual(await quoteBg(), 'rgba(0, 0, 0, 0)');
  await page.locator('glose-article .bar input[type="checkbox"]').first().uncheck();
  assert.equal(await quoteBg(), 'rgba(0, 0, 0, 0)', 'the quote layer is hidden');
  const navKinds = await page.evaluate(() => document.getElementById('a')._navItems().map((n) => n.dataset.gloseKind));
  assert.ok(!navKinds.includes('quote'), 'keyboard navigation skips a hidden layer');
  await page.locator('glose-article .bar input[type="checkbox"]').first().check();
  assert.notEqual(await quoteBg(), 'rgba(0, 0, 0, 0)');
  assert.deepEqual(outside, []);
  assert.deepEqual(errors, []);
  await close();
});

test('roving focus: Tab enters the article, arrows and j/k move, digits toggle layers, Escape hides the tooltip', async () => {
  const { page, errors, close } = await openPage(browser, server.origin);
  await openWithFixture(page, server.origin, '/fx.html', fixture);
  const tabbable = await page.evaluate(() => document.getElementById('a').shadowRoot.querySelectorAll('.article [data-glose-kind][tabindex="0"]').length);
  assert.equal(tabbable, 1, 'exactly one annotation is in the tab order');
  await page.locator('glose-article button.ui-lang').focus();
  await page.keyboard.press('Tab');
  const first = await activeAnn(page);
  assert.ok(first, 'an annotation has focus');
  const tip = () => page.evaluate(() => { const t = document.getElementById('a').shadowRoot.querySelector('.tip'); return t.hidden ? null : t.textContent; });
  assert.ok(await tip(), 'the tooltip shows on focus');
  await page.keyboard.press('ArrowRight');
  const second = await activeAnn(page);
  assert.notEqual(second, first);
  await page.keyboard.press('j');
  const third = await activeAnn(page);
  assert.notEqual(third, second);
  await page.keyboard.press('k');
  assert.equal(await activeAnn(page), second);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await activeAnn(page), first);
  const newTabbable = await page.evaluate(() => [...document.getElementById('a').shadowRoot.querySelectorAll('.article [tabindex="0"]')].length);
  assert.equal(newTabbable, 1, 'the roving tabindex follows focus');
  await page.keyboard.press('Escape');
  assert.equal(await tip(), null);
  await page.keyboard.press('2');
  const entityOn = await page.evaluate(() => document.getElementById('a').shadowRoot.querySelectorAll('.bar fieldset input')[1].checked);
  assert.equal(entityOn, false, 'the key 2 toggles the entity layer');
  const labels = await page.evaluate(() => {
    const n = document.getElementById('a').shadowRoot.querySelector('.article [data-glose-kind="quote"]');
    return [n.getAttribute('role'), n.getAttribute('aria-roledescription'), n.getAttribute('aria-description')];
  });
  assert.equal(labels[0], 'mark');
  assert.equal(labels[1], 'citation');
  assert.match(labels[2], /Locuteur: ministère russe de la Défense/);
  assert.deepEqual(errors, []);
  await close();
});

test('a tooltip shows on hover with the speaker and the channel', async () => {
  const { page, close } = await openPage(browser, server.origin);
  await openWithFixture(page, server.origin, '/fx.html', fixture);
  await page.locator('glose-article .article [data-glose-kind="quote"][data-glose-id="q1"]').first().hover();
  const tip = await page.evaluate(() => document.getElementById('a').shadowRoot.querySelector('.tip').textContent);
  assert.match(tip, /ministère russe de la Défense/);
  assert.match(tip, /communiqué \(chaîne Telegram\)/);
  await close();
});

test('single-key shortcuts can be turned off, and the UI language follows ui-lang and can be switched', async () => {
  const { page, close } = await openPage(browser, server.origin);
  await openWithFixture(page, server.origin, '/fx-en.html', fixture);
  const tabs = () => page.evaluate(() => [...document.getElementById('a').shadowRoot.querySelectorAll('[role="tab"]')].map((n) => n.textContent));
  assert.equal((await tabs())[0], 'Who said what');
  await page.evaluate(() => document.getElementById('a').shadowRoot.querySelector('.article [tabindex="0"]').focus());
  const before = await activeAnn(page);
  await page.keyboard.press('j');
  await page.keyboard.press('2');
  assert.equal(await activeAnn(page), before, 'j does nothing with shortcuts off');
  assert.equal(await page.evaluate(() => document.getElementById('a').shadowRoot.querySelectorAll('.bar fieldset input')[1].checked), true);
  await page.locator('glose-article button.ui-lang').click();
  assert.equal((await tabs())[0], 'Qui a dit quoi');
  await close();
});

test('the panels: speakers with channels, actor mentions jump to the text, an SVG timeline, inconsistent checks stand out', async () => {
  const { page, errors, close } = await openPage(browser, server.origin);
  await openWithFixture(page, server.origin, '/fx.html', fixture);
  const who = await page.evaluate(() => document.getElementById('a').shadowRoot.querySelector('[data-panel="who"]').textContent);
  assert.match(who, /ministère russe de la Défense/);
  assert.match(who, /John Kirby/);
  assert.match(who, /→ communiqué \(chaîne Telegram\)/, 'the channel chain is shown');
  await page.locator('glose-article [role="tab"]#tab-actors').click();
  await page.locator('glose-article [data-panel="actors"] button.jump', { hasText: 'John Kirby' }).click();
  assert.equal(await activeAnn(page), 'entity/e1', 'the mention has focus in the text');
  await page.locator('glose-article [role="tab"]#tab-timeline').click();
  const dots = await page.evaluate(() => document.getElementById('a').shadowRoot.querySelectorAll('[data-panel="timeline"] svg circle').length);
  assert.ok(dots >= 2, `timeline dots: ${dots}`);
  await page.locator('glose-article [role="tab"]#tab-numbers').click();
  const checks = await page.evaluate(() => [...document.getElementById('a').shadowRoot.querySelectorAll('[data-panel="numbers"] .check')].map((n) => [n.className, getComputedStyle(n).borderTopWidth]));
  assert.deepEqual(checks.map((c) => c[0]), ['check bad', 'check ok'], 'the inconsistent check comes first');
  assert.notEqual(checks[0][1], checks[1][1], 'and stands out');
  await page.locator('glose-article [role="tab"]#tab-claims').click();
  const claims = await page.evaluate(() => document.getElementById('a').shadowRoot.querySelector('[data-panel="claims"]').textContent);
  assert.match(claims, /attribuée/);
  assert.match(claims, /non attribuée/);
  assert.deepEqual(errors, []);
  await close();
});

test('only the panel shown is built; printing builds them all, once', async () => {
  const { page, errors, close } = await openPage(browser, server.origin);
  await openWithFixture(page, server.origin, '/fx.html', fixture);
  const filled = () => page.evaluate(() => [...document.getElementById('a').shadowRoot.querySelectorAll('[role="tabpanel"]')]
    .map((p) => [p.dataset.panel, p.childElementCount]));
  const before = await filled();
  assert.equal(before.length, 7);
  assert.deepEqual(before.filter(([, n]) => n > 0).map(([name]) => name), ['who']);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const printed = await filled();
  assert.ok(printed.every(([, n]) => n > 0), `every panel is built for print: ${JSON.stringify(printed)}`);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  assert.deepEqual(await filled(), printed, 'a second print builds nothing twice');
  const timeline = await page.evaluate(() => document.getElementById('a').shadowRoot.querySelectorAll('[data-panel="timeline"] svg circle').length);
  assert.ok(timeline >= 2, `timeline dots: ${timeline}`);
  assert.deepEqual(errors, []);
  await close();
});

test('the layers attribute chooses the layers shown at first', async () => {
  const { page, close } = await openPage(browser, server.origin);
  await openWithFixture(page, server.origin, '/fx-layers.html', fixture);
  const got = await page.evaluate(() => {
    const root = document.getElementById('a').shadowRoot;
    return {
      boxes: [...root.querySelectorAll('.bar fieldset input')].map((b) => b.checked),
      entityLine: getComputedStyle(root.querySelector('.article [data-glose-kind="entity"]')).borderBottomStyle,
      nav: new Set(document.getElementById('a')._navItems().map((n) => n.dataset.gloseKind)),
    };
  });
  assert.deepEqual(got.boxes, [true, false, true, false, false, false]);
  assert.equal(got.entityLine, 'none');
  await close();
});

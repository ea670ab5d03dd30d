// Exercise mode, a round trip: annotations hidden, the student marks a quote with its
// speaker, a loaded word and a claim by selecting text, Compare shows found, missed and
// extra, and the result exports as JSON and Markdown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, seedText, seedFixture, hostPage, openWithFixture, selectInArticle } from './harness.mjs';

let server, browser, fixture;
before(async () => {
  fixture = await seedFixture();
  server = await serve({ '/ex.html': hostPage(await seedText(), 'lang="fr" date="2024-11-26" mode="exercise"') });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

test('a student marks, compares and exports, all in the page', async () => {
  const { page, outside, errors, close } = await openPage(browser, server.origin);
  await openWithFixture(page, server.origin, '/ex.html', fixture);
  const hidden = await page.evaluate(() => {
    const root = document.getElementById('a').shadowRoot;
    const q = root.querySelector('.article [data-glose-kind="quote"]');
    return { bg: getComputedStyle(q).backgroundColor, tabbable: root.querySelectorAll('.article [tabindex="0"]').length, tabs: root.querySelectorAll('[role="tab"]').length };
  });
  assert.deepEqual(hidden, { bg: 'rgba(0, 0, 0, 0)', tabbable: 0, tabs: 0 }, 'Glose’s annotations are hidden at first');

  // A quote with its speaker, by selecting the words and pressing the button.
  await selectInArticle(page, 'Trois missiles ATACMS ont été détruits et deux ont atteint leur cible');
  await page.locator('glose-article input.speaker').fill('le ministère de la Défense');
  await selectInArticle(page, 'Trois missiles ATACMS ont été détruits et deux ont atteint leur cible');
  await page.locator('glose-article button[data-mark="quote"]').click();
  // A loaded word, a claim, and one mark that Glose does not have.
  await selectInArticle(page, 'régime de Kiev');
  await page.locator('glose-article button[data-mark="marker"]').click();
  await selectInArticle(page, 'confirment de fait le feu vert donné par Washington');
  await page.locator('glose-article button[data-mark="claim"]').click();
  await selectInArticle(page, 'station radar');
  await page.locator('glose-article button[data-mark="marker"]').click();
  const marks = await page.evaluate(() => document.getElementById('a').shadowRoot.querySelectorAll('.article mark[data-student-kind]').length);
  assert.equal(marks, 4, 'the student’s marks are shown in the text');

  await page.locator('glose-article button.compare').click();
  const result = await page.evaluate(() => {
    const root = document.getElementById('a').shadowRoot;
    const n = (cls) => root.querySelectorAll(`.extable .${cls} li`).length;
    return { found: n('found'), missed: n('missed'), extra: n('extra'), text: root.querySelector('.extable .found').textContent,
      bg: getComputedStyle(root.querySelector('.article [data-glose-kind="quote"]')).backgroundColor };
  });
  assert.equal(result.found, 3);
  assert.equal(result.extra, 1);
  assert.equal(result.missed, 24 + 5 + 3 - 3);
  assert.match(result.text, /locuteur correct/, 'the speaker agrees');
  assert.notEqual(result.bg, 'rgba(0, 0, 0, 0)', 'Compare reveals Glose’s annotations');

  const json = JSON.parse(await page.evaluate(() => document.getElementById('a').exportAs('exercise-json')));
  assert.equal(json.schema, 'glose-exercise/1');
  assert.equal(json.marks.length, 4);
  assert.equal(json.found.length, 3);
  assert.equal(json.found.find((f) => f.kind === 'quote').speaker_agrees, true);
  const md = await page.evaluate(() => document.getElementById('a').exportAs('exercise-markdown'));
  assert.match(md, /^# Exercice/m);
  assert.match(md, /## Trouvées \(3\)/);
  const [download] = await Promise.all([page.waitForEvent('download'),
    page.locator('glose-article button[data-export="exercise-json"][data-action="download"]').click()]);
  const { readFile } = await import('node:fs/promises');
  assert.equal(JSON.parse(await readFile(await download.path(), 'utf8')).found.length, 3);
  assert.deepEqual(outside, []);
  assert.deepEqual(errors, []);
  await close();
});

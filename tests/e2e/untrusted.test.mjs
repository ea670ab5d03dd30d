// Untrusted article text (<img onerror>, <script>, javascript: URLs) shows as text
// and never runs: in the widget's text content, typed into the demo, and in pasted or
// dropped HTML, whose text is extracted without running or loading anything.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, hostPage, waitAnalysed } from './harness.mjs';

const EVIL = [
  'Le ministre a déclaré : «<img src=x onerror="window.__pwned=1">» hier.',
  'Il a ajouté <script>window.__pwned=2</script> et <a href="javascript:window.__pwned=3">cliquez</a>.',
  'Voir javascript:window.__pwned=4 et <svg onload="window.__pwned=5"></svg> <iframe src="javascript:window.__pwned=6"></iframe>',
].join('\n');

const EVIL_PAGE = `<!doctype html><html lang="fr"><head><title>Titre piégé</title>
<meta property="article:published_time" content="2024-11-26T08:00:00Z">
<script>window.__pwned = 7</script><style>body{background:url(/style-loaded)}</style>
<link rel="stylesheet" href="/link-loaded.css"></head>
<body><nav>Menu</nav><article><h1>Titre piégé</h1>
<p>Le porte-parole a déclaré : «Nous avons agi.» <img src="/img-loaded" onerror="window.__pwned=8"></p>
<p>Un lien <a href="javascript:window.__pwned=9">ici</a> et du texte &lt;script&gt;alert(1)&lt;/script&gt;.</p>
<script>window.__pwned = 10</script></article><footer>Pied</footer></body></html>`;

let server, browser;
before(async () => {
  server = await serve({ '/evil.html': hostPage(EVIL) });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const LOADS = ['/x', '/img-loaded', '/style-loaded', '/link-loaded.css'];

test('markup in the widget’s article text is shown as text and never runs', async () => {
  const { page, outside, errors, close } = await openPage(browser, server.origin);
  await page.goto(`${server.origin}/evil.html`);
  await waitAnalysed(page, '#a');
  const got = await page.evaluate(() => {
    const root = document.getElementById('a').shadowRoot;
    return {
      pwned: window.__pwned ?? null,
      elements: root.querySelectorAll('.article img, .article script, .article a, .article svg, .article iframe').length,
      text: root.querySelector('.article').textContent,
    };
  });
  assert.equal(got.pwned, null);
  assert.equal(got.elements, 0);
  assert.ok(got.text.includes('<img src=x onerror="window.__pwned=1">'));
  assert.ok(got.text.includes('<script>window.__pwned=2</script>'));
  assert.ok(got.text.includes('href="javascript:window.__pwned=3"'));
  await page.waitForTimeout(200);
  assert.deepEqual(outside, []);
  assert.ok(!server.requests.some((p) => LOADS.includes(p)), `nothing loaded: ${server.requests}`);
  assert.deepEqual(errors, []);
  await close();
});

test('the demo: typed markup stays text; pasted or dropped HTML gives its text and never runs', async () => {
  const { page, outside, errors, close } = await openPage(browser, server.origin);
  await page.goto(`${server.origin}/index.html?empty`);
  await page.fill('#text', EVIL);
  await page.click('#analyze');
  await waitAnalysed(page);
  const typed = await page.evaluate(() => ({
    pwned: window.__pwned ?? null,
    text: document.querySelector('glose-article').shadowRoot.querySelector('.article').textContent,
    elements: document.querySelector('glose-article').shadowRoot.querySelectorAll('.article *:not(span):not(p)').length,
  }));
  assert.equal(typed.pwned, null);
  assert.equal(typed.elements, 0);
  assert.ok(typed.text.includes('<img src=x onerror='));

  // Paste HTML: a paste event whose clipboard holds text/html.
  await page.evaluate((html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'ignored');
    document.getElementById('text').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, EVIL_PAGE);
  const pasted = await page.evaluate(() => ({ text: document.getElementById('text').value, title: document.getElementById('title').value,
    date: document.getElementById('date').value, lang: document.getElementById('lang').value, pwned: window.__pwned ?? null }));
  assert.equal(pasted.pwned, null);
  assert.equal(pasted.title, 'Titre piégé');
  assert.equal(pasted.date, '2024-11-26');
  assert.equal(pasted.lang, 'fr');
  assert.equal(pasted.text, 'Le porte-parole a déclaré : «Nous avons agi.»\nUn lien ici et du texte <script>alert(1)</script>.');

  // Drop a saved .html file on the input.
  await page.fill('#text', '');
  await page.evaluate((html) => {
    const data = new DataTransfer();
    data.items.add(new File([html], 'article.html', { type: 'text/html' }));
    document.getElementById('input').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, EVIL_PAGE);
  await page.waitForFunction(() => document.getElementById('text').value.startsWith('Le porte-parole'));
  await waitAnalysed(page);
  const dropped = await page.evaluate(() => ({
    pwned: window.__pwned ?? null,
    text: document.querySelector('glose-article').shadowRoot.querySelector('.article').textContent,
    scripts: document.scripts.length,
  }));
  assert.equal(dropped.pwned, null);
  assert.ok(dropped.text.includes('<script>alert(1)</script>'), 'escaped markup in the page stays text');
  assert.equal(dropped.scripts, 1, 'no script element was added to the page');
  await page.waitForTimeout(200);
  assert.ok(!server.requests.some((p) => LOADS.includes(p)), `nothing of the HTML loaded: ${server.requests}`);
  assert.deepEqual(outside, []);
  assert.deepEqual(errors, []);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  await close();
});

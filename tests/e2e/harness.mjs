// Shared pieces of the browser tests: a static server for www/ on 127.0.0.1
// (with extra test pages), and Debian's chromium driven by playwright-core.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, dirname, relative, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const here = dirname(fileURLToPath(import.meta.url));
export const WWW = join(here, '..', '..', 'www');
export const HOST_CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; connect-src 'none'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jsonld': 'application/ld+json',
  '.svg': 'image/svg+xml',
};

/** Escapes text for an HTML text node (the test pages embed articles). */
export function escapeHtml(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Serves www/ (or another build of it, `root`) and `pages` ({'/path': html or
 * {html, csp}}) with the host CSP as a header.
 * Returns {origin, close, requests} where requests lists every path asked for.
 */
export async function serve(pages = {}, root = WWW) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    const headers = { 'Content-Security-Policy': HOST_CSP, 'Cache-Control': 'no-store' };
    if (pages[path] !== undefined) {
      // A page is its HTML, or {html, csp} to serve it under another policy.
      const page = typeof pages[path] === 'string' ? { html: pages[path] } : pages[path];
      if (page.csp) headers['Content-Security-Policy'] = page.csp;
      res.writeHead(200, { ...headers, 'Content-Type': TYPES['.html'] });
      res.end(page.html);
      return;
    }
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    // Inside root, not merely under a name that starts like it: "/..%2Fwww2/x"
    // decodes to a path into a sibling folder named "www2".
    const inside = relative(root, file);
    if (inside.startsWith('..') || isAbsolute(inside)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] || 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, headers).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, requests, close: () => new Promise((ok) => server.close(ok)) };
}

/** Launches Debian's chromium headless; never downloads a browser. */
export function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
    ],
  });
}

/**
 * Opens a page that records every request leaving the origin and every CSP
 * violation, so tests can assert that nothing left the machine.
 */
export async function openPage(browser, origin, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const outside = [];
  const errors = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin + '/') && !url.startsWith('data:') && !url.startsWith('blob:')) outside.push(url);
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return { page, context, outside, errors, close: () => context.close() };
}

/**
 * Opens `url` in `page` and times its cold start: {inPage, wall}, the ms from page
 * open to the first analysis annotated and drawn, as the page and as the test
 * driver see it.
 *
 * The article counts as annotated when the frame that shows it has been drawn: the
 * widget's 'glose-analyzed' event, then the next frame, then the task after it.
 * Reading performance.now() from node instead would add two round trips of the
 * test driver and its polling. The driver hears of it by a console message, not
 * by waitForFunction: that injects Playwright's own script into the page (about
 * 50 ms of parsing on this machine), which then runs before the frame measured.
 */
export async function timeColdStart(page, url) {
  await page.addInitScript(() => {
    document.addEventListener('glose-analyzed', () => {
      requestAnimationFrame(() => setTimeout(() => {
        window.__annotatedAt = performance.now();
        console.log('glose-cold-start-drawn');
      }, 0));
    });
  });
  const drawn = page.waitForEvent('console', { predicate: (m) => m.text() === 'glose-cold-start-drawn', timeout: 20000 });
  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await drawn;
  const inPage = await page.evaluate(() => window.__annotatedAt);
  return { inPage, wall: Date.now() - t0 };
}

export const seedText = () => readFile(join(here, '..', '..', '..', 'shared', 'gold', 'seed-fr-koursk.txt'), 'utf8')
  .catch(async () => (await import(join(WWW, 'examples', 'seed-fr-koursk.js'))).default);

/** The hand-made glose/1 analysis of the seed (all layers filled), for rendering tests. */
export const seedFixture = async () => JSON.parse(await readFile(join(here, 'fixtures', 'seed-analysis.json'), 'utf8'));

/** Waits until the first <glose-article> of the page (or `selector`) has an analysis. */
export function waitAnalysed(page, selector = 'glose-article') {
  return page.waitForFunction((sel) => document.querySelector(sel)?.analysis, selector, { timeout: 20000 });
}

/** A host page that embeds <glose-article id="a"> with `text` (escaped) under the host CSP. */
export function hostPage(text, attrs = 'lang="fr" date="2024-11-26"') {
  return `<!doctype html><meta charset="utf-8"><title>host</title>
<script type="module" src="/glose-widget.js"></script>
<glose-article id="a" ${attrs}>${escapeHtml(text)}</glose-article>`;
}

/** Opens `path`, waits for the analysis, then renders `fixture` in <glose-article id="a">. */
export async function openWithFixture(page, origin, path, fixture) {
  await page.goto(`${origin}${path}`);
  await waitAnalysed(page, '#a');
  await page.evaluate((fx) => document.getElementById('a').render(fx), fixture);
}

/** In the page: selects `needle` (its n-th occurrence) in the article copy of #a. */
export function selectInArticle(page, needle, nth = 0) {
  return page.evaluate(([needle, nth]) => {
    const el = document.getElementById('a');
    const art = el.shadowRoot.querySelector('.article');
    const nodes = [];
    let all = '';
    const walker = document.createTreeWalker(art, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push([n, all.length]); all += n.data; }
    let at = -1;
    for (let i = 0; i <= nth; i++) at = all.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`not rendered: ${needle}`);
    const locate = (pos, end) => {
      for (const [n, start] of nodes) if (pos >= start && (end ? pos <= start + n.data.length : pos < start + n.data.length)) return [n, pos - start];
      throw new Error('no node');
    };
    const [n1, o1] = locate(at, false);
    const [n2, o2] = locate(at + needle.length, true);
    document.getSelection().setBaseAndExtent(n1, o1, n2, o2);
    return true;
  }, [needle, nth]);
}

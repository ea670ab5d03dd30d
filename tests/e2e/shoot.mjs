// Takes the demo's screenshots for the README: desktop and phone widths.
// Usage: node shoot.mjs [--fixture]   (--fixture renders the hand-made seed analysis,
// for when the core's layers are still empty). Writes docs/screenshot-*.png.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, openPage, here } from './harness.mjs';

const useFixture = process.argv.includes('--fixture');
const fixture = JSON.parse(await readFile(join(here, 'fixtures', 'seed-analysis.json'), 'utf8'));
const server = await serve();
const browser = await launch();
for (const [name, width, height, mobile] of [['desktop', 1360, 900, false], ['phone', 390, 844, true]]) {
  const { page, errors, outside, close } = await openPage(browser, server.origin, { viewport: { width, height }, isMobile: mobile, deviceScaleFactor: mobile ? 2 : 1 });
  await page.goto(`${server.origin}/index.html`);
  await page.waitForFunction(() => document.querySelector('glose-article')?.analysis, null, { timeout: 20000 });
  if (useFixture) {
    await page.evaluate(async (a) => { await document.querySelector('glose-article').render(a); }, fixture);
  }
  if (mobile) await page.evaluate(() => document.getElementById('out').scrollIntoView());
  else {
    const box = await page.evaluate(() => {
      const el = document.querySelector('glose-article');
      const q = el.shadowRoot.querySelectorAll('[data-glose-kind="quote"]:not([data-glose-part])')[1];
      const r = q.getClientRects()[0];
      return { x: r.left + 20, y: r.top + r.height / 2 };
    });
    await page.mouse.move(box.x, box.y);
  }
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(here, '..', '..', 'docs', `screenshot-${name}.png`), fullPage: !mobile ? false : false });
  if (errors.length || outside.length) console.error(name, errors, outside);
  await close();
}
await browser.close();
await server.close();
console.log('docs/screenshot-desktop.png, docs/screenshot-phone.png written');

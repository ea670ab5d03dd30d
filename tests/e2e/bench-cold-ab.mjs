// Compares the cold start of builds of www/: `node bench-cold-ab.mjs DIR...` (copies
// of www/, each built from another commit). Prints figures; asserts nothing.
//
// On a shared two-core machine the cold start moves by a third from one minute to
// the next, so two runs of bench-browser.mjs do not compare builds. Here the builds'
// pages alternate, one of each in turn, and each build's median is over the same
// stretch of time. PAGES (default 15) pages each; PAGE=index.html times the demo,
// which shows the seed on load, instead of a host page with the seed in the widget.
import { resolve } from 'node:path';
import { serve, launch, seedText, hostPage, timeColdStart } from './harness.mjs';

const dirs = process.argv.slice(2).map((d) => resolve(d));
if (!dirs.length) {
  console.error('usage: node bench-cold-ab.mjs WWW_DIR...');
  process.exit(2);
}
const PAGES = Number(process.env.PAGES || 15);
const PAGE = process.env.PAGE || 'cold.html';
const seed = await seedText();
const servers = await Promise.all(dirs.map((dir) => serve({ '/cold.html': hostPage(seed) }, dir)));
const browser = await launch();
const times = dirs.map(() => []);
try {
  for (let round = 0; round < PAGES; round++) {
    for (let k = 0; k < dirs.length; k++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      times[k].push((await timeColdStart(page, `${servers[k].origin}/${PAGE}`)).inPage);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((s) => s.close()));
}
const at = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(0);
for (let k = 0; k < dirs.length; k++) {
  const sorted = times[k].slice().sort((a, b) => a - b);
  console.log(`${dirs[k]}: cold start (${PAGE}) median ${at(sorted, 0.5)} ms, quartiles ${at(sorted, 0.25)}-${at(sorted, 0.75)} (${PAGES} pages)`);
}

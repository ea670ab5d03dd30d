// Reading an article out of a saved web page or pasted HTML, locally. The HTML is
// parsed by DOMParser into an inert document: its scripts never run, its images and
// styles never load, and nothing of it is inserted into the live page. Only text
// leaves this module: the main text, the title, the date and the language.

let policy = null;
function trusted(html) {
  // Under Trusted Types, DOMParser wants TrustedHTML. The parsed document is inert and
  // only read for its text, so passing the string through is safe here.
  if (globalThis.trustedTypes && trustedTypes.createPolicy) {
    try { policy = policy || trustedTypes.createPolicy('glose-extract', { createHTML: (s) => s }); } catch { /* name not allowed */ }
    if (policy) return policy.createHTML(html);
  }
  return html;
}

const NOISE = 'script, style, noscript, template, iframe, object, embed, svg, math, form, button, nav, aside, footer, header, figure, [hidden], [aria-hidden="true"]';
const BLOCKS = 'p, h2, h3, h4, h5, h6, li, blockquote, pre, dd';
// No-break spaces are kept: French typography puts them inside « » and before : ; ? !
const clean = (s) => String(s || '').replace(/[ \t\r\n\f]+/g, ' ').trim();

function findDate(doc) {
  const metas = ['meta[property="article:published_time"]', 'meta[itemprop="datePublished"]', 'meta[name="date"]',
    'meta[name="pubdate"]', 'meta[name="publish-date"]', 'meta[name="dc.date"]', 'meta[name="DC.date.issued"]',
    'meta[name="article.published"]', 'meta[property="og:updated_time"]'];
  const found = [];
  for (const sel of metas) for (const m of doc.querySelectorAll(sel)) found.push(m.getAttribute('content'));
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const data = JSON.parse(script.textContent);
      for (const item of [data, ...(Array.isArray(data) ? data : []), ...(Array.isArray(data && data['@graph']) ? data['@graph'] : [])]) {
        if (item && typeof item.datePublished === 'string') found.push(item.datePublished);
      }
    } catch { /* not JSON: ignored */ }
  }
  for (const time of doc.querySelectorAll('article time[datetime], time[datetime]')) found.push(time.getAttribute('datetime'));
  for (const v of found) {
    const m = /^(\d{4}-\d{2}-\d{2})/.exec(String(v || '').trim());
    if (m) return m[1];
  }
  return '';
}

// Chromium checks an inline handler attribute against the page's CSP as soon as the
// parser sets it, even in an inert document: the handler is blocked and never runs, but
// the page logs a violation. Renaming on…= attributes first avoids that noise; safety
// does not depend on it (an attribute this misses is still inert and blocked).
function renameHandlers(html) {
  return html.replace(/<[a-zA-Z][^>]*>/g, (tag) => tag.replace(/([\s/"'])on([a-z]+\s*=)/gi, '$1data-glose-on$2'));
}

/** {title, text, date, lang} from an HTML document's source. */
export function extractArticle(html) {
  const doc = new DOMParser().parseFromString(trusted(renameHandlers(String(html ?? ''))), 'text/html');
  const title = clean(doc.querySelector('meta[property="og:title"]')?.getAttribute('content'))
    || clean(doc.querySelector('h1')?.textContent) || clean(doc.title);
  const date = findDate(doc);
  const lang = (doc.documentElement.getAttribute('lang') || doc.querySelector('meta[property="og:locale"]')?.getAttribute('content') || '')
    .slice(0, 2).toLowerCase();
  for (const el of doc.querySelectorAll(NOISE)) el.remove();
  const candidates = [...doc.querySelectorAll('[itemprop="articleBody"], article, main, [role="main"]'), doc.body].filter(Boolean);
  const weight = (el) => [...el.querySelectorAll('p')].reduce((n, p) => n + clean(p.textContent).length, 0);
  let best = candidates[0] || null;
  for (const c of candidates) if (weight(c) > weight(best) * 1.5) best = c;
  const paragraphs = [];
  if (best) {
    for (const el of best.querySelectorAll(BLOCKS)) {
      if (el.querySelector(BLOCKS)) continue; // a container: its inner blocks are taken instead
      const t = clean(el.textContent);
      if (t && t !== title) paragraphs.push(t);
    }
    if (!paragraphs.length) {
      for (const line of String(best.textContent || '').split(/\n\s*\n|\r?\n/)) { const t = clean(line); if (t) paragraphs.push(t); }
    }
  }
  return { title, text: paragraphs.join('\n'), date, lang: lang === 'fr' || lang === 'en' ? lang : '' };
}

/** True when a pasted or dropped text is an HTML document rather than plain text. */
export function looksLikeHtml(text) {
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>])/i.test(String(text || ''));
}

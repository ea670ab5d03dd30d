// The in-place mode (<glose-article for="id">): the text of an article already on the
// host page is read from its text nodes, analysed, and each annotation is wrapped
// around pieces of those text nodes. Only text nodes are split; the article's own
// elements, attributes and listeners stay as they were.

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'SVG', 'MATH', 'GLOSE-ARTICLE']);
const BLOCK = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'H1', 'H2', 'H3', 'H4',
  'H5', 'H6', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD', 'BLOCKQUOTE', 'PRE', 'FIGURE', 'FIGCAPTION', 'TABLE', 'TR', 'TD', 'TH',
  'HR', 'BR', 'ADDRESS', 'DETAILS', 'SUMMARY']);

/**
 * Reads the article's text: whitespace collapsed, a newline between blocks.
 * Returns {text, pieces: [{node, start, map}]} where map[i] is the offset in
 * node.data of the piece's i-th character.
 */
export function collectText(root) {
  let text = '';
  const pieces = [];
  let needBreak = false;
  const pushBreak = () => { if (text && !text.endsWith('\n')) needBreak = true; };
  const visit = (node) => {
    if (node.nodeType === 3) {
      const data = node.data;
      let piece = '';
      const map = [];
      for (let i = 0; i < data.length; i++) {
        const c = data[i];
        if (/[ \t\n\r\f]/.test(c)) {
          const prev = piece ? piece[piece.length - 1] : (needBreak ? '\n' : text[text.length - 1]);
          if (prev === undefined || prev === ' ' || prev === '\n') continue;
          piece += ' ';
        } else {
          if (needBreak) {
            if (text.endsWith(' ')) { text = text.slice(0, -1); trimLast(pieces); }
            text += '\n';
            needBreak = false;
          }
          piece += c;
        }
        map.push(i);
      }
      if (piece) { pieces.push({ node, start: text.length, map }); text += piece; }
      return;
    }
    if (node.nodeType !== 1 || SKIP.has(node.nodeName.toUpperCase()) || node.hidden) return;
    const block = BLOCK.has(node.nodeName.toUpperCase());
    if (block) pushBreak();
    for (const child of node.childNodes) visit(child);
    if (block) pushBreak();
  };
  visit(root);
  if (text.endsWith(' ')) { text = text.slice(0, -1); trimLast(pieces); }
  return { text, pieces };
}

function trimLast(pieces) {
  const last = pieces[pieces.length - 1];
  if (last) last.map.pop();
  if (last && !last.map.length) pieces.pop();
}

/** Wraps each annotation ({kind,id,start,end,at,colour}) around the text nodes it covers. */
export function wrapAnnotations(pieces, anns) {
  const doc = pieces.length ? pieces[0].node.ownerDocument : document;
  // Pieces come in text order: the annotations that may reach a piece are kept
  // as it goes (a filter of all of them for each piece made a long article
  // quadratic). Each keeps its place in `anns`, which decides how those of
  // equal length nest.
  const byStart = anns.map((x, i) => ({ x, i })).sort((p, q) => p.x.start - q.x.start);
  let next = 0;
  let open = [];
  for (const piece of pieces) {
    const len = piece.map.length;
    const pStart = piece.start;
    const pEnd = pStart + len;
    while (next < byStart.length && byStart[next].x.start < pEnd) open.push(byStart[next++]);
    open = open.filter((p) => p.x.end > pStart);
    const here = open.filter((p) => p.x.start < pEnd).sort((p, q) => p.i - q.i).map((p) => p.x);
    if (!here.length) continue;
    // Cut the text node at every boundary inside it, from the end so earlier offsets hold.
    const cuts = new Set();
    for (const x of here) {
      if (x.start > pStart) cuts.add(x.start - pStart);
      if (x.end < pEnd) cuts.add(x.end - pStart);
    }
    const sorted = [...cuts].sort((a, b) => a - b);
    const raw = (i) => (i >= len ? piece.node.data.length : piece.map[i]);
    const nodes = [];
    let node = piece.node;
    let consumed = 0;
    let from = 0;
    for (const cut of sorted) {
      const rest = node.splitText(raw(cut) - consumed);
      nodes.push({ node, start: pStart + from, end: pStart + cut });
      consumed = raw(cut);
      from = cut;
      node = rest;
    }
    nodes.push({ node, start: pStart + from, end: pEnd });
    for (const part of nodes) {
      const covering = here.filter((x) => x.start <= part.start && x.end >= part.end && part.end > part.start)
        .sort((x, y) => (y.end - y.start) - (x.end - x.start));
      let inner = part.node;
      for (const x of covering.reverse()) {
        const el = doc.createElement('span');
        el.dataset.gloseKind = x.kind;
        el.dataset.gloseId = x.id;
        el.dataset.gloseAt = String(x.at);
        if (part.start > x.start) el.dataset.glosePart = '';
        if (x.colour != null) el.classList.add(`sp${x.colour}`);
        inner.parentNode.insertBefore(el, inner);
        el.appendChild(inner);
        inner = el;
      }
    }
  }
}

/** Removes the wrappers a previous run added, leaving the article as it was. */
export function unwrap(root) {
  for (const el of [...root.querySelectorAll('span[data-glose-kind]')].reverse()) {
    const parent = el.parentNode;
    while (el.firstChild) parent.insertBefore(el.firstChild, el);
    parent.removeChild(el);
  }
  root.normalize();
}

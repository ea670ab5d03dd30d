// Rendering an article's text with its annotations as nested elements. A span that
// crosses another is split into fragments sharing its data-glose-id; the first fragment
// is the one keyboard navigation focuses, the others carry data-glose-part.

/**
 * Appends text[from, to) with the annotations inside it to `parent`. `offsets` (a
 * WeakMap) learns the text offset of every text node made, so a selection can be
 * mapped back to the article text.
 */
export function renderRange(parent, text, from, to, anns, offsets) {
  const doc = parent.ownerDocument;
  const inside = anns
    .filter((x) => x.end > from && x.start < to)
    .map((x) => ({ ...x, start: Math.max(x.start, from), end: Math.min(x.end, to) }));
  const points = new Set([from, to]);
  for (const x of inside) { points.add(x.start); points.add(x.end); }
  const stops = [...points].sort((p, q) => p - q);
  const starting = new Map();
  for (const x of inside) {
    if (!starting.has(x.start)) starting.set(x.start, []);
    starting.get(x.start).push(x);
  }
  const stack = [];
  const opened = new Set();
  const top = () => (stack.length ? stack[stack.length - 1].el : parent);
  const open = (x) => {
    const el = doc.createElement(x.student ? 'mark' : 'span');
    const key = `${x.kind}/${x.id}/${x.at}`;
    if (x.student) {
      el.dataset.studentKind = x.kind;
      el.dataset.studentId = x.id;
    } else {
      el.dataset.gloseKind = x.kind;
      el.dataset.gloseId = x.id;
      el.dataset.gloseAt = String(x.at);
      if (x.colour != null) el.classList.add(`sp${x.colour}`);
    }
    if (opened.has(key)) el.dataset.glosePart = '';
    opened.add(key);
    top().appendChild(el);
    stack.push({ ann: x, el });
  };
  for (let i = 0; i < stops.length - 1; i++) {
    const p = stops[i];
    if (stack.some((e) => e.ann.end <= p)) {
      const reopen = [];
      while (stack.some((e) => e.ann.end <= p)) {
        const e = stack.pop();
        if (e.ann.end > p) reopen.unshift(e.ann);
      }
      reopen.forEach(open);
    }
    (starting.get(p) || []).sort((x, y) => y.end - x.end || (x.student ? 1 : 0) - (y.student ? 1 : 0)).forEach(open);
    const node = doc.createTextNode(text.slice(p, stops[i + 1]));
    if (offsets) offsets.set(node, p);
    top().appendChild(node);
  }
}

/** The text offset of a DOM position inside a rendered article, or null. */
export function offsetOf(offsets, container, offset) {
  if (container.nodeType === 3) return offsets.has(container) ? offsets.get(container) + offset : null;
  // An element position: the offset of the next text node in document order.
  const walker = container.ownerDocument.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  let node = container.childNodes[offset] || null;
  if (node) {
    if (node.nodeType === 3) return offsets.get(node) ?? null;
    walker.currentNode = node;
    const next = walker.nextNode();
    return next ? offsets.get(next) ?? null : null;
  }
  let last = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) last = n;
  return last ? offsets.get(last) + last.data.length : null;
}

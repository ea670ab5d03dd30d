// WCAG AA contrast of the widget's colours, computed from its style sheet: article text
// on every highlight ≥ 4.5:1, annotation lines against white ≥ 3:1 (non-text contrast),
// and the widget's text colours on white ≥ 4.5:1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ANNOTATION_CSS, WIDGET_CSS } from '../../www/widget/style.js';

const lum = (hex) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
const colours = (css, re) => [...css.matchAll(re)].map((m) => m[1]).filter((c) => c.length === 7);

test('article text stays readable on every highlight colour', () => {
  const backgrounds = colours(ANNOTATION_CSS, /background:\s*(#[0-9a-f]{6})/gi);
  assert.ok(backgrounds.length >= 8);
  for (const bg of backgrounds) assert.ok(ratio('#1b1b1b', bg) >= 4.5, `${bg}: ${ratio('#1b1b1b', bg).toFixed(2)}`);
});

test('annotation lines and the widget’s text colours meet AA against white', () => {
  const lines = colours(ANNOTATION_CSS, /(?:border-bottom|outline|underline wavy|inset 0 2px 0)[^;#]*(#[0-9a-f]{6})/gi);
  assert.ok(lines.length >= 5);
  for (const c of lines) assert.ok(ratio(c, '#ffffff') >= 3, `${c}: ${ratio(c, '#ffffff').toFixed(2)}`);
  // The tooltip is light on dark: its rules are checked against its own background.
  const tipRules = WIDGET_CSS.match(/\.tip[^{]*\{[^}]*\}/g).join('\n');
  for (const c of colours(tipRules, /(?<![-\w])color:\s*(#[0-9a-f]{6})/gi)) assert.ok(ratio(c, '#1b1b1b') >= 4.5, `tooltip ${c}`);
  const texts = colours(WIDGET_CSS.replace(/\.tip[^{]*\{[^}]*\}/g, ''), /(?<![-\w])color:\s*(#[0-9a-f]{6})/gi);
  assert.ok(texts.length >= 5);
  for (const c of texts) assert.ok(ratio(c, '#ffffff') >= 4.5, `${c}: ${ratio(c, '#ffffff').toFixed(2)}`);
});

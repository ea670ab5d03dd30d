// The demo page: paste an article, or load the example, and see it annotated.
import './glose-widget.js';
import seed from './examples/seed-fr-koursk.js';

const $ = (id) => document.getElementById(id);

function show() {
  const el = document.createElement('glose-article');
  el.textContent = $('text').value;
  el.setAttribute('lang', $('lang').value);
  if ($('date').value) el.setAttribute('date', $('date').value);
  el.addEventListener('glose-analyzed', (ev) => {
    const a = ev.detail;
    $('json').textContent = JSON.stringify(a, null, 1);
    if (!$('date').value && a.doc_date) $('date').value = a.doc_date;
  });
  $('out').replaceChildren(el);
}

$('analyze').addEventListener('click', show);
$('seed').addEventListener('click', () => {
  $('text').value = seed;
  $('lang').value = 'fr';
  $('date').value = '2024-11-26';
  show();
});

// Open on the example, annotated, unless the page is asked to start empty.
if (!new URLSearchParams(location.search).has('empty')) $('seed').click();

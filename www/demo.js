// The demo page: paste an article (text or HTML), drop a saved page, or load the
// example, and read it annotated. Everything stays in the page.
import './glose-widget.js';
import { extractArticle, looksLikeHtml } from './extract.js';
import seed from './examples/seed-fr-koursk.js';

const $ = (id) => document.getElementById(id);

const WORDS = {
  en: {
    tagline: 'Who says what, who and where, when, how many, how framed. Everything runs in this page: no text leaves your machine.',
    input: 'Article', textLabel: 'Article: paste text or HTML, or drop a .html or .txt file here', placeholder: 'Paste a French or English news article',
    title: 'Title', lang: 'Language', date: 'Date', open: 'Open a file', analyse: 'Analyse', example: 'Load the example',
    output: 'Annotated article', footer: 'Glose runs in your browser (WebAssembly). Exports are copied or downloaded, never uploaded.',
    extracted: 'Article text extracted from the HTML (its scripts never ran).', empty: 'Paste an article first.',
  },
  fr: {
    tagline: 'Qui dit quoi, qui et où, quand, combien, avec quels mots. Tout se passe dans cette page : aucun texte ne quitte votre machine.',
    input: 'Article', textLabel: 'Article : collez du texte ou du HTML, ou déposez ici un fichier .html ou .txt', placeholder: 'Collez un article de presse en français ou en anglais',
    title: 'Titre', lang: 'Langue', date: 'Date', open: 'Ouvrir un fichier', analyse: 'Analyser', example: 'Charger l’exemple',
    output: 'Article annoté', footer: 'Glose fonctionne dans votre navigateur (WebAssembly). Les exports sont copiés ou téléchargés, jamais envoyés.',
    extracted: 'Texte de l’article extrait du HTML (ses scripts n’ont pas été exécutés).', empty: 'Collez d’abord un article.',
  },
};

let uiLang = (navigator.language || 'en').slice(0, 2) === 'fr' ? 'fr' : 'en';
let uiChosen = false;

function applyUi(lang) {
  uiLang = lang;
  const w = WORDS[lang];
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = w[el.dataset.i18n];
  for (const el of document.querySelectorAll('[data-i18n-ph]')) el.placeholder = w[el.dataset.i18nPh];
}

function show() {
  const text = $('text').value;
  if (!text.trim()) { $('note').textContent = WORDS[uiLang].empty; return; }
  $('note').textContent = '';
  const el = document.createElement('glose-article');
  el.textContent = text;
  el.setAttribute('lang', $('lang').value);
  if ($('date').value) el.setAttribute('date', $('date').value);
  if ($('title').value) el.setAttribute('article-title', $('title').value);
  if (uiChosen) el.setAttribute('ui-lang', uiLang);
  el.addEventListener('glose-analyzed', (ev) => {
    const a = ev.detail;
    // Prefill the fields from the analysis; they stay editable for the next run.
    if (a.lang && $('lang').value === 'auto') $('lang').value = a.lang;
    if (!$('date').value && a.doc_date) $('date').value = a.doc_date;
    if (!uiChosen && a.lang && a.lang !== uiLang) applyUi(a.lang);
  });
  $('out').replaceChildren(el);
}

function loadHtml(html) {
  const art = extractArticle(html);
  $('text').value = art.text;
  $('title').value = art.title;
  if (art.date) $('date').value = art.date;
  $('lang').value = art.lang || 'auto';
  $('note').textContent = WORDS[uiLang].extracted;
}

async function loadFile(file) {
  if (!file) return;
  const content = await file.text();
  if (/\.html?$/i.test(file.name) || file.type === 'text/html' || looksLikeHtml(content)) loadHtml(content);
  else {
    $('text').value = content;
    $('title').value = file.name.replace(/\.[^.]+$/, '');
    $('lang').value = 'auto';
    $('date').value = '';
  }
  show();
}

$('text').addEventListener('paste', (ev) => {
  const html = ev.clipboardData?.getData('text/html');
  const plain = ev.clipboardData?.getData('text/plain') || '';
  if (html || looksLikeHtml(plain)) {
    ev.preventDefault();
    loadHtml(html || plain);
  }
});
const input = $('input');
input.addEventListener('dragover', (ev) => { ev.preventDefault(); input.classList.add('drop'); });
input.addEventListener('dragleave', () => input.classList.remove('drop'));
input.addEventListener('drop', (ev) => { ev.preventDefault(); input.classList.remove('drop'); loadFile(ev.dataTransfer?.files?.[0]); });
// A file dropped anywhere else must not make the browser open it.
window.addEventListener('dragover', (ev) => ev.preventDefault());
window.addEventListener('drop', (ev) => ev.preventDefault());
$('file').addEventListener('change', (ev) => loadFile(ev.target.files?.[0]));
$('analyze').addEventListener('click', show);
$('seed').addEventListener('click', () => {
  $('text').value = seed;
  $('title').value = '';
  $('lang').value = 'fr';
  $('date').value = '2024-11-26';
  show();
});
// The widget's language switch drives the page's words too.
$('out').addEventListener('glose-ui-lang', (ev) => { uiChosen = true; applyUi(ev.detail); });

applyUi(uiLang);
// Open on the example, annotated, unless the page is asked to start empty.
if (!new URLSearchParams(location.search).has('empty')) $('seed').click();

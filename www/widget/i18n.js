// The widget's words in French and English. The UI follows the article's language
// unless ui-lang says otherwise; a button switches it.

export const STRINGS = {
  en: {
    layers: 'Layers', quote: 'Quotes', entity: 'Actors', time: 'Times', quantity: 'Numbers', marker: 'Markers', claim: 'Claims',
    kind_quote: 'quote', kind_entity: 'actor', kind_time: 'time', kind_quantity: 'number', kind_marker: 'marker', kind_claim: 'claim',
    who: 'Who said what', actors: 'Actors', timeline: 'Timeline', numbers: 'Numbers and checks', claims: 'Claims', markers: 'Markers', export: 'Export',
    shortcuts: 'Single-key shortcuts', ui: 'Français', uiLabel: 'Interface language', exercise: 'Exercise', leaveExercise: 'Leave the exercise',
    analysing: 'Analysing…', loading: 'Loading the analyser…', rendering: 'Rendering…', done: 'Done', error: 'The analysis failed: ',
    speaker: 'Speaker', unknownSpeaker: 'Speaker not stated', channel: 'Channel', via: 'Via', cue: 'Cue', kindOf: 'Kind',
    direct: 'direct', partial: 'partial', indirect: 'indirect', type: 'Type', value: 'Value', of: 'Of', unit: 'Unit', approx: 'approximate',
    mentions: 'mentions', roles: 'Roles', why: 'Why', technique: 'Technique', score: 'Score', attribution: 'Attribution', source: 'Source',
    attributed: 'attributed', hedged: 'hedged', unattributed: 'unattributed', reasons: 'Reasons',
    consistent: 'consistent', inconsistent: 'inconsistent', checks: 'Count checks', noChecks: 'No count check.',
    nothing: 'Nothing found.', noDates: 'No resolved date.', total: 'Total', parts: 'Parts',
    hedge: 'hedge', unnamed_source: 'unnamed source', scare_quote: 'scare quote', loaded_language: 'loaded language', label: 'label', intensifier: 'intensifier',
    copy: 'Copy', download: 'Download', copied: 'Copied.', copyFailed: 'Copy blocked: the text is selected below, press Ctrl+C.',
    exportJson: 'Analysis (JSON glose/1)', exportMd: 'Report (Markdown)', exportWa: 'W3C Web Annotations (JSON-LD)', exportCr: 'ClaimReview drafts (JSON-LD)',
    crHint: 'Tick claims in the Claims tab to choose them (all claims when none is ticked). Drafts carry no verdict.',
    localOnly: 'Exports are made in this page: copied or downloaded, never sent.',
    exIntro: 'Glose’s annotations are hidden. Select words in the article, then mark them.',
    markQuote: 'Quote', markLoaded: 'Loaded word', markClaim: 'Claim', speakerPh: 'Speaker (optional)', compare: 'Compare',
    yourMarks: 'Your marks', noMarks: 'No mark yet.', selectFirst: 'Select some words of the article first.', remove: 'Remove',
    found: 'Found', missed: 'Missed', extra: 'Extra', speakerOk: 'speaker agrees', speakerNo: 'speaker differs', reset: 'Start again',
    navHelp: 'Arrow keys or j/k move between annotations; 1–6 toggle the layers; Escape hides the details.',
    article: 'Annotated article', panels: 'Panels', date: 'Date', lang: 'Language', selectClaim: 'Choose for ClaimReview',
  },
  fr: {
    layers: 'Couches', quote: 'Citations', entity: 'Acteurs', time: 'Dates', quantity: 'Nombres', marker: 'Marqueurs', claim: 'Affirmations',
    kind_quote: 'citation', kind_entity: 'acteur', kind_time: 'date', kind_quantity: 'nombre', kind_marker: 'marqueur', kind_claim: 'affirmation',
    who: 'Qui a dit quoi', actors: 'Acteurs', timeline: 'Chronologie', numbers: 'Nombres et vérifications', claims: 'Affirmations', markers: 'Marqueurs', export: 'Exporter',
    shortcuts: 'Raccourcis à une touche', ui: 'English', uiLabel: 'Langue de l’interface', exercise: 'Exercice', leaveExercise: 'Quitter l’exercice',
    analysing: 'Analyse…', loading: 'Chargement de l’analyseur…', rendering: 'Affichage…', done: 'Terminé', error: 'L’analyse a échoué : ',
    speaker: 'Locuteur', unknownSpeaker: 'Locuteur non précisé', channel: 'Canal', via: 'Relais', cue: 'Verbe', kindOf: 'Type',
    direct: 'directe', partial: 'partielle', indirect: 'indirecte', type: 'Type', value: 'Valeur', of: 'De', unit: 'Unité', approx: 'approximatif',
    mentions: 'mentions', roles: 'Rôles', why: 'Pourquoi', technique: 'Technique', score: 'Score', attribution: 'Attribution', source: 'Source',
    attributed: 'attribuée', hedged: 'nuancée', unattributed: 'non attribuée', reasons: 'Raisons',
    consistent: 'cohérent', inconsistent: 'incohérent', checks: 'Vérifications des totaux', noChecks: 'Aucune vérification.',
    nothing: 'Rien de trouvé.', noDates: 'Aucune date résolue.', total: 'Total', parts: 'Parties',
    hedge: 'précaution', unnamed_source: 'source anonyme', scare_quote: 'guillemets de distance', loaded_language: 'langage chargé', label: 'étiquette', intensifier: 'intensif',
    copy: 'Copier', download: 'Télécharger', copied: 'Copié.', copyFailed: 'Copie bloquée : le texte est sélectionné ci-dessous, faites Ctrl+C.',
    exportJson: 'Analyse (JSON glose/1)', exportMd: 'Rapport (Markdown)', exportWa: 'Annotations W3C (JSON-LD)', exportCr: 'Brouillons ClaimReview (JSON-LD)',
    crHint: 'Cochez des affirmations dans l’onglet Affirmations pour les choisir (toutes si aucune n’est cochée). Les brouillons n’ont pas de verdict.',
    localOnly: 'Les exports sont faits dans cette page : copiés ou téléchargés, jamais envoyés.',
    exIntro: 'Les annotations de Glose sont cachées. Sélectionnez des mots de l’article, puis marquez-les.',
    markQuote: 'Citation', markLoaded: 'Mot chargé', markClaim: 'Affirmation', speakerPh: 'Locuteur (facultatif)', compare: 'Comparer',
    yourMarks: 'Vos marques', noMarks: 'Aucune marque.', selectFirst: 'Sélectionnez d’abord des mots de l’article.', remove: 'Retirer',
    found: 'Trouvées', missed: 'Manquées', extra: 'En trop', speakerOk: 'locuteur correct', speakerNo: 'locuteur différent', reset: 'Recommencer',
    navHelp: 'Flèches ou j/k : annotation suivante ou précédente ; 1–6 : couches ; Échap : masquer les détails.',
    article: 'Article annoté', panels: 'Panneaux', date: 'Date', lang: 'Langue', selectClaim: 'Choisir pour ClaimReview',
  },
};

export function translator(lang) {
  const table = STRINGS[lang] || STRINGS.en;
  return (key) => table[key] ?? STRINGS.en[key] ?? key;
}

export function pickUiLang(...candidates) {
  for (const c of candidates) {
    const l = String(c || '').toLowerCase().slice(0, 2);
    if (l === 'fr' || l === 'en') return l;
  }
  return 'en';
}

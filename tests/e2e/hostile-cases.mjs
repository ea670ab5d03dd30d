// The hostile-input table of tests/hostile/cases.rs, for the wasm API: each case's
// unit, which a test or bench repeats to the size it needs. `lone surrogates` has
// no Rust twin: a Rust string cannot hold one, a JavaScript string can.
export const HOSTILE_UNITS = {
  'guillemets «': '«',
  'no spaces': 'abcdéfghij',
  'unmatched opening quotes': '« il a dit “ et ‘ puis " ',
  'number flood': '1 000,5 12.5 3,000 huit 25 % ',
  'date flood': 'le 25 novembre 2024, 25/11/2024, hier, mardi ',
  'cue flood': 'a déclaré que selon X, a-t-il ajouté, said that ',
  'capitals flood': 'John Kirby Maison Blanche ATACMS OTAN ',
  'mixed scripts': '👩‍👩‍👧 e\u0301 שלום مرحبا 日本語 🇫🇷 Привет ',
  'html soup': '<div class="a"><p>Il a dit «oui»</p><script>x()</script></div>&amp;&#171; ',
  'one long sentence': 'et le ministre a parlé ',
  'many short lines': 'A.\n',
  'control characters': '\u0000\u0001\ufeff\u200b\r\n\t',
  'lone surrogates': 'Il a dit \ud800 «oui» \udfff hier. ',
};

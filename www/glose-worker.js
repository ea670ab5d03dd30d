// A module worker that runs the analysis off the main thread, so a long article never
// freezes the page. Messages in: {id, text, options}; out: {id, stage} while working,
// then {id, analysis} or {id, error}.
import init, { analyze } from './glose.js';

self.onmessage = async (event) => {
  const { id, text, options } = event.data || {};
  try {
    self.postMessage({ id, stage: 'loading' });
    await init();
    self.postMessage({ id, stage: 'analysing' });
    const analysis = analyze(String(text ?? ''), options || {});
    self.postMessage({ id, analysis });
  } catch (err) {
    self.postMessage({ id, error: String((err && err.message) || err) });
  }
};

// A module worker that runs the analysis off the main thread, so a long article never
// freezes the page. Messages in: {id, text, options}; out: {id, stage} while working,
// then {id, analysis} or {id, error}.
// It loads the bundle the page loaded (glose.js only re-exports it): one file, which
// the browser may have cached; the widget's element is not defined in a worker.
import init, { analyze } from './glose-widget.js';

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

// Runs the analysis: in a module worker for long texts (the page stays responsive and
// progress is shown), on the main thread for short ones or when no worker can start.
import init, { analyze, workerUrl } from './api.js';

export const WORKER_THRESHOLD = 20000; // utf16 code units

let worker = null;
let workerBroken = false;
let nextId = 1;
const pending = new Map();

// The worker's address comes from api.js (`workerUrl`), which knows where the
// bundle lies: the worker file is beside it, not beside this module's source.
function trustedWorkerUrl() {
  const url = workerUrl;
  // Hosts that enforce Trusted Types need a TrustedScriptURL for new Worker().
  if (globalThis.trustedTypes && trustedTypes.createPolicy) {
    try {
      const policy = trustedTypes.createPolicy('glose-worker', {
        createScriptURL: (u) => { if (u !== url) throw new TypeError('glose: unexpected worker URL'); return u; },
      });
      return policy.createScriptURL(url);
    } catch { /* the policy name is not allowed: a plain URL still works where TT is not enforced */ }
  }
  return url;
}

function getWorker() {
  if (worker || workerBroken) return worker;
  try {
    worker = new Worker(trustedWorkerUrl(), { type: 'module', name: 'glose' });
  } catch {
    workerBroken = true;
    return null;
  }
  worker.onmessage = (event) => {
    const { id, stage, analysis, error } = event.data || {};
    const job = pending.get(id);
    if (!job) return;
    if (stage) { job.progress(stage); return; }
    pending.delete(id);
    if (error) job.reject(new Error(error));
    else job.resolve(analysis);
  };
  worker.onerror = (event) => {
    event.preventDefault?.();
    workerBroken = true;
    worker.terminate();
    worker = null;
    const jobs = [...pending.values()];
    pending.clear();
    for (const job of jobs) job.fallback();
  };
  return worker;
}

async function onMainThread(text, options, progress) {
  progress('loading');
  await init();
  progress('analysing');
  // A long article (here when no worker could start) takes seconds: the
  // status paints first. A short one takes tens of milliseconds, and drawing
  // a frame before it made the cold start 8-36 ms longer (bench-cold-ab.mjs);
  // 'loading' shows while the module compiles.
  if (text.length > WORKER_THRESHOLD) await new Promise((ok) => setTimeout(ok, 0));
  return analyze(text, options);
}

/**
 * Analyses `text`; `progress(stage)` hears 'loading' and 'analysing'.
 * `mode`: 'auto' (worker above WORKER_THRESHOLD), 'always' or 'never'.
 */
export function runAnalysis(text, options, progress = () => {}, mode = 'auto') {
  const useWorker = mode === 'always' || (mode !== 'never' && text.length > WORKER_THRESHOLD);
  const w = useWorker ? getWorker() : null;
  if (!w) return onMainThread(text, options, progress);
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, {
      resolve, reject, progress,
      fallback: () => onMainThread(text, options, progress).then(resolve, reject),
    });
    w.postMessage({ id, text, options });
  });
}

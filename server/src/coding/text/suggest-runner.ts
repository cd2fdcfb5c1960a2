import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type SuggestAnswer, type SuggestOptions, type Suggestions, suggestThemes } from './suggest';

const WORKER = join(__dirname, 'suggest.worker.js');

/**
 * Suggests themes in a worker thread: clustering 10,000 answers takes a second or two of CPU, which
 * on the event loop would stall every other request, respondents' included. Where the sources run
 * uncompiled (tests, benchmarks) there is no worker script, and the work runs inline.
 */
export function runSuggestThemes(answers: readonly SuggestAnswer[], options: SuggestOptions): Promise<Suggestions> {
  if (!existsSync(WORKER)) return Promise.resolve(suggestThemes(answers, options));
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      workerData: { answers, options },
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });
    let settled = false;
    worker.once('message', (result: Suggestions) => {
      settled = true;
      resolve(result);
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`The suggestion worker stopped with code ${code}`));
    });
  });
}

// Runs one suggestion off the server's event loop (see suggest-runner.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { type SuggestAnswer, type SuggestOptions, suggestThemes } from './suggest';

const { answers, options } = workerData as { answers: SuggestAnswer[]; options: SuggestOptions };
parentPort?.postMessage(suggestThemes(answers, options));

// npm run test:differential -- --runs N [--seed S]: the differential test at any size, printing the
// shrunk counterexample (definition, answers, both verdicts) of the first disagreement.
import fc from 'fast-check';
import { differentialProperty } from './survey-core-differential';

function option(name: string): number | undefined {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : undefined;
  return value !== undefined && Number.isFinite(value) ? value : undefined;
}

const numRuns = option('runs') ?? 1000;
const seed = option('seed');
const started = Date.now();
const result = fc.check(differentialProperty(), { numRuns, ...(seed === undefined ? {} : { seed }) });
if (result.failed) {
  console.error(fc.defaultReportMessage(result));
  console.error(result.errorInstance instanceof Error ? result.errorInstance.message : result.errorInstance);
  process.exitCode = 1;
} else {
  console.log(`${result.numRuns} scenarios, no disagreement outside "stricter by design" (${Date.now() - started} ms)`);
}

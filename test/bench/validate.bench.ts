// Complete-mode validations per second of one 40-question response to the seeded questionnaire:
// the compiled validator against a baseline that builds a survey-core Model per response.
// Prints figures only; nothing here is asserted (timings depend on the machine).
import { compileValidator, validateAnswers } from '@concord/shared';
import { Model } from 'survey-core';
import { CHARTER_REVIEW_V2 } from '../../server/src/surveys/seed/charter-review-v2';
import { CHARTER_REVIEW_V2_SAMPLE_RESPONSE } from '../../server/src/surveys/seed/charter-review-sample';
import { reportBench } from './bench-report';

function perSecond(label: string, seconds: number, run: () => void): number {
  for (let warm = 0; warm < 20; warm++) run();
  let count = 0;
  const started = process.hrtime.bigint();
  const budget = BigInt(Math.round(seconds * 1e9));
  let elapsed = 0n;
  while (elapsed < budget) {
    for (let batch = 0; batch < 10; batch++) run();
    count += 10;
    elapsed = process.hrtime.bigint() - started;
  }
  const rate = count / (Number(elapsed) / 1e9);
  console.log(`${label.padEnd(48)} ${Math.round(rate).toLocaleString('en-GB').padStart(10)} /s  (${count} runs)`);
  return rate;
}

const data = CHARTER_REVIEW_V2_SAMPLE_RESPONSE;
const compileStarted = process.hrtime.bigint();
const compiled = compileValidator(CHARTER_REVIEW_V2);
const compileMs = Number(process.hrtime.bigint() - compileStarted) / 1e6;

const problems = validateAnswers(compiled, data, 'complete');
if (problems.length > 0) throw new Error(`The sample response is not valid: ${JSON.stringify(problems)}`);

console.log(`compileValidator (once per version): ${compileMs.toFixed(1)} ms`);
const compiledRate = perSecond('compiled validator, complete mode', 3, () => {
  validateAnswers(compiled, data, 'complete');
});
const baselineRate = perSecond('baseline: new survey-core Model + validate()', 3, () => {
  const model = new Model(CHARTER_REVIEW_V2);
  model.data = data;
  model.validate(false, false);
});
console.log(
  `speed-up: ${(compiledRate / baselineRate).toFixed(0)}x; target 5,000/s: ${compiledRate >= 5000 ? 'met' : 'NOT met'}`,
);
reportBench({
  name: 'Strict answer validation, one 40-question response of the seeded questionnaire, one core',
  figures: [
    {
      label: 'complete-mode validations per second',
      value: compiledRate,
      unit: 'validations/s',
      baseline: { label: 'new survey-core Model + validate() per response', value: baselineRate },
      target: { op: '>=', value: 5000 },
    },
  ],
  notes: [`compiling the validator once per version takes ${compileMs.toFixed(1)} ms`],
});

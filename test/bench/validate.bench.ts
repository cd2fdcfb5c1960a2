// Complete-mode validations per second of one 40-question response to the seeded questionnaire:
// the compiled validator against a baseline that builds a survey-core Model per response.
// Prints figures only; nothing here is asserted (timings depend on the machine). Besides wall-clock
// rates it prints rates per CPU-second of this process and the load average: on a shared machine
// the wall-clock rate measures the other processes as much as the validator.
import { cpus, loadavg } from 'node:os';
import { compileValidator, validateAnswers } from '@concord/shared';
import { Model } from 'survey-core';
import { CHARTER_REVIEW_V2 } from '../../server/src/surveys/seed/charter-review-v2';
import { CHARTER_REVIEW_V2_SAMPLE_RESPONSE } from '../../server/src/surveys/seed/charter-review-sample';
import { reportBench } from './bench-report';

interface Rates {
  wall: number;
  cpu: number;
}

function perSecond(label: string, seconds: number, run: () => void): Rates {
  for (let warm = 0; warm < 20; warm++) run();
  let count = 0;
  const cpuStarted = process.cpuUsage();
  const started = process.hrtime.bigint();
  const budget = BigInt(Math.round(seconds * 1e9));
  let elapsed = 0n;
  while (elapsed < budget) {
    for (let batch = 0; batch < 10; batch++) run();
    count += 10;
    elapsed = process.hrtime.bigint() - started;
  }
  const cpu = process.cpuUsage(cpuStarted);
  const rate = count / (Number(elapsed) / 1e9);
  const cpuRate = count / ((cpu.user + cpu.system) / 1e6);
  const show = (value: number): string => Math.round(value).toLocaleString('en-GB').padStart(10);
  console.log(`${label.padEnd(48)} ${show(rate)} /s, ${show(cpuRate)} /CPU-s  (${count} runs)`);
  return { wall: rate, cpu: cpuRate };
}

const load = (): string =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
const loadBefore = load();

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
const loadAfter = load();
const TARGET = 50_000;
console.log(
  `speed-up: ${(compiledRate.wall / baselineRate.wall).toFixed(0)}x; target ${TARGET.toLocaleString('en-GB')}/s: ` +
    `${compiledRate.wall >= TARGET ? 'met' : 'NOT met'} (per CPU-second: ${compiledRate.cpu >= TARGET ? 'met' : 'NOT met'}); ` +
    `load average ${loadBefore} before, ${loadAfter} after (${cpus().length} cores)`,
);
reportBench({
  name: 'Strict answer validation, one 40-question response of the seeded questionnaire, one core',
  figures: [
    {
      label: 'complete-mode validations per second',
      value: compiledRate.wall,
      unit: 'validations/s',
      baseline: { label: 'new survey-core Model + validate() per response', value: baselineRate.wall },
      target: { op: '>=', value: TARGET },
    },
    {
      label: 'complete-mode validations per CPU-second of the process',
      value: compiledRate.cpu,
      unit: 'validations/CPU-s',
      baseline: { label: 'new survey-core Model + validate() per response', value: baselineRate.cpu },
      target: { op: '>=', value: TARGET },
    },
  ],
  notes: [
    `compiling the validator once per version takes ${compileMs.toFixed(1)} ms`,
    `load average ${loadBefore} before, ${loadAfter} after, on ${cpus().length} cores`,
  ],
});

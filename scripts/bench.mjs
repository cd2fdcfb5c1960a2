// Runs every benchmark (`npm run bench:<name>`), collects the BENCH_JSON line each prints, and
// writes docs/BENCHMARKS.md with every figure beside its baseline and target. The raw results are
// kept in docs/benchmarks.json, so running only some benchmarks keeps the others' last figures.
//   npm run bench              all of them
//   npm run bench -- tally     only some
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts;
const ORDER = ['validate', 'http', 'ingest', 'tally', 'diff', 'startup', 'respondent', 'suggest'];
const available = ORDER.filter((name) => scripts[`bench:${name}`] !== undefined);
const wanted = process.argv.slice(2).length > 0 ? process.argv.slice(2) : available;

function run(name) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', `bench:${name}`], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const results = [];
    let buffered = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const line of lines) if (line.startsWith('BENCH_JSON ')) results.push(JSON.parse(line.slice(11)));
    });
    child.on('exit', (code) => resolve({ name, code, results }));
  });
}

const store = join(root, 'docs', 'benchmarks.json');
let previous = {};
try {
  previous = JSON.parse(readFileSync(store, 'utf8'));
} catch {
  // first run
}
const fmt = (value) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
const runs = [];
for (const name of wanted) runs.push(await run(name));
const measuredAt = new Date().toISOString().slice(0, 10);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const merged = { ...previous };
for (const run of runs) {
  if (run.results.length > 0) merged[run.name] = { measuredAt, machine, results: run.results };
}
const ordered = ORDER.filter((name) => merged[name] !== undefined || wanted.includes(name));

const lines = [
  '# Benchmarks',
  '',
  `Written by \`npm run bench\` (last run ${measuredAt} on ${machine}). Each figure stands beside a baseline measured in ` +
    'the same run; the machines are shared, so compare ratios rather than absolute numbers between runs.',
  '',
  '| benchmark | figure | value | baseline | ratio | target | met |',
  '|---|---|---|---|---|---|---|',
];
const failed = new Set(runs.filter((run) => run.results.length === 0).map((run) => run.name));
for (const name of ordered) {
  if (merged[name] === undefined || failed.has(name)) {
    lines.push(`| ${name} | (no result in the last run) | | | | | |`);
    if (merged[name] === undefined) continue;
  }
  for (const result of merged[name].results) {
    for (const figure of result.figures) {
      const baseline = figure.baseline ? `${fmt(figure.baseline.value)} ${figure.unit} (${figure.baseline.label})` : '';
      const ratio = figure.baseline ? `${fmt(figure.value / figure.baseline.value)}×` : '';
      const target = figure.target ? `${figure.target.op} ${figure.target.value} ${figure.unit}` : '';
      const met = figure.target
        ? (figure.target.op === '<=' ? figure.value <= figure.target.value : figure.value >= figure.target.value)
          ? 'yes'
          : '**no**'
        : '';
      lines.push(
        `| ${result.name} | ${figure.label} | ${fmt(figure.value)} ${figure.unit} | ${baseline} | ${ratio} | ${target} | ${met} |`,
      );
    }
  }
}
const notes = ordered.flatMap((name) =>
  (merged[name]?.results ?? []).flatMap((result) => [
    `- ${result.name} (${merged[name].measuredAt}): ${(result.notes ?? []).join('; ') || 'no notes'}`,
  ]),
);
if (notes.length > 0) lines.push('', '## Notes', '', ...notes);
// The hand-written analysis after the generated part (from FINDINGS on) is kept as it is.
const FINDINGS = '\n## Where the time goes';
let written = '';
try {
  written = readFileSync(join(root, 'docs', 'BENCHMARKS.md'), 'utf8');
} catch {
  // first run
}
if (written.includes(FINDINGS)) lines.push(written.slice(written.indexOf(FINDINGS)).trimEnd());
mkdirSync(join(root, 'docs'), { recursive: true });
writeFileSync(join(root, 'docs', 'BENCHMARKS.md'), lines.join('\n') + '\n');
writeFileSync(store, JSON.stringify(merged, null, 2) + '\n');
console.log(`\nWrote docs/BENCHMARKS.md (${runs.length} benchmarks).`);
process.exit(runs.some((run) => run.code !== 0) ? 1 : 0);

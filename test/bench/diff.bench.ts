// Diff time for two revisions of a generated 100,000-word charter: with 1% of paragraphs edited,
// and fully rewritten; next to a baseline of one plain diffWords over the whole text.
import type { CharterClause } from '@concord/shared';
import { diffWords } from 'diff';
import { diffClauses } from '../../server/src/charter/clause-diff';
import { reportBench } from './bench-report';

const CLAUSES = 50;
const PARAGRAPHS_PER_CLAUSE = 20;
const WORDS_PER_PARAGRAPH = 100;
const BASELINE_TIMEOUT_MS = 10_000;

/** A small deterministic generator, so every run diffs the same texts. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const VOCABULARY = (
  'network partner country secretariat regional national focal point team round table meeting project ' +
  'assistance expert risk chemical biological radiological nuclear capacity training exercise needs assessment ' +
  'action plan priority the of and to in for with by on is are may shall will each all its their which'
).split(' ');

function paragraph(next: () => number): string {
  const words = Array.from({ length: WORDS_PER_PARAGRAPH }, () => VOCABULARY[Math.floor(next() * VOCABULARY.length)]);
  return `${words.join(' ')}.`;
}

function charter(seed: number): CharterClause[] {
  const next = random(seed);
  return Array.from({ length: CLAUSES }, (_v, c) => ({
    id: `clause-${c}`,
    heading: `Article ${c + 1}`,
    body: Array.from({ length: PARAGRAPHS_PER_CLAUSE }, () => paragraph(next)).join('\n\n'),
  }));
}

/** Edits a few words in 1% of the paragraphs. */
function editOnePercent(clauses: CharterClause[], seed: number): CharterClause[] {
  const next = random(seed);
  const total = CLAUSES * PARAGRAPHS_PER_CLAUSE;
  const chosen = new Set<number>();
  while (chosen.size < total / 100) chosen.add(Math.floor(next() * total));
  return clauses.map((clause, c) => ({
    ...clause,
    body: clause.body
      .split('\n\n')
      .map((text, p) => {
        if (!chosen.has(c * PARAGRAPHS_PER_CLAUSE + p)) return text;
        const words = text.split(' ');
        for (let k = 0; k < 5; k++) words[Math.floor(next() * words.length)] = 'amended';
        return words.join(' ');
      })
      .join('\n\n'),
  }));
}

function wholeText(clauses: CharterClause[]): string {
  return clauses.map((clause) => `${clause.heading}\n\n${clause.body}`).join('\n\n');
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(work: () => unknown, runs: number): number {
  work();
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    work();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

const base = charter(1);
const words = wholeText(base).split(/\s+/).length;
const edited = editOnePercent(base, 2);
const rewritten = charter(3);

const editedMs = time(() => diffClauses(base, edited), 7);
const rewrittenMs = time(() => diffClauses(base, rewritten), 3);
const baselineEditedMs = time(() => diffWords(wholeText(base), wholeText(edited)), 1);
const started = performance.now();
const baselineRewritten = diffWords(wholeText(base), wholeText(rewritten), { timeout: BASELINE_TIMEOUT_MS });
const baselineRewrittenMs = performance.now() - started;

reportBench({
  name: 'Charter diff',
  figures: [
    {
      label: `1% of paragraphs edited (${words} words)`,
      value: editedMs,
      unit: 'ms',
      baseline: { label: 'diffWords over the whole text', value: baselineEditedMs },
      target: { op: '<=', value: 200 },
    },
    {
      label: `fully rewritten (${words} words)`,
      value: rewrittenMs,
      unit: 'ms',
      baseline: {
        label: `diffWords over the whole text${baselineRewritten === undefined ? ', gave up at its timeout' : ''}`,
        value: baselineRewrittenMs,
      },
      target: { op: '<=', value: 1_000 },
    },
  ],
  notes: [
    `${CLAUSES} clauses × ${PARAGRAPHS_PER_CLAUSE} paragraphs × ${WORDS_PER_PARAGRAPH} words; medians of repeated runs after a warm-up`,
    `the whole-text baseline for the rewrite runs with a ${BASELINE_TIMEOUT_MS} ms timeout`,
  ],
});

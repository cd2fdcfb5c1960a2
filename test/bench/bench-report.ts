import { cpus, totalmem } from 'node:os';

/** One measured figure, with the baseline measured in the same run and the target it is held to. */
export interface BenchFigure {
  label: string;
  value: number;
  unit: string;
  /** The same work done the plain way, in the same run, same unit. */
  baseline?: { label: string; value: number };
  /** e.g. { op: '>=', value: 5000 } */
  target?: { op: '<=' | '>='; value: number };
}

export interface BenchResult {
  name: string;
  figures: BenchFigure[];
  notes?: string[];
}

export const BENCH_JSON_PREFIX = 'BENCH_JSON ';

export function machineDescription(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

export function meetsTarget(figure: BenchFigure): boolean | null {
  if (figure.target === undefined) return null;
  return figure.target.op === '<=' ? figure.value <= figure.target.value : figure.value >= figure.target.value;
}

function format(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

/** Prints the figures for people, then one JSON line that `npm run bench` collects. */
export function reportBench(result: BenchResult): void {
  console.log(`\n${result.name} — ${machineDescription()}`);
  for (const figure of result.figures) {
    const baseline =
      figure.baseline === undefined
        ? ''
        : `   baseline (${figure.baseline.label}): ${format(figure.baseline.value)} ${figure.unit}, ratio ${format(figure.value / figure.baseline.value)}×`;
    const target =
      figure.target === undefined
        ? ''
        : `   target ${figure.target.op} ${figure.target.value} ${figure.unit}: ${meetsTarget(figure) ? 'met' : 'MISSED'}`;
    console.log(`  ${figure.label}: ${format(figure.value)} ${figure.unit}${baseline}${target}`);
  }
  for (const note of result.notes ?? []) console.log(`  note: ${note}`);
  console.log(BENCH_JSON_PREFIX + JSON.stringify(result));
}

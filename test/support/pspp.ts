import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's PSPP (`apt-get install pspp`, as .ci/run does). */
export const PSPP = process.env.PSPP_PATH ?? '/usr/bin/pspp';

/**
 * Runs PSPP on a syntax file and returns its output as CSV text (tables one after another). The
 * syntax gets `dir`, a scratch directory for files it reads or writes; it is removed afterwards.
 */
export function runPspp(
  syntax: (dir: string) => string,
  files: Record<string, Buffer> = {},
): {
  output: string;
  written: Record<string, string>;
} {
  const dir = mkdtempSync(join(tmpdir(), 'concord-pspp-'));
  try {
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
    writeFileSync(join(dir, 'run.sps'), syntax(dir));
    execFileSync(PSPP, ['-o', join(dir, 'out.csv'), '-O', 'format=csv', join(dir, 'run.sps')], { stdio: 'pipe' });
    const written: Record<string, string> = {};
    for (const name of ['values.csv', 'labels.csv']) {
      try {
        written[name] = readFileSync(join(dir, name), 'utf8');
      } catch {
        // Only the files the syntax wrote.
      }
    }
    return { output: readFileSync(join(dir, 'out.csv'), 'utf8'), written };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Syntax that opens `file` and shows everything a reader sees, then saves values and labels as CSV. */
export function describeSavSyntax(dir: string, file: string): string {
  return [
    `GET FILE='${join(dir, file)}'.`,
    'DISPLAY DICTIONARY.',
    'LIST.',
    `SAVE TRANSLATE /OUTFILE='${join(dir, 'values.csv')}' /TYPE=CSV /FIELDNAMES /CELLS=VALUES /REPLACE.`,
    `SAVE TRANSLATE /OUTFILE='${join(dir, 'labels.csv')}' /TYPE=CSV /FIELDNAMES /CELLS=LABELS /REPLACE.`,
    '',
  ].join('\n');
}

/** CSV lines without the line ends. */
export function lines(text: string | undefined): string[] {
  return (text ?? '').trim().split(/\r?\n/);
}

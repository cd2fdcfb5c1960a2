// Runs the fault tests (test/fault): crashes, database outages, several instances, hostile input.
//   npm run test:fault                    CI-size loads
//   npm run test:fault -- --full          the long versions (FAULT_FULL=1)
//   npm run test:fault -- <jest args>     e.g. a path to run one file
// The files run one after the other: each one times a load, and two at once would skew it.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const env = { ...process.env };
if (args.includes('--full')) env.FAULT_FULL = '1';
const jestArgs = args.filter((arg) => arg !== '--full');
const jest = createRequire(import.meta.url).resolve('jest/bin/jest');
const child = spawn(
  process.execPath,
  [jest, '--selectProjects', 'fault', '--runInBand', '--testTimeout=600000', ...jestArgs],
  {
    cwd: root,
    env,
    stdio: 'inherit',
  },
);
child.on('exit', (code) => process.exit(code ?? 1));

// Start-up time: `npm start` on a fresh data directory until /api/health answers 200, next to a
// baseline of the embedded PostgreSQL alone (initdb + start) measured in the same run.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort, startEmbeddedCluster } from '../../server/src/database/embedded-postgres';
import { reportBench } from './bench-report';

const root = join(__dirname, '..', '..');

function freshDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

async function timeToHealthy(command: string, args: string[]): Promise<number> {
  const dataDir = freshDir('concord-bench-start-');
  const port = await findFreePort();
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: root,
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${command} ${args.join(' ')} exited with ${child.exitCode}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return performance.now() - started;
      } catch {
        // not yet
      }
      if (performance.now() - started > 300_000) throw new Error('not healthy within 300 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGINT');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const baseDir = freshDir('concord-bench-pg-');
  const pgStarted = performance.now();
  const cluster = await startEmbeddedCluster({ baseDir });
  const pgMs = performance.now() - pgStarted;
  await cluster.stop();
  rmSync(baseDir, { recursive: true, force: true });

  const serverMs = await timeToHealthy(process.execPath, ['server/dist/server/src/main.js']);
  const npmStartMs = await timeToHealthy('npm', ['start']);
  reportBench({
    name: 'Start-up on a fresh data directory',
    figures: [
      {
        label: 'built server to healthy /api/health',
        value: serverMs / 1000,
        unit: 's',
        baseline: { label: 'embedded PostgreSQL initdb + start alone', value: pgMs / 1000 },
      },
      {
        label: '`npm start` (incremental build included) to healthy',
        value: npmStartMs / 1000,
        unit: 's',
        baseline: { label: 'embedded PostgreSQL initdb + start alone', value: pgMs / 1000 },
      },
    ],
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

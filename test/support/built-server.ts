import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '../../server/src/database/embedded-postgres';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './test-app';

export const SERVER_MAIN = join(__dirname, '..', '..', 'server', 'dist', 'server', 'src', 'main.js');

export interface BuiltServer {
  origin: string;
  port: number;
  process: ChildProcess;
  output(): string;
  /** SIGTERM and wait (a clean stop). */
  stop(): Promise<void>;
  /** SIGKILL and wait (a crash). */
  kill(): Promise<void>;
}

async function waitHealthy(
  origin: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The server exited (${child.exitCode ?? child.signalCode}):\n${output()}`);
    }
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`The server did not become healthy:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The built server (`npm run build`) as a real process on a free port against `databaseUrl`. */
export async function spawnBuiltServer(
  databaseUrl: string,
  env: Record<string, string> = {},
  port?: number,
): Promise<BuiltServer> {
  if (!existsSync(SERVER_MAIN)) throw new Error(`${SERVER_MAIN} is missing: run npm run build first`);
  const listenPort = port ?? (await findFreePort());
  const dataDir = mkdtempSync(join(tmpdir(), 'concord-server-'));
  let output = '';
  // SERVER_NODE_ARGS lets a profiling run pass e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, SERVER_MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(listenPort),
      DATA_DIR: dataDir,
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const origin = `http://127.0.0.1:${listenPort}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const cleanUp = (): void => rmSync(dataDir, { recursive: true, force: true });
  try {
    await waitHealthy(origin, child, () => output, 60_000);
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    cleanUp();
    throw error;
  }
  const end = async (signal: NodeJS.Signals): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
    cleanUp();
  };
  return {
    origin,
    port: listenPort,
    process: child,
    output: () => output,
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
  };
}

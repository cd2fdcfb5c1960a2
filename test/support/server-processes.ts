import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '../../server/src/database/embedded-postgres';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './test-app';

const SERVER_MAIN = join(__dirname, '..', '..', 'server', 'dist', 'server', 'src', 'main.js');

/** Every instance of one test shares this secret, as instances behind one load balancer must. */
export const SHARED_LINK_SECRET = 'fault-test-link-secret-0123456789-abcdefghijklmnop';

export interface ServerProcess {
  origin: string;
  port: number;
  pid: number;
  output(): string;
  /** True while the process has not exited. */
  alive(): boolean;
  /** Resolves with the exit code or signal once the process has exited. */
  exited: Promise<number | string | null>;
  /** kill -9: no shutdown hooks, in-flight requests get no answer. */
  killHard(): Promise<void>;
  /** SIGTERM and wait. */
  stop(): Promise<void>;
}

export interface SpawnOptions {
  databaseUrl: string;
  port?: number;
  env?: Record<string, string>;
  /** How long to wait for GET /api/health to answer 200. */
  readyTimeoutMs?: number;
}

/**
 * The built server (`npm run build`) as a real process on the given database. Start-up runs the
 * migrations, so several instances on one database are started one after the other.
 */
export async function spawnServer(options: SpawnOptions): Promise<ServerProcess> {
  if (!existsSync(SERVER_MAIN)) throw new Error(`${SERVER_MAIN} is missing: run npm run build first`);
  const port = options.port ?? (await findFreePort());
  const dataDir = mkdtempSync(join(tmpdir(), 'concord-fault-'));
  let output = '';
  // SERVER_NODE_ARGS lets a profiling run pass e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, SERVER_MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: dataDir,
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      LINK_SECRET: SHARED_LINK_SECRET,
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      RESPOND_RATE_LIMIT: '10000000',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const append = (chunk: Buffer): void => {
    output += chunk.toString();
    // Keep the tail only: a long load test may log a lot.
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<number | string | null>((resolve) => {
    child.once('exit', (code, signal) => {
      rmSync(dataDir, { recursive: true, force: true });
      resolve(code ?? signal);
    });
  });
  const alive = (): boolean => child.exitCode === null && child.signalCode === null;
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (!alive()) throw new Error(`The server exited (${child.exitCode ?? child.signalCode}):\n${output}`);
    try {
      const response = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The server did not become healthy:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const signalAndWait = async (signal: NodeJS.Signals): Promise<void> => {
    if (!alive()) return;
    child.kill(signal);
    await exited;
  };
  return {
    origin,
    port,
    pid: child.pid ?? -1,
    output: () => output,
    alive,
    exited,
    killHard: () => signalAndWait('SIGKILL'),
    stop: () => signalAndWait('SIGTERM'),
  };
}

/** N instances on one database, started in turn (the first one migrates it). */
export async function spawnServers(count: number, options: SpawnOptions): Promise<ServerProcess[]> {
  const servers: ServerProcess[] = [];
  for (let index = 0; index < count; index++) servers.push(await spawnServer({ ...options, port: undefined }));
  return servers;
}

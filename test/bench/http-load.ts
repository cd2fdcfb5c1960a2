// Load generation for the HTTP benchmarks: autocannon (one efficient client, 32 keep-alive
// connections) against Concord and, in the same run, against a bare Node http server that is the
// ceiling of this machine at that moment.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export const CONNECTIONS = 32;
/** Linux's USER_HZ, the unit of /proc/<pid>/stat times. */
const CLOCK_TICKS_PER_SECOND = 100;
export const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

export interface LoadResult {
  requestsPerSecond: number;
  /** CPU time (user + system) the server process spent per answered request, in µs. */
  serverCpuMicros: number | null;
  p50: number;
  p99: number;
  /** Answers per status code, e.g. { '200': 51234 }. */
  statuses: Record<string, number>;
  errors: number;
  total: number;
}

export interface LoadRequest {
  method?: 'GET' | 'POST' | 'PUT';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadOptions {
  origin: string;
  /** A fixed request, or one built per request (e.g. a fresh link token each time). */
  request: LoadRequest | (() => LoadRequest);
  /** Stop after this many requests instead of after DURATION_SECONDS. */
  amount?: number;
  /** The server's process id, to measure the CPU time it spends per request. */
  serverPid?: number;
}

/**
 * CPU time a process has used so far, in µs (Linux /proc; null elsewhere). On a busy shared
 * machine requests per second swing with the neighbours; CPU time per request much less.
 */
export function processCpuMicros(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ');
    const user = Number(fields?.[11]);
    const system = Number(fields?.[12]);
    if (!Number.isFinite(user) || !Number.isFinite(system)) return null;
    return ((user + system) * 1_000_000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/**
 * CPU time PostgreSQL has used so far, in µs: the postmaster (with its children that have exited,
 * which it has reaped) and every process it runs now (backends, WAL writer, checkpointer…).
 * Linux /proc only; null elsewhere.
 */
export function postgresCpuMicros(postmasterPid: number): number | null {
  const times = (pid: number): { ppid: number; own: number; reaped: number } | null => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ');
      const [ppid, user, system, childUser, childSystem] = [1, 11, 12, 13, 14].map((index) => Number(fields?.[index]));
      if (![ppid, user, system, childUser, childSystem].every(Number.isFinite)) return null;
      return { ppid, own: user + system, reaped: childUser + childSystem };
    } catch {
      return null;
    }
  };
  const postmaster = times(postmasterPid);
  if (postmaster === null) return null;
  let ticks = postmaster.own + postmaster.reaped;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === postmasterPid) continue;
    const child = times(Number(entry));
    if (child !== null && child.ppid === postmasterPid) ticks += child.own;
  }
  return (ticks * 1_000_000) / CLOCK_TICKS_PER_SECOND;
}

/** Runs the load and returns throughput, latency percentiles and what the server answered. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const build = typeof options.request === 'function' ? options.request : () => options.request as LoadRequest;
  const first = build();
  const statuses: Record<string, number> = {};
  const cpuBefore = options.serverPid === undefined ? null : processCpuMicros(options.serverPid);
  // The load's own span, first request to last answer: autocannon checks whether an `amount` is
  // done on its one-second ticker, so its duration rounds such a run up to whole seconds (a run
  // of 5.2 s reads 6.01 s).
  const startedAt = performance.now();
  let lastAnswerAt = startedAt;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.origin,
        connections: CONNECTIONS,
        ...(options.amount === undefined ? { duration: DURATION_SECONDS } : { amount: options.amount }),
        requests: [
          {
            method: first.method ?? 'GET',
            path: first.path,
            headers: first.headers ?? {},
            body: first.body,
            setupRequest: (request) => {
              const next = typeof options.request === 'function' ? build() : first;
              return {
                ...request,
                method: next.method ?? 'GET',
                path: next.path,
                headers: next.headers ?? {},
                body: next.body,
              };
            },
          },
        ],
      },
      (error, finished) =>
        error === null || error === undefined
          ? resolve(finished)
          : reject(error instanceof Error ? error : new Error(String(error))),
    );
    instance.on('response', (_client, statusCode) => {
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
      lastAnswerAt = performance.now();
    });
  });
  const cpuAfter = options.serverPid === undefined ? null : processCpuMicros(options.serverPid);
  const total = Object.values(statuses).reduce((sum, count) => sum + count, 0);
  return {
    requestsPerSecond: total / ((lastAnswerAt - startedAt) / 1000 || DURATION_SECONDS),
    serverCpuMicros: cpuBefore === null || cpuAfter === null || total === 0 ? null : (cpuAfter - cpuBefore) / total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    statuses,
    errors: result.errors + result.timeouts,
    total,
  };
}

export function describeStatuses(result: LoadResult): string {
  const codes = Object.entries(result.statuses)
    .map(([code, count]) => `${count}×${code}`)
    .join(', ');
  return `${codes || 'no answers'}${result.errors > 0 ? `, ${result.errors} errors` : ''}`;
}

/**
 * The ceiling: Node's http module alone, in a process of its own like Concord's server. GET
 * answers a fixed small JSON body (or the given file's bytes at /asset); POST reads the whole
 * body and answers 201 with a small JSON body, as a completion does.
 */
const BARE_SERVER = `
const http = require('node:http');
const fs = require('node:fs');
const asset = process.env.BARE_ASSET ? fs.readFileSync(process.env.BARE_ASSET) : null;
const json = Buffer.from(JSON.stringify({ statusCode: 401, error: 'unauthenticated', message: 'Sign in first' }));
const server = http.createServer((request, response) => {
  if (request.method === 'POST') {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.from(JSON.stringify({ received: Buffer.concat(chunks).length }));
      response.writeHead(201, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
      response.end(body);
    });
    return;
  }
  if (asset !== null && request.url === '/asset') {
    response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': asset.length });
    response.end(asset);
    return;
  }
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': json.length });
  response.end(json);
});
server.listen(0, '127.0.0.1', () => console.log('PORT ' + server.address().port));
`;

export interface BareServer {
  origin: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startBareServer(assetPath?: string): Promise<BareServer> {
  const child: ChildProcess = spawn(process.execPath, ['-e', BARE_SERVER], {
    env: { ...process.env, BARE_ASSET: assetPath ?? '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  const port = /PORT (\d+)/.exec(chunk.toString())?.[1];
  if (port === undefined) throw new Error(`The bare server did not start: ${chunk.toString()}`);
  return {
    origin: `http://127.0.0.1:${port}`,
    pid: child.pid ?? -1,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

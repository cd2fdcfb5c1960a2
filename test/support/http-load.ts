import { Agent, fetch as undiciFetch } from 'undici';

/**
 * Idle connections are dropped by this client after one second, well before the server's
 * five-second keep-alive timeout. With the defaults the client keeps an idle socket until just
 * before the server's timeout (its hint less one second, checked on a one-second tick), so a
 * request sent as the server closes that socket sees ECONNRESET: a client-side race, not an
 * answer of the server, and one that a stalled event loop (the app runs in this process) makes
 * likely.
 */
const dispatcher = new Agent({ keepAliveTimeout: 1_000, keepAliveMaxTimeout: 1_000 });

/** What a client saw: an HTTP answer, or none at all (status 0: refused, reset, timed out). */
export interface HttpOutcome {
  status: number;
  body: unknown;
  error?: string;
  ms: number;
}

export interface CallOptions {
  method?: string;
  headers?: Record<string, string>;
  /** A JSON value, or raw bytes / text sent as they are. */
  json?: unknown;
  raw?: string | Uint8Array;
  timeoutMs?: number;
}

/** One request with fetch; never throws: a request that got no answer is status 0. */
export async function call(url: string, options: CallOptions = {}): Promise<HttpOutcome> {
  const started = performance.now();
  const headers: Record<string, string> = { ...options.headers };
  let body: string | Uint8Array | undefined;
  if (options.json !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.raw !== undefined) {
    body = options.raw;
  }
  try {
    const response = await undiciFetch(url, {
      dispatcher,
      method: options.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed, ms: performance.now() - started };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const message = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
    return { status: 0, body: null, error: message, ms: performance.now() - started };
  }
}

/**
 * Runs `work` over every item with at most `concurrency` in flight (each worker takes the next
 * item when its last one is done). Resolves when all are done or `shouldStop()` says so.
 */
export async function forEachConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
  shouldStop: () => boolean = () => false,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !shouldStop()) {
      const index = next++;
      await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, () => worker()));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A count of statuses, for messages that say what was seen. */
export function statusCounts(outcomes: Iterable<HttpOutcome>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const outcome of outcomes) {
    const key = outcome.status === 0 ? `no answer (${outcome.error ?? '?'})` : String(outcome.status);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';

import type { CompletionResult, PartialSaveInput, PartialSaveResult, RespondentViewDto } from '@concord/shared';

import { emptyLocalState, type LocalLinkState } from './local-store';
import { type Connectivity, ResponseSync, type SyncTransport } from './response-sync';

const TOKEN = 't'.repeat(43);

class HttpFailure extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

class FakeNetwork implements Connectivity, SyncTransport {
  online = true;
  saves: PartialSaveInput[] = [];
  completions: Array<{ data: Record<string, unknown>; key: string }> = [];
  /** Completions the server stored, by Idempotency-Key: a retry with the same key gets the same receipt. */
  stored = new Map<string, CompletionResult>();
  /** The next answers the server gives: an error to throw, or undefined for success. */
  failures: Array<{ statusCode: number; message: string; details?: unknown }> = [];
  /** Completions that reach the server but whose answer is lost on the way back. */
  loseAnswers = 0;
  private listeners = new Set<(online: boolean) => void>();

  isOnline(): boolean {
    return this.online;
  }
  onChange(listener: (online: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  setOnline(online: boolean): void {
    this.online = online;
    for (const listener of this.listeners) listener(online);
  }
  private reach(): void {
    if (!this.online) throw new HttpFailure(0, 'offline');
    const failure = this.failures.shift();
    if (failure !== undefined) throw new HttpFailure(failure.statusCode, failure.message, failure.details);
  }
  async save(_token: string, body: PartialSaveInput): Promise<PartialSaveResult> {
    this.reach();
    this.saves.push(body);
    return { status: 'partial', savedAt: new Date(1_000 * this.saves.length).toISOString() };
  }
  async complete(_token: string, data: Record<string, unknown>, key: string): Promise<CompletionResult> {
    this.reach();
    this.completions.push({ data, key });
    const result = this.stored.get(key) ?? {
      responseId: `r${this.stored.size + 1}`,
      receipt: `RCPT-${this.stored.size + 1}`,
    };
    this.stored.set(key, result);
    if (this.loseAnswers > 0) {
      this.loseAnswers -= 1;
      throw new HttpFailure(0, 'connection reset');
    }
    return result;
  }
  async view(): Promise<RespondentViewDto> {
    throw new Error('not used');
  }
}

class MemoryStorage {
  last: LocalLinkState | null = null;
  async write(state: LocalLinkState): Promise<void> {
    this.last = structuredClone(state);
  }
}

function setup(mode: 'server' | 'device' = 'server', initial: Partial<LocalLinkState> = {}) {
  const network = new FakeNetwork();
  const storage = new MemoryStorage();
  const sync = new ResponseSync(TOKEN, mode, { ...emptyLocalState(TOKEN), ...initial }, network, storage, network);
  sync.start();
  return { network, storage, sync };
}

/** Lets the promise chains started by timers and events run to their end. */
async function settle(): Promise<void> {
  for (let round = 0; round < 10; round++) await Promise.resolve();
}

describe('ResponseSync', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('keeps every change on the device at once and sends it to the server a few seconds after typing', async () => {
    const { network, storage, sync } = setup();
    await sync.update({ answers: { q1: 'a' }, currentPage: 0, locale: 'fr' }, 'later');
    expect(storage.last?.answers).toEqual({ q1: 'a' });
    expect(sync.getState().unsaved).toBe(true);
    expect(network.saves).toEqual([]);
    await jest.advanceTimersByTimeAsync(3_000);
    await settle();
    expect(network.saves).toEqual([{ data: { q1: 'a' }, currentPage: 0, locale: 'fr' }]);
    expect(sync.getState()).toMatchObject({ unsaved: false, serverSavedAt: new Date(1_000).toISOString() });
    expect(storage.last).toMatchObject({ revision: 1, serverRevision: 1 });
  });

  it('saves at once on a page change, and keeps offline changes on the device until the connection returns', async () => {
    const { network, storage, sync } = setup();
    network.setOnline(false);
    await sync.update({ answers: { q1: 'a' }, currentPage: 1, locale: 'en' }, 'now');
    await settle();
    expect(network.saves).toEqual([]);
    expect(sync.getState()).toMatchObject({ online: false, unsaved: true, serverSavedAt: null });
    expect(storage.last).toMatchObject({ answers: { q1: 'a' }, currentPage: 1, revision: 1, serverRevision: 0 });
    network.setOnline(true);
    await settle();
    expect(network.saves).toEqual([{ data: { q1: 'a' }, currentPage: 1, locale: 'en' }]);
    expect(sync.getState().unsaved).toBe(false);
  });

  it('retries a save the server could not take with growing delays, and stops on a refusal', async () => {
    const { network, sync } = setup();
    network.failures.push({ statusCode: 503, message: 'down' }, { statusCode: 503, message: 'down' });
    await sync.update({ answers: { q1: 'a' }, currentPage: 0, locale: null }, 'now');
    await settle();
    expect(sync.getState().retryInSeconds).toBe(1);
    await jest.advanceTimersByTimeAsync(1_000);
    await settle();
    expect(sync.getState().retryInSeconds).toBe(2);
    await jest.advanceTimersByTimeAsync(2_000);
    await settle();
    expect(network.saves).toHaveLength(1);
    expect(sync.getState()).toMatchObject({ unsaved: false, retryInSeconds: null, problem: null });

    network.failures.push({ statusCode: 422, message: '1 answer is not valid' });
    await sync.update({ answers: { q1: 'zzz' }, currentPage: 0, locale: null }, 'now');
    await settle();
    expect(sync.getState()).toMatchObject({ unsaved: true, problem: '1 answer is not valid', retryInSeconds: null });
  });

  it('sends an offline submission once the connection returns, and a lost answer is retried with the same key', async () => {
    const { network, storage, sync } = setup();
    network.setOnline(false);
    await sync.submit({ q1: 'a' }, 'key-1');
    expect(sync.getState().submission).toBe('waiting');
    expect(storage.last?.submission).toMatchObject({ data: { q1: 'a' }, idempotencyKey: 'key-1' });
    network.loseAnswers = 1;
    network.setOnline(true);
    await settle();
    // The server stored it but the answer was lost: the retry must carry the same key.
    expect(sync.getState().submission).toBe('waiting');
    await jest.advanceTimersByTimeAsync(1_000);
    await settle();
    expect(network.completions.map((completion) => completion.key)).toEqual(['key-1', 'key-1']);
    expect(network.stored.size).toBe(1);
    expect(sync.getState()).toMatchObject({ submission: 'none', receipt: { receipt: 'RCPT-1', data: { q1: 'a' } } });
    expect(storage.last).toMatchObject({ submission: null, receipt: { receipt: 'RCPT-1' } });
  });

  it('gives a refused submission back to the respondent with the server’s details, and drops its key', async () => {
    const { network, storage, sync } = setup();
    const details = [{ question: 'q2', message: 'An answer is required' }];
    network.failures.push({ statusCode: 422, message: '1 answer is not valid', details });
    await sync.submit({ q1: 'a' }, 'key-1');
    expect(sync.getState()).toMatchObject({
      submission: 'none',
      receipt: null,
      refusal: { statusCode: 422, message: '1 answer is not valid', details },
    });
    expect(storage.last?.submission).toBeNull();
  });

  it('keeps open-link answers on the device only, never saving them on the server', async () => {
    const { network, storage, sync } = setup('device');
    await sync.update({ answers: { q1: 'a' }, currentPage: 2, locale: 'ar' }, 'now');
    await jest.advanceTimersByTimeAsync(60_000);
    await settle();
    expect(network.saves).toEqual([]);
    expect(sync.getState().unsaved).toBe(false);
    expect(storage.last).toMatchObject({ answers: { q1: 'a' }, currentPage: 2, locale: 'ar' });
  });

  it('resends, on start, what an earlier visit left on the device', async () => {
    const network = new FakeNetwork();
    const storage = new MemoryStorage();
    const initial = {
      ...emptyLocalState(TOKEN),
      answers: { q1: 'b' },
      revision: 3,
      serverRevision: 2,
      submission: { data: { q1: 'b' }, idempotencyKey: 'key-9', queuedAt: '2026-01-01T00:00:00.000Z' },
    };
    const sync = new ResponseSync(TOKEN, 'server', initial, network, storage, network);
    expect(sync.getState().submission).toBe('waiting');
    sync.start();
    await settle();
    expect(network.saves).toEqual([]);
    expect(network.completions).toEqual([{ data: { q1: 'b' }, key: 'key-9' }]);
    expect(sync.getState().receipt?.receipt).toBe('RCPT-1');
  });
});

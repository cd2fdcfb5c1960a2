import { CompletionBatches, type DirectCompletion, type StoredCompletion } from './completion-batches';

function completion(name: string, link = `link-${name}`): DirectCompletion {
  return {
    id: `id-${name}`,
    tokenHash: link,
    versionId: 'version-1',
    data: { answer: name },
    receipt: `receipt-${name}`,
    idempotencyKey: null,
    requestHash: `hash-${name}`,
  };
}

/** A store whose statements finish when the test says, recording what each was given. */
class ManualStore {
  readonly calls: string[][] = [];
  private readonly pending: Array<{ finish: () => void }> = [];
  /** Receipts that make a statement fail, and receipts it leaves unstored. */
  failing = new Set<string>();
  unstored = new Set<string>();

  readonly store = (completions: readonly DirectCompletion[]): Promise<StoredCompletion[]> => {
    this.calls.push(completions.map((item) => item.receipt));
    return new Promise((resolve, reject) => {
      this.pending.push({
        finish: () => {
          const bad = completions.find((item) => this.failing.has(item.receipt));
          if (bad !== undefined) {
            reject(new Error(`cannot store ${bad.receipt}`));
            return;
          }
          resolve(
            completions
              .filter((item) => !this.unstored.has(item.receipt))
              .map((item) => ({ id: item.id, receipt: item.receipt })),
          );
        },
      });
    });
  };

  /** Finishes every statement running now; returns how many. */
  async finishAll(): Promise<number> {
    const running = this.pending.splice(0);
    for (const statement of running) statement.finish();
    await new Promise((resolve) => setImmediate(resolve));
    return running.length;
  }
}

describe('CompletionBatches', () => {
  it('sends a completion at once when no statement runs, and stores it', async () => {
    const store = new ManualStore();
    const batches = new CompletionBatches(store.store, { maxInFlight: 2, maxBatch: 64 });
    const result = batches.submit(completion('a'));
    expect(store.calls).toEqual([['receipt-a']]);
    await store.finishAll();
    await expect(result).resolves.toEqual({ id: 'id-a', receipt: 'receipt-a' });
  });

  it('groups the completions that arrive while statements run into the next statement, up to maxBatch', async () => {
    const store = new ManualStore();
    const batches = new CompletionBatches(store.store, { maxInFlight: 1, maxBatch: 3 });
    const results = ['a', 'b', 'c', 'd', 'e'].map((name) => batches.submit(completion(name)));
    expect(store.calls).toEqual([['receipt-a']]);
    await store.finishAll();
    expect(store.calls).toEqual([['receipt-a'], ['receipt-b', 'receipt-c', 'receipt-d']]);
    await store.finishAll();
    expect(store.calls.at(-1)).toEqual(['receipt-e']);
    await store.finishAll();
    const stored = await Promise.all(results);
    expect(stored.map((item) => item?.id)).toEqual(['id-a', 'id-b', 'id-c', 'id-d', 'id-e']);
  });

  it('runs up to maxInFlight statements at once', async () => {
    const store = new ManualStore();
    const batches = new CompletionBatches(store.store, { maxInFlight: 2, maxBatch: 64 });
    const results = ['a', 'b', 'c', 'd'].map((name) => batches.submit(completion(name)));
    expect(store.calls).toEqual([['receipt-a'], ['receipt-b']]);
    expect(await store.finishAll()).toBe(2);
    // Both finished: the waiting ones go together in one statement, the second slot stays free.
    expect(store.calls.slice(2)).toEqual([['receipt-c', 'receipt-d']]);
    await store.finishAll();
    expect((await Promise.all(results)).every((item) => item !== null)).toBe(true);
  });

  it('never puts two completions of one link in one statement', async () => {
    const store = new ManualStore();
    const batches = new CompletionBatches(store.store, { maxInFlight: 1, maxBatch: 64 });
    const results = [
      batches.submit(completion('first')),
      batches.submit(completion('again-1', 'link-shared')),
      batches.submit(completion('again-2', 'link-shared')),
      batches.submit(completion('other')),
    ];
    await store.finishAll();
    expect(store.calls[1]).toEqual(['receipt-again-1', 'receipt-other']);
    await store.finishAll();
    expect(store.calls[2]).toEqual(['receipt-again-2']);
    await store.finishAll();
    expect((await Promise.all(results)).map((item) => item?.receipt)).toEqual([
      'receipt-first',
      'receipt-again-1',
      'receipt-again-2',
      'receipt-other',
    ]);
  });

  it('answers null for a completion the statement did not store', async () => {
    const store = new ManualStore();
    store.unstored.add('receipt-b');
    const batches = new CompletionBatches(store.store, { maxInFlight: 1, maxBatch: 64 });
    const results = ['a', 'b', 'c'].map((name) => batches.submit(completion(name)));
    await store.finishAll();
    await store.finishAll();
    expect(await Promise.all(results)).toEqual([
      { id: 'id-a', receipt: 'receipt-a' },
      null,
      { id: 'id-c', receipt: 'receipt-c' },
    ]);
  });

  it('when a statement of several fails, tries each alone: only the bad one fails, with its own error', async () => {
    const store = new ManualStore();
    store.failing.add('receipt-c');
    const batches = new CompletionBatches(store.store, { maxInFlight: 1, maxBatch: 64 });
    const results = ['a', 'b', 'c', 'd'].map((name) =>
      batches.submit(completion(name)).then(
        (stored) => ({ stored: stored?.receipt ?? null }),
        (error: unknown) => ({ failed: (error as Error).message }),
      ),
    );
    await store.finishAll(); // a alone
    await store.finishAll(); // b, c, d together: fails
    expect(store.calls.slice(1)).toEqual([
      ['receipt-b', 'receipt-c', 'receipt-d'],
      ['receipt-b'],
      ['receipt-c'],
      ['receipt-d'],
    ]);
    await store.finishAll(); // each alone
    expect(await Promise.all(results)).toEqual([
      { stored: 'receipt-a' },
      { stored: 'receipt-b' },
      { failed: 'cannot store receipt-c' },
      { stored: 'receipt-d' },
    ]);
  });
});

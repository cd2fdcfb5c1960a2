/** A first completion through a personal link, ready to store: what the direct statement takes. */
export interface DirectCompletion {
  /** The new response's id (a partial response saved before keeps its own). */
  id: string;
  tokenHash: string;
  /** The survey version the answers were checked against: the link must pin it. */
  versionId: string;
  /** The answers as stored (with computed answers). */
  data: Record<string, unknown>;
  /** Unique per completion: how a batch's result finds its request. */
  receipt: string;
  idempotencyKey: string | null;
  requestHash: string;
}

/** What a batch statement returns per stored completion. */
export interface StoredCompletion {
  id: string;
  receipt: string;
}

/** Stores completions in one statement; returns those it stored (the others it left untouched). */
export type StoreCompletions = (completions: readonly DirectCompletion[]) => Promise<StoredCompletion[]>;

interface Waiting {
  completion: DirectCompletion;
  resolve(stored: StoredCompletion | null): void;
  reject(error: unknown): void;
}

export interface CompletionBatchOptions {
  /** Batch statements running at once. */
  maxInFlight: number;
  /** Completions per statement at most. */
  maxBatch: number;
}

/**
 * Group commit for first completions. A completion is sent at once while fewer than `maxInFlight`
 * statements run, so a quiet server adds no wait; under load, the completions that arrive while
 * statements run go together in the next one: one round trip, one transaction and one commit
 * for many. A batch never holds two completions of one link (the second waits for the next
 * batch, as it would wait for the first's row lock). When a batch of several fails, each of its
 * completions is tried alone, so one bad answer (a value PostgreSQL cannot store) fails only its
 * own request, with its own error.
 */
export class CompletionBatches {
  private readonly waiting: Waiting[] = [];
  private inFlight = 0;

  constructor(
    private readonly store: StoreCompletions,
    private readonly options: CompletionBatchOptions,
  ) {}

  /** Resolves with the stored completion, or null when the statement stored nothing for it. */
  submit(completion: DirectCompletion): Promise<StoredCompletion | null> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ completion, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.waiting.length > 0) {
      const batch = this.takeBatch();
      this.inFlight++;
      void this.run(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  /** The oldest waiting completions, at most one per link, up to maxBatch. */
  private takeBatch(): Waiting[] {
    const batch: Waiting[] = [];
    const links = new Set<string>();
    for (let index = 0; index < this.waiting.length && batch.length < this.options.maxBatch;) {
      const entry = this.waiting[index] as Waiting;
      if (links.has(entry.completion.tokenHash)) {
        index++;
        continue;
      }
      links.add(entry.completion.tokenHash);
      batch.push(entry);
      this.waiting.splice(index, 1);
    }
    return batch;
  }

  private async run(batch: readonly Waiting[]): Promise<void> {
    try {
      const stored = await this.store(batch.map((entry) => entry.completion));
      const byReceipt = new Map(stored.map((row) => [row.receipt, row]));
      for (const entry of batch) entry.resolve(byReceipt.get(entry.completion.receipt) ?? null);
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      await Promise.all(batch.map((entry) => this.run([entry])));
    }
  }
}

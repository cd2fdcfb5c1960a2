import type { RespondentViewDto } from '@concord/shared';

/** A completion waiting to be sent, with the key that makes sending it twice harmless. */
export interface PendingSubmission {
  data: Record<string, unknown>;
  idempotencyKey: string;
  queuedAt: string;
}

/** What the respondent keeps after submitting: the receipt and a copy of the answers sent. */
export interface StoredReceipt {
  receipt: string;
  responseId: string;
  data: Record<string, unknown>;
  submittedAt: string;
}

/**
 * Everything this device keeps for one link. `revision` counts local changes and
 * `serverRevision` the last of them the server confirmed, so "saved only on this device" is
 * exactly `revision > serverRevision`.
 */
export interface LocalLinkState {
  token: string;
  /** The last view the server sent: the pinned questionnaire, for a reload while offline. */
  view: RespondentViewDto | null;
  answers: Record<string, unknown>;
  currentPage: number;
  locale: string | null;
  revision: number;
  serverRevision: number;
  serverSavedAt: string | null;
  changedAt: string | null;
  submission: PendingSubmission | null;
  receipt: StoredReceipt | null;
}

export function emptyLocalState(token: string): LocalLinkState {
  return {
    token,
    view: null,
    answers: {},
    currentPage: 0,
    locale: null,
    revision: 0,
    serverRevision: 0,
    serverSavedAt: null,
    changedAt: null,
    submission: null,
    receipt: null,
  };
}

const DATABASE = 'concord-respondent';
const STORE = 'links';
/** Where open links kept their answers before this store existed. */
const LEGACY_KEY_PREFIX = 'concord:answers:';

function request<T>(operation: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    operation.onsuccess = () => resolve(operation.result);
    operation.onerror = () => reject(operation.error ?? new Error('IndexedDB request failed'));
  });
}

function openDatabase(): Promise<IDBDatabase | null> {
  if (typeof indexedDB === 'undefined') return Promise.resolve(null);
  return new Promise((resolve) => {
    const opening = indexedDB.open(DATABASE, 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore(STORE, { keyPath: 'token' });
    opening.onsuccess = () => resolve(opening.result);
    // A browser that refuses storage (some private modes) still gets a working page, in memory.
    opening.onerror = () => resolve(null);
    opening.onblocked = () => resolve(null);
  });
}

/**
 * The device's copy of each link's answers, in IndexedDB, so that they survive reloads, closed
 * tabs and lost connections. Writes are queued one after another, so the last write wins.
 */
export class LinkStore {
  private database: Promise<IDBDatabase | null> | null = null;
  private readonly memory = new Map<string, LocalLinkState>();
  private queue: Promise<void> = Promise.resolve();

  /** Whether the copy survives a reload (false when the browser refuses IndexedDB). */
  async isPersistent(): Promise<boolean> {
    return (await this.open()) !== null;
  }

  async read(token: string): Promise<LocalLinkState | null> {
    await this.queue.catch(() => undefined);
    const database = await this.open();
    if (database === null) return this.memory.get(token) ?? null;
    const stored = (await request(database.transaction(STORE).objectStore(STORE).get(token))) as
      LocalLinkState | undefined;
    return stored ?? this.readLegacy(token);
  }

  write(state: LocalLinkState): Promise<void> {
    const copy = structuredClone(state);
    // A failed write must not block the ones after it.
    const next = this.queue
      .catch(() => undefined)
      .then(async () => {
        const database = await this.open();
        if (database === null) {
          this.memory.set(copy.token, copy);
          return;
        }
        const transaction = database.transaction(STORE, 'readwrite');
        transaction.objectStore(STORE).put(copy);
        await new Promise<void>((resolve, reject) => {
          transaction.oncomplete = () => resolve();
          transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB write failed'));
        });
      });
    this.queue = next;
    return next;
  }

  private open(): Promise<IDBDatabase | null> {
    this.database ??= openDatabase();
    return this.database;
  }

  private readLegacy(token: string): LocalLinkState | null {
    const raw = window.localStorage.getItem(`${LEGACY_KEY_PREFIX}${token}`);
    if (raw === null) return null;
    window.localStorage.removeItem(`${LEGACY_KEY_PREFIX}${token}`);
    try {
      return { ...emptyLocalState(token), answers: JSON.parse(raw) as Record<string, unknown>, revision: 1 };
    } catch {
      return null;
    }
  }
}

export const linkStore = new LinkStore();

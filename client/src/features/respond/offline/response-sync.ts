import type { CompletionResult, PartialSaveInput, PartialSaveResult, RespondentViewDto } from '@concord/shared';

import type { LocalLinkState, StoredReceipt } from './local-store';
import { retryDelay, saveDelay, saveHold, type SyncMode } from './save-schedule';

export type { SyncMode } from './save-schedule';

export interface SyncSnapshot {
  answers: Record<string, unknown>;
  currentPage: number;
  locale: string | null;
}

/** Why a submission was not accepted, as the server said it. */
export interface SubmissionRefusal {
  statusCode: number;
  message: string;
  details: unknown;
}

export interface SyncState {
  mode: SyncMode;
  online: boolean;
  /** Changes kept on this device that the server has not confirmed yet (server mode). */
  unsaved: boolean;
  saving: boolean;
  serverSavedAt: string | null;
  deviceSavedAt: string | null;
  retryInSeconds: number | null;
  /** The server refused the last save, with its message; the answers stay on the device. */
  problem: string | null;
  /** A completion kept on this device until it is sent ("waiting"), or on its way ("sending"). */
  submission: 'none' | 'waiting' | 'sending';
  receipt: StoredReceipt | null;
  refusal: SubmissionRefusal | null;
  /** Changing a completed response: changes stay on the device until submitted again. */
  editing: boolean;
}

/** The HTTP calls the sync makes; the page passes the real ones, tests their own. */
export interface SyncTransport {
  save(token: string, body: PartialSaveInput): Promise<PartialSaveResult>;
  complete(token: string, data: Record<string, unknown>, idempotencyKey: string): Promise<CompletionResult>;
  view(token: string): Promise<RespondentViewDto>;
}

export interface SyncStorage {
  write(state: LocalLinkState): Promise<void>;
}

/** Whether the browser believes it is online, and word when that changes. */
export interface Connectivity {
  isOnline(): boolean;
  onChange(listener: (online: boolean) => void): () => void;
}

export interface HttpFailure {
  statusCode: number;
  message: string;
  details?: unknown;
}

function asFailure(error: unknown): HttpFailure {
  if (typeof error === 'object' && error !== null && 'statusCode' in error) {
    const { statusCode, message, details } = error as { statusCode: unknown; message?: unknown; details?: unknown };
    if (typeof statusCode === 'number') {
      return { statusCode, message: typeof message === 'string' ? message : '', details };
    }
  }
  return { statusCode: 0, message: error instanceof Error ? error.message : String(error) };
}

/** No answer at all, a server error or a rate limit: worth sending again later. */
export function isTransient(failure: HttpFailure): boolean {
  return failure.statusCode === 0 || failure.statusCode === 429 || failure.statusCode >= 500;
}

export function newIdempotencyKey(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * Keeps one link's answers on this device first and on the server as soon as it can. Every change
 * is written to the device at once; saves to the server follow a few seconds after typing or at
 * once on a page or language change, and whatever could not be sent is sent again when the
 * connection returns. A submission is kept on the device with its Idempotency-Key until the
 * server has answered it, so retrying it can never make a second response.
 */
export class ResponseSync {
  private local: LocalLinkState;
  private state: SyncState;
  private readonly listeners = new Set<() => void>();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private attempt = 0;
  private stopListening: (() => void) | null = null;

  constructor(
    private readonly token: string,
    readonly mode: SyncMode,
    initial: LocalLinkState,
    private readonly transport: SyncTransport,
    private readonly storage: SyncStorage,
    private readonly connectivity: Connectivity,
  ) {
    this.local = structuredClone(initial);
    this.state = {
      mode,
      online: connectivity.isOnline(),
      unsaved: mode === 'server' && initial.revision > initial.serverRevision,
      saving: false,
      serverSavedAt: initial.serverSavedAt,
      deviceSavedAt: initial.changedAt,
      retryInSeconds: null,
      problem: null,
      submission: initial.submission === null ? 'none' : 'waiting',
      receipt: initial.receipt,
      refusal: null,
      editing: false,
    };
  }

  getState = (): SyncState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Starts listening for the connection, and sends whatever an earlier visit left unsent. */
  start(): void {
    this.stopListening ??= this.connectivity.onChange((online) => {
      this.setState({ online });
      if (online) this.retryNow();
    });
    this.retryNow();
  }

  stop(): void {
    this.stopListening?.();
    this.stopListening = null;
    clearTimeout(this.saveTimer);
    clearTimeout(this.retryTimer);
  }

  /** Records a change on the device at once, and schedules sending it. */
  async update(snapshot: SyncSnapshot, urgency: 'later' | 'now'): Promise<void> {
    if (this.local.submission !== null) return;
    const changedAt = new Date().toISOString();
    this.local = {
      ...this.local,
      answers: snapshot.answers,
      currentPage: snapshot.currentPage,
      locale: snapshot.locale,
      revision: this.local.revision + 1,
      changedAt,
    };
    this.setState({ unsaved: this.mode === 'server' && !this.state.editing, deviceSavedAt: changedAt });
    const written = this.persist();
    const delay = saveDelay(this.mode, urgency);
    if (delay !== null) {
      clearTimeout(this.saveTimer);
      if (delay === 0) void this.flushSave();
      else this.saveTimer = setTimeout(() => void this.flushSave(), delay);
    }
    await written;
  }

  /** Sends unsaved changes now (a page change, leaving the page). */
  flush(): Promise<void> {
    return this.flushSave();
  }

  /** Keeps the completion on the device with a fresh Idempotency-Key, then tries to send it. */
  async submit(data: Record<string, unknown>, idempotencyKey = newIdempotencyKey()): Promise<void> {
    clearTimeout(this.saveTimer);
    this.local = {
      ...this.local,
      answers: data,
      submission: { data, idempotencyKey, queuedAt: new Date().toISOString() },
    };
    this.setState({ submission: 'waiting', refusal: null, problem: null });
    await this.persist();
    await this.sendSubmission();
  }

  /** The respondent changes a completed response (campaigns that allow it): back to answering. */
  async reopen(): Promise<void> {
    this.local = { ...this.local, receipt: null };
    this.setState({ receipt: null, refusal: null, editing: true, unsaved: false });
    await this.persist();
  }

  /** The server's newer view replaces this device's copy (answers continued on another device). */
  async adopt(view: RespondentViewDto, snapshot: SyncSnapshot): Promise<void> {
    this.local = {
      ...this.local,
      view,
      answers: snapshot.answers,
      currentPage: snapshot.currentPage,
      locale: snapshot.locale,
      serverRevision: this.local.revision,
      serverSavedAt: view.savedAt,
    };
    this.setState({ unsaved: false, serverSavedAt: view.savedAt });
    await this.persist();
  }

  private retryNow(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.attempt = 0;
    this.setState({ retryInSeconds: null });
    if (this.local.submission !== null) void this.sendSubmission();
    else void this.flushSave();
  }

  private async flushSave(): Promise<void> {
    clearTimeout(this.saveTimer);
    const hold = saveHold({
      mode: this.mode,
      editing: this.state.editing,
      saving: this.state.saving,
      submissionQueued: this.local.submission !== null,
      revision: this.local.revision,
      serverRevision: this.local.serverRevision,
      refused: this.state.problem !== null,
      online: this.connectivity.isOnline(),
    });
    if (hold !== null) return;
    const revision = this.local.revision;
    this.setState({ saving: true });
    try {
      const saved = await this.transport.save(this.token, {
        data: this.local.answers,
        currentPage: this.local.currentPage,
        ...(this.local.locale === null ? {} : { locale: this.local.locale }),
      });
      this.attempt = 0;
      this.local = { ...this.local, serverRevision: Math.max(this.local.serverRevision, revision) };
      this.local.serverSavedAt = saved.savedAt;
      this.setState({
        saving: false,
        unsaved: this.local.revision > this.local.serverRevision,
        serverSavedAt: saved.savedAt,
        retryInSeconds: null,
      });
      await this.persist();
    } catch (error) {
      const failure = asFailure(error);
      this.setState({ saving: false });
      if (isTransient(failure)) this.scheduleRetry();
      else this.setState({ problem: failure.message });
      return;
    }
    // Changes made while this save was on its way go next.
    if (this.local.revision > this.local.serverRevision) void this.flushSave();
  }

  private async sendSubmission(): Promise<void> {
    const submission = this.local.submission;
    if (submission === null || this.state.submission === 'sending') return;
    if (!this.connectivity.isOnline()) {
      this.setState({ submission: 'waiting' });
      return;
    }
    this.setState({ submission: 'sending' });
    try {
      const result = await this.transport.complete(this.token, submission.data, submission.idempotencyKey);
      await this.completed({ ...result, data: submission.data, submittedAt: new Date().toISOString() });
    } catch (error) {
      const failure = asFailure(error);
      if (isTransient(failure)) {
        this.setState({ submission: 'waiting' });
        this.scheduleRetry();
        return;
      }
      if (failure.statusCode === 409 && (await this.completedElsewhere(submission.data))) return;
      // Refused for good (invalid answers, closed, quota reached): back to the respondent.
      this.local = { ...this.local, submission: null };
      this.setState({
        submission: 'none',
        refusal: { statusCode: failure.statusCode, message: failure.message, details: failure.details },
      });
      await this.persist();
    }
  }

  /**
   * A 409 may mean that this response was completed from another tab or device: the server then
   * shows it as complete with its receipt, which is what the respondent needs to see.
   */
  private async completedElsewhere(data: Record<string, unknown>): Promise<boolean> {
    try {
      const view = await this.transport.view(this.token);
      if (view.status !== 'complete' || view.receipt === null) return false;
      await this.completed({
        receipt: view.receipt,
        responseId: '',
        data: Object.keys(view.data).length > 0 ? view.data : data,
        submittedAt: view.savedAt ?? new Date().toISOString(),
      });
      return true;
    } catch {
      return false;
    }
  }

  private async completed(receipt: StoredReceipt): Promise<void> {
    this.attempt = 0;
    this.local = { ...this.local, submission: null, receipt, serverRevision: this.local.revision };
    this.setState({
      submission: 'none',
      receipt,
      unsaved: false,
      retryInSeconds: null,
      refusal: null,
      editing: false,
    });
    await this.persist();
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    const delay = retryDelay(this.attempt);
    this.attempt += 1;
    this.setState({ retryInSeconds: Math.round(delay / 1_000) });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.setState({ retryInSeconds: null });
      if (this.local.submission !== null) void this.sendSubmission();
      else void this.flushSave();
    }, delay);
  }

  private persist(): Promise<void> {
    return this.storage.write(this.local).catch(() => undefined);
  }

  private setState(patch: Partial<SyncState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}

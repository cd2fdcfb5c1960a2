import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import { isApiError } from '@/lib/api-client';

import { saveProgress } from '../api/save-progress';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'retrying'; inSeconds: number }
  | { kind: 'rejected'; message: string };

const TYPING_DELAY_MS = 3_000;
const MAX_BACKOFF_MS = 30_000;

/**
 * Saves answers on the server a few seconds after the last change, or at once when asked (page
 * change). Failed saves are retried with exponential backoff; only the latest answers are sent.
 * Open links keep progress in this browser instead, since they have no server-side draft.
 */
export function useAutosave(token: string, mode: 'server' | 'device') {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const pending = useRef<Record<string, unknown> | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const attempt = useRef(0);
  const inFlight = useRef(false);
  const storageKey = `concord:answers:${token}`;

  const flush = useCallback(async (): Promise<void> => {
    window.clearTimeout(timer.current);
    if (inFlight.current || pending.current === null) return;
    const data = pending.current;
    pending.current = null;
    if (mode === 'device') {
      window.localStorage.setItem(storageKey, JSON.stringify(data));
      setState({ kind: 'saved', at: new Date() });
      return;
    }
    inFlight.current = true;
    setState({ kind: 'saving' });
    try {
      const result = await saveProgress(token, data);
      attempt.current = 0;
      setState({ kind: 'saved', at: new Date(result.savedAt) });
    } catch (error) {
      if (isApiError(error) && error.statusCode >= 400 && error.statusCode < 500 && error.statusCode !== 429) {
        setState({ kind: 'rejected', message: error.message });
      } else {
        // Keep the newest answers if the respondent typed meanwhile; otherwise retry these.
        pending.current ??= data;
        const delay = Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** attempt.current);
        attempt.current += 1;
        setState({ kind: 'retrying', inSeconds: Math.round(delay / 1000) });
        timer.current = window.setTimeout(() => void flush(), delay);
      }
    } finally {
      inFlight.current = false;
    }
    if (pending.current !== null && attempt.current === 0) void flush();
  }, [mode, storageKey, token]);

  const schedule = useCallback(
    (data: Record<string, unknown>, immediately = false) => {
      pending.current = data;
      window.clearTimeout(timer.current);
      if (immediately) void flush();
      else timer.current = window.setTimeout(() => void flush(), TYPING_DELAY_MS);
    },
    [flush],
  );

  const readDevice = useCallback((): Record<string, unknown> | null => {
    const raw = window.localStorage.getItem(storageKey);
    if (raw === null) return null;
    try {
      return JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return null;
    }
  }, [storageKey]);

  const forgetDevice = useCallback(() => window.localStorage.removeItem(storageKey), [storageKey]);

  const cancel = useCallback(() => {
    window.clearTimeout(timer.current);
    pending.current = null;
  }, []);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  return useMemo(
    () => ({ state, schedule, flush, readDevice, forgetDevice, cancel }),
    [state, schedule, flush, readDevice, forgetDevice, cancel],
  );
}

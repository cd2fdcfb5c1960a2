import { useEffect, useState } from 'react';

import type { RespondentViewDto } from '@concord/shared';

import { api, isApiError, NETWORK_ERROR_STATUS } from '@/lib/api-client';

import { type LocalLinkState, linkStore } from '../offline/local-store';

export function getRespondentView(token: string): Promise<RespondentViewDto> {
  return api.get<RespondentViewDto>(`/respond/${encodeURIComponent(token)}`);
}

/** What the page starts from: the server's view (or this device's copy of it) and the device's answers. */
export interface RespondentStart {
  view: RespondentViewDto;
  local: LocalLinkState | null;
  /** The server could not be reached: the view is the copy this device kept. */
  fromDevice: boolean;
}

/**
 * The view from the server, or, when the server cannot be reached, the copy this device kept at
 * its last visit. Unknown, revoked, closed and not-yet-open links are errors either way.
 */
export async function loadRespondentStart(token: string): Promise<RespondentStart> {
  // The device's copy and the server's view are read at the same time.
  const [local, view] = await Promise.all([
    linkStore.read(token),
    getRespondentView(token).then(
      (loaded) => ({ loaded, error: null }),
      (error: unknown) => ({ loaded: null, error }),
    ),
  ]);
  if (view.loaded !== null) return { view: view.loaded, local, fromDevice: false };
  const { error } = view;
  const unreachable = isApiError(error) && (error.statusCode === NETWORK_ERROR_STATUS || error.statusCode >= 500);
  if (unreachable && local?.view) return { view: local.view, local, fromDevice: true };
  throw error;
}

/** One load per token for the life of the page: a re-render must not reload answers under the respondent. */
const loads = new Map<string, Promise<RespondentStart>>();

/** Starts loading as early as possible (the entry calls it before rendering). */
export function startRespondentLoad(token: string): Promise<RespondentStart> {
  let load = loads.get(token);
  if (load === undefined) {
    load = loadRespondentStart(token);
    // Settled either way here; the page reads the outcome.
    load.catch(() => undefined);
    loads.set(token, load);
  }
  return load;
}

export type RespondentStartState =
  { status: 'pending' } | { status: 'error'; error: unknown } | { status: 'ready'; start: RespondentStart };

export function useRespondentStart(token: string): RespondentStartState {
  const [state, setState] = useState<RespondentStartState>({ status: 'pending' });
  useEffect(() => {
    let current = true;
    startRespondentLoad(token).then(
      (start) => current && setState({ status: 'ready', start }),
      (error: unknown) => current && setState({ status: 'error', error }),
    );
    return () => {
      current = false;
    };
  }, [token]);
  return state;
}

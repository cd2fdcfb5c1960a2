import { queryOptions, useQuery } from '@tanstack/react-query';

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
  const local = await linkStore.read(token);
  try {
    return { view: await getRespondentView(token), local, fromDevice: false };
  } catch (error) {
    const unreachable = isApiError(error) && (error.statusCode === NETWORK_ERROR_STATUS || error.statusCode >= 500);
    if (unreachable && local?.view) return { view: local.view, local, fromDevice: true };
    throw error;
  }
}

export function useRespondentStart(token: string) {
  return useQuery(
    queryOptions({
      queryKey: ['respond', token] as const,
      queryFn: () => loadRespondentStart(token),
      // 404/410 are answers, not glitches; and the page must not reload answers under the respondent.
      retry: false,
      staleTime: Infinity,
      gcTime: Infinity,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
    }),
  );
}

import { queryOptions, useQuery } from '@tanstack/react-query';

import type { UserDto } from '@concord/shared';

import { api, isApiError } from '@/lib/api-client';

export const meQueryKey = ['auth', 'me'] as const;

/** The signed-in user, or `null` when there is no valid session (the server answers 401). */
export async function getMe(): Promise<UserDto | null> {
  try {
    return await api.get<UserDto>('/auth/me');
  } catch (error) {
    if (isApiError(error, 401)) return null;
    throw error;
  }
}

export function getMeQueryOptions() {
  return queryOptions({
    queryKey: meQueryKey,
    queryFn: getMe,
    staleTime: 5 * 60_000,
  });
}

export function useMe() {
  return useQuery(getMeQueryOptions());
}

import { queryOptions, useQuery } from '@tanstack/react-query';

import type { ApiTokenDto } from '@concord/shared';

import { api } from '@/lib/api-client';

export const apiTokensQueryKey = ['auth', 'tokens'] as const;

export function getApiTokens(): Promise<ApiTokenDto[]> {
  return api.get<ApiTokenDto[]>('/auth/tokens');
}

export function getApiTokensQueryOptions() {
  return queryOptions({ queryKey: apiTokensQueryKey, queryFn: getApiTokens });
}

export function useApiTokens() {
  return useQuery(getApiTokensQueryOptions());
}

import { queryOptions, useQuery } from '@tanstack/react-query';

import type { NetworkDto } from '@concord/shared';

import { api } from '@/lib/api-client';

export const networksQueryKey = ['networks'] as const;

export function getNetworks(): Promise<NetworkDto[]> {
  return api.get<NetworkDto[]>('/networks');
}

export function getNetworksQueryOptions() {
  return queryOptions({ queryKey: networksQueryKey, queryFn: getNetworks });
}

export function useNetworks() {
  return useQuery(getNetworksQueryOptions());
}

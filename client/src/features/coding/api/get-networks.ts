import { queryOptions, useQuery } from '@tanstack/react-query';

import type { NetworkDto } from '@concord/shared';

import { api } from '@/lib/api-client';

import { codingKeys } from './keys';

export function getNetworks(): Promise<NetworkDto[]> {
  return api.get<NetworkDto[]>('/networks');
}

export function useNetworks() {
  return useQuery(
    queryOptions({ queryKey: [...codingKeys.all, 'networks'], queryFn: getNetworks, staleTime: 5 * 60_000 }),
  );
}

import { queryOptions, useQuery } from '@tanstack/react-query';

import type { NetworkMemberDto } from '@concord/shared';

import { api } from '@/lib/api-client';

import { networksQueryKey } from './get-networks';

export function membersQueryKey(networkId: string) {
  return [...networksQueryKey, networkId, 'members'] as const;
}

export function getNetworkMembers(networkId: string): Promise<NetworkMemberDto[]> {
  return api.get<NetworkMemberDto[]>(`/networks/${networkId}/members`);
}

export function useNetworkMembers(networkId: string | null) {
  return useQuery(
    queryOptions({
      queryKey: membersQueryKey(networkId ?? ''),
      queryFn: () => getNetworkMembers(networkId ?? ''),
      enabled: networkId !== null,
    }),
  );
}

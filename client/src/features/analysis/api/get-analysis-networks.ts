import { queryOptions, useQuery } from '@tanstack/react-query';

import type { NetworkDto } from '@concord/shared';

import { api } from '@/lib/api-client';

export function getAnalysisNetworks(): Promise<NetworkDto[]> {
  return api.get<NetworkDto[]>('/networks');
}

export function useAnalysisNetworks() {
  return useQuery(queryOptions({ queryKey: ['analysis', 'networks'], queryFn: getAnalysisNetworks }));
}

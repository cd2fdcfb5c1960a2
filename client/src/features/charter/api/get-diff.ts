import { useQuery } from '@tanstack/react-query';

import type { CharterDiffDto } from '@concord/shared';

import { api } from '@/lib/api-client';

import { charterKey } from './keys';

export function getDiff(id: string, from: number, to: number): Promise<CharterDiffDto> {
  return api.get<CharterDiffDto>(`/charters/${id}/diff`, { query: { from, to } });
}

export function useDiff(id: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: [...charterKey(id), 'diff', from, to],
    queryFn: () => getDiff(id, from ?? 0, to ?? 0),
    enabled: from !== null && to !== null,
    staleTime: Infinity,
  });
}

import { useQuery } from '@tanstack/react-query';

import type { BlameDto } from '@concord/shared';

import { api } from '@/lib/api-client';

import { charterKey } from './keys';

export function getBlame(id: string, revision: number): Promise<BlameDto> {
  return api.get<BlameDto>(`/charters/${id}/blame`, { query: { revision } });
}

export function useBlame(id: string, revision: number | null) {
  return useQuery({
    queryKey: [...charterKey(id), 'blame', revision],
    queryFn: () => getBlame(id, revision ?? 0),
    enabled: revision !== null,
    staleTime: Infinity,
  });
}

import { useQuery } from '@tanstack/react-query';

import type { CharterRevisionDto } from '@concord/shared';

import { api } from '@/lib/api-client';

import { charterKey } from './keys';

export function getRevision(id: string, number: number): Promise<CharterRevisionDto> {
  return api.get<CharterRevisionDto>(`/charters/${id}/revisions/${String(number)}`);
}

/** Revisions never change, so a fetched one stays fresh forever. */
export function useRevision(id: string, number: number | null) {
  return useQuery({
    queryKey: [...charterKey(id), 'revision', number],
    queryFn: () => getRevision(id, number ?? 0),
    enabled: number !== null,
    staleTime: Infinity,
  });
}

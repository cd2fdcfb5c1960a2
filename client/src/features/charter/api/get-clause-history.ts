import { useQuery } from '@tanstack/react-query';

import type { ClauseHistoryEntryDto } from '@concord/shared';

import { api } from '@/lib/api-client';

import { charterKey } from './keys';

export function getClauseHistory(id: string, clauseId: string): Promise<ClauseHistoryEntryDto[]> {
  return api.get<ClauseHistoryEntryDto[]>(`/charters/${id}/clauses/${encodeURIComponent(clauseId)}/history`);
}

export function useClauseHistory(id: string, clauseId: string | null) {
  return useQuery({
    queryKey: [...charterKey(id), 'clause-history', clauseId],
    queryFn: () => getClauseHistory(id, clauseId ?? ''),
    enabled: clauseId !== null,
  });
}

import { useQuery } from '@tanstack/react-query';

import type { CharterRevisionSummaryDto } from '@concord/shared';

import { api } from '@/lib/api-client';

import { charterKey } from './keys';

export function getRevisions(id: string): Promise<CharterRevisionSummaryDto[]> {
  return api.get<CharterRevisionSummaryDto[]>(`/charters/${id}/revisions`);
}

export function useRevisions(id: string) {
  return useQuery({ queryKey: [...charterKey(id), 'revisions'], queryFn: () => getRevisions(id) });
}

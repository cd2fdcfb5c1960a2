import { useQuery } from '@tanstack/react-query';

import type { AmendmentDto } from '@concord/shared';

import { api } from '@/lib/api-client';

import { charterKey } from './keys';

export function getAmendments(id: string): Promise<AmendmentDto[]> {
  return api.get<AmendmentDto[]>(`/charters/${id}/amendments`);
}

export function useAmendments(id: string) {
  return useQuery({ queryKey: [...charterKey(id), 'amendments'], queryFn: () => getAmendments(id) });
}

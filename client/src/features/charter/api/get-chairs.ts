import { useQuery } from '@tanstack/react-query';

import type { CharterChairDto } from '@concord/shared';

import { api } from '@/lib/api-client';

import { charterKey } from './keys';

export function getChairs(id: string): Promise<CharterChairDto[]> {
  return api.get<CharterChairDto[]>(`/charters/${id}/chairs`);
}

export function useChairs(id: string) {
  return useQuery({ queryKey: [...charterKey(id), 'chairs'], queryFn: () => getChairs(id) });
}

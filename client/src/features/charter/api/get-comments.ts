import { useQuery } from '@tanstack/react-query';

import type { CharterCommentDto } from '@concord/shared';

import { api } from '@/lib/api-client';

import { charterKey } from './keys';

export function getComments(id: string): Promise<CharterCommentDto[]> {
  return api.get<CharterCommentDto[]>(`/charters/${id}/comments`);
}

export function useComments(id: string) {
  return useQuery({ queryKey: [...charterKey(id), 'comments'], queryFn: () => getComments(id) });
}

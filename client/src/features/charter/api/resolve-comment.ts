import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { CharterCommentDto } from '@concord/shared';

import { api } from '@/lib/api-client';

import { charterKey } from './keys';

export function resolveComment(id: string, commentId: string, resolved: boolean): Promise<CharterCommentDto> {
  return api.post<CharterCommentDto>(`/charters/${id}/comments/${commentId}/${resolved ? 'resolve' : 'reopen'}`);
}

export function useResolveComment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ commentId, resolved }: { commentId: string; resolved: boolean }) =>
      resolveComment(id, commentId, resolved),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...charterKey(id), 'comments'] }),
  });
}

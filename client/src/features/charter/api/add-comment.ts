import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { CharterCommentDto, CharterCommentInput } from '@concord/shared';

import { api } from '@/lib/api-client';

import { charterKey } from './keys';

export function addComment(id: string, input: CharterCommentInput): Promise<CharterCommentDto> {
  return api.post<CharterCommentDto>(`/charters/${id}/comments`, input);
}

export function useAddComment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CharterCommentInput) => addComment(id, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...charterKey(id), 'comments'] }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { CharterCommentDto } from '@concord/shared';

import { api } from '@/lib/api-client';

import { charterKey } from './keys';

export interface AddCommentInput {
  clauseId?: string;
  amendmentId?: string;
  /** The revision read when commenting (default: the head). */
  revision?: number;
  quote?: string;
  body: string;
  parentId?: string;
}

export function addComment(id: string, input: AddCommentInput): Promise<CharterCommentDto> {
  return api.post<CharterCommentDto>(`/charters/${id}/comments`, input);
}

export function useAddComment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AddCommentInput) => addComment(id, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...charterKey(id), 'comments'] }),
  });
}

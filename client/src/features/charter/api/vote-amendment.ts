import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { AmendmentDto, AmendmentPosition } from '@concord/shared';

import { api } from '@/lib/api-client';

import { charterKey } from './keys';

export interface VoteInput {
  amendmentId: string;
  /** null withdraws the member's voice. */
  position: AmendmentPosition | null;
}

export function voteOnAmendment(id: string, input: VoteInput): Promise<AmendmentDto> {
  const path = `/charters/${id}/amendments/${input.amendmentId}/vote`;
  return input.position === null
    ? api.delete<AmendmentDto>(path)
    : api.put<AmendmentDto>(path, { position: input.position });
}

export function useVoteOnAmendment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: VoteInput) => voteOnAmendment(id, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...charterKey(id), 'amendments'] }),
  });
}

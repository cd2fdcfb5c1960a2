import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import { charterKey } from './keys';

export interface DecideAmendmentInput {
  amendmentId: string;
  decision: 'accept' | 'reject';
  reason?: string;
}

export function decideAmendment(id: string, input: DecideAmendmentInput): Promise<unknown> {
  return api.post(
    `/charters/${id}/amendments/${input.amendmentId}/${input.decision}`,
    input.reason === undefined ? {} : { reason: input.reason },
  );
}

/** Accepting saves a revision, so everything about the charter is refetched. */
export function useDecideAmendment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DecideAmendmentInput) => decideAmendment(id, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: charterKey(id) }),
  });
}

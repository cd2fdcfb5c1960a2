import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { AmendmentDto } from '@concord/shared';

import { api } from '@/lib/api-client';

import { charterKey } from './keys';

export interface ProposeAmendmentInput {
  baseRevision: number;
  clauseId?: string;
  heading: string;
  body: string;
  rationale: string;
}

export function proposeAmendment(id: string, input: ProposeAmendmentInput): Promise<AmendmentDto> {
  return api.post<AmendmentDto>(`/charters/${id}/amendments`, input);
}

export function useProposeAmendment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProposeAmendmentInput) => proposeAmendment(id, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...charterKey(id), 'amendments'] }),
  });
}

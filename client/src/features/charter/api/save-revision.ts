import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { CharterSavedDto } from '@concord/shared';

import { api } from '@/lib/api-client';

import { charterKey, chartersKey } from './keys';

export interface ClauseDraft {
  id?: string;
  heading: string;
  body: string;
}

export interface SaveRevisionInput {
  baseRevision: number;
  clauses: ClauseDraft[];
  message: string;
}

export function saveRevision(id: string, input: SaveRevisionInput): Promise<CharterSavedDto> {
  return api.post<CharterSavedDto>(`/charters/${id}/revisions`, input);
}

export function useSaveRevision(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveRevisionInput) => saveRevision(id, input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: charterKey(id) });
      await queryClient.invalidateQueries({ queryKey: [...chartersKey, 'list'] });
    },
  });
}

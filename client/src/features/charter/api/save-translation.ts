import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { CharterLanguage, ClauseTranslationEntryDto } from '@concord/shared';

import { api } from '@/lib/api-client';

import { charterKey } from './keys';

export interface SaveTranslationInput {
  lang: CharterLanguage;
  clauseId: string;
  revision: number;
  heading: string;
  body: string;
}

export function saveTranslation(id: string, input: SaveTranslationInput): Promise<ClauseTranslationEntryDto> {
  const { lang, clauseId, ...body } = input;
  return api.put<ClauseTranslationEntryDto>(`/charters/${id}/translations/${lang}/${clauseId}`, body);
}

export function useSaveTranslation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveTranslationInput) => saveTranslation(id, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...charterKey(id), 'translations'] }),
  });
}

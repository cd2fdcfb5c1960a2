import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { ApplySuggestionRequest, ApplySuggestionResult, SuggestRequest, SuggestResult } from '@concord/shared';

import { api } from '@/lib/api-client';

import { codingKeys } from './keys';

export function suggestThemes(campaignId: string, input: SuggestRequest): Promise<SuggestResult> {
  return api.post<SuggestResult>(`/campaigns/${campaignId}/themes/suggest`, input);
}

export function applySuggestion(campaignId: string, input: ApplySuggestionRequest): Promise<ApplySuggestionResult> {
  return api.post<ApplySuggestionResult>(`/campaigns/${campaignId}/themes/suggest/apply`, input);
}

export function useSuggestThemes(campaignId: string) {
  return useMutation({ mutationFn: (input: SuggestRequest) => suggestThemes(campaignId, input) });
}

export function useApplySuggestion(campaignId: string, surveyId: string, question: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<ApplySuggestionRequest, 'question'>) =>
      applySuggestion(campaignId, { ...input, question }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: codingKeys.themes(surveyId, question) }),
        queryClient.invalidateQueries({ queryKey: codingKeys.answers(campaignId, question) }),
        queryClient.invalidateQueries({ queryKey: codingKeys.progress(campaignId, question) }),
        queryClient.invalidateQueries({ queryKey: codingKeys.overview(campaignId) }),
      ]),
  });
}

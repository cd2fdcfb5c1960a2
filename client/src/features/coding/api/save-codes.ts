import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { AnswerCodingDto } from '@concord/shared';

import { api } from '@/lib/api-client';

import { codingKeys } from './keys';

export function saveCodes(
  campaignId: string,
  responseId: string,
  question: string,
  themeIds: string[],
): Promise<AnswerCodingDto> {
  return api.put<AnswerCodingDto>(`/campaigns/${campaignId}/responses/${responseId}/codes`, { question, themeIds });
}

export function useSaveCodes(campaignId: string, question: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ responseId, themeIds }: { responseId: string; themeIds: string[] }) =>
      saveCodes(campaignId, responseId, question, themeIds),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: codingKeys.progress(campaignId, question) }),
        queryClient.invalidateQueries({ queryKey: codingKeys.overview(campaignId) }),
        // Each theme shows how many answers carry it.
        queryClient.invalidateQueries({ queryKey: [...codingKeys.all, 'themes'] }),
      ]),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { SurveyVersionSummaryDto } from '@concord/shared';

import { api } from '@/lib/api-client';

import { surveyQueryKey } from './get-survey';
import { surveysQueryKey } from './get-surveys';

export interface PublishSurveyVersionInput {
  surveyId: string;
  version: number;
}

export function publishSurveyVersion(input: PublishSurveyVersionInput): Promise<SurveyVersionSummaryDto> {
  return api.post<SurveyVersionSummaryDto>(`/surveys/${input.surveyId}/versions/${String(input.version)}/publish`);
}

export function usePublishSurveyVersion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: publishSurveyVersion,
    onSuccess: async (_result, input) => {
      await queryClient.invalidateQueries({ queryKey: surveyQueryKey(input.surveyId) });
      await queryClient.invalidateQueries({ queryKey: surveysQueryKey, exact: true });
    },
  });
}

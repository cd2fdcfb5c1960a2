import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { CreatedSurveyVersionDto, SurveyVersionSummaryDto } from '@concord/shared';

import { api } from '@/lib/api-client';

import { surveyQueryKey } from './get-survey';
import { surveysQueryKey } from './get-surveys';

export interface SaveSurveyVersionInput {
  surveyId: string;
  /** Absent: create a new draft version. Present: replace that draft. */
  version?: number;
  definition: Record<string, unknown>;
  changelog: string;
}

export function saveSurveyVersion(
  input: SaveSurveyVersionInput,
): Promise<CreatedSurveyVersionDto | SurveyVersionSummaryDto> {
  const body = { definition: input.definition, changelog: input.changelog };
  return input.version === undefined
    ? api.post<CreatedSurveyVersionDto>(`/surveys/${input.surveyId}/versions`, body)
    : api.put<SurveyVersionSummaryDto>(`/surveys/${input.surveyId}/versions/${String(input.version)}`, body);
}

export function useSaveSurveyVersion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveSurveyVersion,
    onSuccess: async (_result, input) => {
      await queryClient.invalidateQueries({ queryKey: surveyQueryKey(input.surveyId) });
      await queryClient.invalidateQueries({ queryKey: surveysQueryKey, exact: true });
    },
  });
}

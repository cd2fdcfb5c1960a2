import { queryOptions, useQuery } from '@tanstack/react-query';

import type { SurveyVersionDto } from '@concord/shared';

import { api } from '@/lib/api-client';

import { surveyQueryKey } from './get-survey';

export function surveyVersionQueryKey(surveyId: string, version: number) {
  return [...surveyQueryKey(surveyId), 'versions', version] as const;
}

export function getSurveyVersion(surveyId: string, version: number): Promise<SurveyVersionDto> {
  return api.get<SurveyVersionDto>(`/surveys/${surveyId}/versions/${String(version)}`);
}

export function useSurveyVersion(surveyId: string, version: number) {
  return useQuery(
    queryOptions({
      queryKey: surveyVersionQueryKey(surveyId, version),
      queryFn: () => getSurveyVersion(surveyId, version),
      // Version 0 is "none yet" (a new questionnaire, or the one before version 1): nothing to ask for.
      enabled: version > 0,
    }),
  );
}

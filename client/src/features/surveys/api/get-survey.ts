import { queryOptions, useQuery } from '@tanstack/react-query';

import type { SurveyDetailDto } from '@concord/shared';

import { api } from '@/lib/api-client';

import { surveysQueryKey } from './get-surveys';

export function surveyQueryKey(surveyId: string) {
  return [...surveysQueryKey, surveyId] as const;
}

export function getSurvey(surveyId: string): Promise<SurveyDetailDto> {
  return api.get<SurveyDetailDto>(`/surveys/${surveyId}`);
}

export function useSurvey(surveyId: string) {
  return useQuery(queryOptions({ queryKey: surveyQueryKey(surveyId), queryFn: () => getSurvey(surveyId) }));
}

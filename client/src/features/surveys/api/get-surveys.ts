import { queryOptions, useQuery } from '@tanstack/react-query';

import type { SurveyDto } from '@concord/shared';

import { api } from '@/lib/api-client';

export const surveysQueryKey = ['surveys'] as const;

export function getSurveys(): Promise<SurveyDto[]> {
  return api.get<SurveyDto[]>('/surveys');
}

export function useSurveys() {
  return useQuery(queryOptions({ queryKey: surveysQueryKey, queryFn: getSurveys }));
}

import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import type { SurveyTallyResult } from '@concord/shared';

import { api } from '@/lib/api-client';

/** Tallies of every campaign of a survey, merged across `versions` (comma-separated; all published when empty). */
export function getSurveyTallies(surveyId: string, versions: string): Promise<SurveyTallyResult> {
  return api.get<SurveyTallyResult>(`/surveys/${surveyId}/tallies`, { query: { versions } });
}

export function useSurveyTallies(surveyId: string, versions: string) {
  return useQuery(
    queryOptions({
      queryKey: ['analysis', 'survey-tallies', surveyId, versions],
      queryFn: () => getSurveyTallies(surveyId, versions),
      placeholderData: keepPreviousData,
    }),
  );
}

import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import type { CodingOverviewDto, TallyResult } from '@concord/shared';

import { api, type QueryParams } from '@/lib/api-client';

/** The themes coders gave to a free-text question's answers, tallied under the page's filters. */
export function getThemeTallies(campaignId: string, question: string, filters: QueryParams): Promise<TallyResult> {
  return api.get<TallyResult>(`/campaigns/${campaignId}/themes/tallies`, {
    query: { question, ...filters },
  });
}

export function useThemeTallies(campaignId: string, question: string, filters: QueryParams, enabled: boolean) {
  return useQuery(
    queryOptions({
      enabled,
      queryKey: ['analysis', 'theme-tallies', campaignId, question, filters],
      queryFn: () => getThemeTallies(campaignId, question, filters),
      placeholderData: keepPreviousData,
    }),
  );
}

/** The campaign's free-text questions that can carry themes (the coding overview's list). */
export function useCodableQuestions(campaignId: string) {
  return useQuery(
    queryOptions({
      queryKey: ['analysis', 'codable-questions', campaignId],
      queryFn: () => api.get<CodingOverviewDto>(`/campaigns/${campaignId}/coding`),
      select: (overview) => new Set(overview.questions.map((question) => question.name)),
    }),
  );
}

import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import type { TallyResult } from '@concord/shared';

import { api, type QueryParams } from '@/lib/api-client';

/** The themes coders gave to a free-text question's answers, tallied under the page's filters. */
export function getThemeTallies(campaignId: string, question: string, filters: QueryParams): Promise<TallyResult> {
  return api.get<TallyResult>(`/campaigns/${campaignId}/themes/tallies`, {
    query: { question, ...filters },
  });
}

export function useThemeTallies(campaignId: string, question: string, filters: QueryParams) {
  return useQuery(
    queryOptions({
      queryKey: ['analysis', 'theme-tallies', campaignId, question, filters],
      queryFn: () => getThemeTallies(campaignId, question, filters),
      placeholderData: keepPreviousData,
    }),
  );
}

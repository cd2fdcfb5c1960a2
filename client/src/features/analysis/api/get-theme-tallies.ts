import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import type { TallyResult } from '@concord/shared';

import { api } from '@/lib/api-client';

import { type TallyControls, tallyQueryParams } from './get-campaign-tallies';

/** The themes coders gave to a free-text question's answers, tallied under the page's filters. */
export function getThemeTallies(campaignId: string, question: string, controls: TallyControls): Promise<TallyResult> {
  return api.get<TallyResult>(`/campaigns/${campaignId}/themes/tallies`, {
    query: { question, ...tallyQueryParams(controls) },
  });
}

export function useThemeTallies(campaignId: string, question: string, controls: TallyControls) {
  return useQuery(
    queryOptions({
      queryKey: ['analysis', 'theme-tallies', campaignId, question, controls],
      queryFn: () => getThemeTallies(campaignId, question, controls),
      placeholderData: keepPreviousData,
    }),
  );
}

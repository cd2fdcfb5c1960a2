import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import type { FreeTextPage } from '@concord/shared';

import { api, type QueryParams } from '@/lib/api-client';

/** One page of a question's free-text answers among the responses `filters` (the tally filters) choose. */
export function getFreeText(
  campaignId: string,
  question: string,
  filters: QueryParams,
  search: string,
  page: number,
): Promise<FreeTextPage> {
  return api.get<FreeTextPage>(`/campaigns/${campaignId}/answers/${encodeURIComponent(question)}`, {
    query: { ...filters, q: search, page, pageSize: 20 },
  });
}

export function useFreeText(campaignId: string, question: string, filters: QueryParams, search: string, page: number) {
  return useQuery(
    queryOptions({
      queryKey: ['analysis', 'free-text', campaignId, question, filters, search, page],
      queryFn: () => getFreeText(campaignId, question, filters, search, page),
      placeholderData: keepPreviousData,
    }),
  );
}

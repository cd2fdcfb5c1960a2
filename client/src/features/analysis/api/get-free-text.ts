import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import type { FreeTextPage } from '@concord/shared';

import { api } from '@/lib/api-client';

export function getFreeText(campaignId: string, question: string, search: string, page: number): Promise<FreeTextPage> {
  return api.get<FreeTextPage>(`/campaigns/${campaignId}/answers/${encodeURIComponent(question)}`, {
    query: { q: search, page, pageSize: 20 },
  });
}

export function useFreeText(campaignId: string, question: string, search: string, page: number) {
  return useQuery(
    queryOptions({
      queryKey: ['analysis', 'free-text', campaignId, question, search, page],
      queryFn: () => getFreeText(campaignId, question, search, page),
      placeholderData: keepPreviousData,
    }),
  );
}

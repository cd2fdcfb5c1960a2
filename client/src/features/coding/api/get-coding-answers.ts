import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';

import type { CodingAnswersPage, CodingStatus } from '@concord/shared';

import { api } from '@/lib/api-client';

import { codingKeys } from './keys';

export interface CodingFilters {
  q: string;
  network: string;
  country: string;
  role: string;
  language: string;
  status: CodingStatus;
  sample: string;
}

export const NO_FILTERS: CodingFilters = {
  q: '',
  network: '',
  country: '',
  role: '',
  language: '',
  status: 'all',
  sample: '',
};

const PAGE_SIZE = 50;

export function getCodingAnswers(
  campaignId: string,
  question: string,
  filters: CodingFilters,
  after: string | undefined,
  pageSize = PAGE_SIZE,
): Promise<CodingAnswersPage> {
  return api.get<CodingAnswersPage>(`/campaigns/${campaignId}/coding/answers`, {
    query: { question, ...filters, status: filters.status === 'all' ? undefined : filters.status, after, pageSize },
  });
}

/**
 * The answers in list order, loaded 50 at a time after the last one loaded: a cursor, so answers
 * that leave a filter once coded ("not coded yet") do not make the next batch skip any.
 */
export function useCodingAnswers(campaignId: string, question: string, filters: CodingFilters) {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: [...codingKeys.answers(campaignId, question), filters],
      queryFn: ({ pageParam }) => getCodingAnswers(campaignId, question, filters, pageParam),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => (last.answers.length < last.pageSize ? undefined : last.answers.at(-1)?.responseId),
      // Coding changes answers locally; a refetch in the background would move the coder's place.
      staleTime: Number.POSITIVE_INFINITY,
      refetchOnWindowFocus: false,
    }),
  );
}

/** The coder's progress over the whole question, whatever the filters. */
export function useCodingProgress(campaignId: string, question: string) {
  return useQuery(
    queryOptions({
      queryKey: codingKeys.progress(campaignId, question),
      queryFn: async () => (await getCodingAnswers(campaignId, question, NO_FILTERS, undefined, 1)).progress,
    }),
  );
}

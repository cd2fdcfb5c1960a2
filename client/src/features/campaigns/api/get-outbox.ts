import { queryOptions, useQuery } from '@tanstack/react-query';

import type { OutboxPageDto, OutboxStatus } from '@concord/shared';

import { api } from '@/lib/api-client';

import { campaignQueryKey } from './get-campaign';

export const OUTBOX_PAGE_SIZE = 50;

export function getOutbox(id: string, page: number, status: OutboxStatus | ''): Promise<OutboxPageDto> {
  return api.get<OutboxPageDto>(`/campaigns/${id}/outbox`, { query: { page, pageSize: OUTBOX_PAGE_SIZE, status } });
}

/** Refetched every few seconds, so statuses move while the worker sends. */
export function useOutbox(id: string, page: number, status: OutboxStatus | '') {
  return useQuery(
    queryOptions({
      queryKey: [...campaignQueryKey(id), 'outbox', page, status],
      queryFn: () => getOutbox(id, page, status),
      refetchInterval: 5_000,
    }),
  );
}

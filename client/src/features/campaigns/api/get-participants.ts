import { queryOptions, useQuery } from '@tanstack/react-query';

import type { ParticipantDto, ParticipantStatus } from '@concord/shared';

import { api } from '@/lib/api-client';

import { campaignQueryKey } from './get-campaign';

export interface ParticipantFilter {
  status: ParticipantStatus | '';
  networkId: string;
}

export function getParticipants(id: string, filter: ParticipantFilter): Promise<ParticipantDto[]> {
  return api.get<ParticipantDto[]>(`/campaigns/${id}/participants`, { query: { ...filter } });
}

export function participantsCsvUrl(id: string, filter: ParticipantFilter): string {
  const query = new URLSearchParams();
  if (filter.status !== '') query.set('status', filter.status);
  if (filter.networkId !== '') query.set('networkId', filter.networkId);
  const search = query.toString();
  return `/api/campaigns/${id}/participants.csv${search === '' ? '' : `?${search}`}`;
}

/** Refetched every few seconds, like the progress: statuses move as members answer. */
export function useParticipants(id: string, filter: ParticipantFilter) {
  return useQuery(
    queryOptions({
      queryKey: [...campaignQueryKey(id), 'participants', filter.status, filter.networkId],
      queryFn: () => getParticipants(id, filter),
      refetchInterval: 10_000,
    }),
  );
}

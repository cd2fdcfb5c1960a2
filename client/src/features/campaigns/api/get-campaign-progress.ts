import { queryOptions, useQuery } from '@tanstack/react-query';

import type { CampaignProgressDto } from '@concord/shared';

import { api } from '@/lib/api-client';

import { campaignQueryKey } from './get-campaign';

export const PROGRESS_REFRESH_MS = 5_000;

export function getCampaignProgress(id: string): Promise<CampaignProgressDto> {
  return api.get<CampaignProgressDto>(`/campaigns/${id}/progress`);
}

/** Refetched every few seconds while the page is open, so rates move as answers arrive. */
export function useCampaignProgress(id: string) {
  return useQuery(
    queryOptions({
      queryKey: [...campaignQueryKey(id), 'progress'],
      queryFn: () => getCampaignProgress(id),
      refetchInterval: PROGRESS_REFRESH_MS,
    }),
  );
}

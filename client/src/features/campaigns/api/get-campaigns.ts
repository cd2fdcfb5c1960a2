import { queryOptions, useQuery } from '@tanstack/react-query';

import type { CampaignDto } from '@concord/shared';

import { api } from '@/lib/api-client';

export const campaignsQueryKey = ['campaigns'] as const;

export function getCampaigns(): Promise<CampaignDto[]> {
  return api.get<CampaignDto[]>('/campaigns');
}

export function useCampaigns() {
  return useQuery(queryOptions({ queryKey: campaignsQueryKey, queryFn: getCampaigns }));
}

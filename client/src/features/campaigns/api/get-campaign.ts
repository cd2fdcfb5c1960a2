import { queryOptions, useQuery } from '@tanstack/react-query';

import type { CampaignDto } from '@concord/shared';

import { api } from '@/lib/api-client';

import { campaignsQueryKey } from './get-campaigns';

export function campaignQueryKey(id: string) {
  return [...campaignsQueryKey, id] as const;
}

export function getCampaign(id: string): Promise<CampaignDto> {
  return api.get<CampaignDto>(`/campaigns/${id}`);
}

export function useCampaign(id: string) {
  return useQuery(queryOptions({ queryKey: campaignQueryKey(id), queryFn: () => getCampaign(id) }));
}

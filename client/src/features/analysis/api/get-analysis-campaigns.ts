import { queryOptions, useQuery } from '@tanstack/react-query';

import type { CampaignDto } from '@concord/shared';

import { api } from '@/lib/api-client';

export function getAnalysisCampaigns(): Promise<CampaignDto[]> {
  return api.get<CampaignDto[]>('/campaigns');
}

export function useAnalysisCampaigns() {
  return useQuery(queryOptions({ queryKey: ['analysis', 'campaigns'], queryFn: getAnalysisCampaigns }));
}

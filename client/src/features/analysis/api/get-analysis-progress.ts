import { queryOptions, useQuery } from '@tanstack/react-query';

import type { CampaignProgressDto } from '@concord/shared';

import { api } from '@/lib/api-client';

export function getAnalysisProgress(campaignId: string): Promise<CampaignProgressDto> {
  return api.get<CampaignProgressDto>(`/campaigns/${campaignId}/progress`);
}

export function useAnalysisProgress(campaignId: string | null) {
  return useQuery(
    queryOptions({
      queryKey: ['analysis', 'progress', campaignId],
      queryFn: () => getAnalysisProgress(campaignId ?? ''),
      enabled: campaignId !== null,
    }),
  );
}

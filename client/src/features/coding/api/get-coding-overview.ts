import { queryOptions, useQuery } from '@tanstack/react-query';

import type { CodingOverviewDto } from '@concord/shared';

import { api } from '@/lib/api-client';

import { codingKeys } from './keys';

export function getCodingOverview(campaignId: string): Promise<CodingOverviewDto> {
  return api.get<CodingOverviewDto>(`/campaigns/${campaignId}/coding`);
}

export function useCodingOverview(campaignId: string | null) {
  return useQuery(
    queryOptions({
      queryKey: codingKeys.overview(campaignId ?? ''),
      queryFn: () => getCodingOverview(campaignId ?? ''),
      enabled: campaignId !== null,
    }),
  );
}

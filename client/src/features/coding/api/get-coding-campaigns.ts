import { queryOptions, useQuery } from '@tanstack/react-query';

import type { CodingCampaignDto } from '@concord/shared';

import { api } from '@/lib/api-client';

import { codingKeys } from './keys';

export function getCodingCampaigns(): Promise<CodingCampaignDto[]> {
  return api.get<CodingCampaignDto[]>('/coding/campaigns');
}

export function useCodingCampaigns() {
  return useQuery(queryOptions({ queryKey: codingKeys.campaigns(), queryFn: getCodingCampaigns }));
}

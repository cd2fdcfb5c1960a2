import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { CampaignDto } from '@concord/shared';

import { api } from '@/lib/api-client';

import { campaignsQueryKey } from './get-campaigns';

export interface CreateCampaignInput {
  surveyId: string;
  version: number;
  name: string;
  networkIds: string[];
  opensAt?: string;
  closesAt?: string;
  anonymous: boolean;
  allowEdits: boolean;
}

export function createCampaign(input: CreateCampaignInput): Promise<CampaignDto> {
  return api.post<CampaignDto>('/campaigns', input);
}

export function useCreateCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCampaign,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: campaignsQueryKey }),
  });
}

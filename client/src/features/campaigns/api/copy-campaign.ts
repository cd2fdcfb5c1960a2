import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { CampaignDto, CopyCampaignInput } from '@concord/shared';

import { api } from '@/lib/api-client';

import { campaignsQueryKey } from './get-campaigns';

export function copyCampaign(id: string, input: CopyCampaignInput): Promise<CampaignDto> {
  return api.post<CampaignDto>(`/campaigns/${id}/copy`, input);
}

export function useCopyCampaign(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CopyCampaignInput) => copyCampaign(id, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: campaignsQueryKey }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { CampaignDto, OpenLinkDto } from '@concord/shared';

import { api } from '@/lib/api-client';

import { campaignQueryKey } from './get-campaign';

export function closeCampaign(id: string): Promise<CampaignDto> {
  return api.post<CampaignDto>(`/campaigns/${id}/close`);
}

export function createOpenLink(id: string, input: { networkId: string; maxResponses?: number }): Promise<OpenLinkDto> {
  return api.post<OpenLinkDto>(`/campaigns/${id}/open-links`, input);
}

export function revokeInvitation(invitationId: string): Promise<{ id: string; revokedAt: string }> {
  return api.post(`/invitations/${invitationId}/revoke`);
}

/** Close, open-link and revoke all change what the campaign page shows: refetch all of it after each. */
export function useCampaignActions(id: string) {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: campaignQueryKey(id) });
  return {
    close: useMutation({ mutationFn: () => closeCampaign(id), onSuccess }),
    openLink: useMutation({
      mutationFn: (input: { networkId: string; maxResponses?: number }) => createOpenLink(id, input),
      onSuccess,
    }),
    revoke: useMutation({ mutationFn: revokeInvitation, onSuccess }),
  };
}

export function setRetention(id: string, retentionDays: number | null): Promise<CampaignDto> {
  return api.put<CampaignDto>(`/campaigns/${id}/retention`, { retentionDays });
}

export function useSetRetention(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (retentionDays: number | null) => setRetention(id, retentionDays),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: campaignQueryKey(id) }),
  });
}

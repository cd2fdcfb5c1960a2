import { queryOptions, useQuery } from '@tanstack/react-query';

import type { CampaignLinkDto, OpenLinkDto } from '@concord/shared';

import { api } from '@/lib/api-client';

import { campaignQueryKey } from './get-campaign';

export type OpenLinkRow = OpenLinkDto & { responses: number; revoked: boolean };

export function linksQueryKey(id: string) {
  return [...campaignQueryKey(id), 'links'] as const;
}

export function getCampaignLinks(id: string): Promise<CampaignLinkDto[]> {
  return api.get<CampaignLinkDto[]>(`/campaigns/${id}/links`);
}

export function getOpenLinks(id: string): Promise<OpenLinkRow[]> {
  return api.get<OpenLinkRow[]>(`/campaigns/${id}/open-links`);
}

export function useCampaignLinks(id: string) {
  return useQuery(queryOptions({ queryKey: linksQueryKey(id), queryFn: () => getCampaignLinks(id) }));
}

export function useOpenLinks(id: string) {
  return useQuery(queryOptions({ queryKey: [...linksQueryKey(id), 'open'], queryFn: () => getOpenLinks(id) }));
}

import { queryOptions, useQuery } from '@tanstack/react-query';

import type { NetworkDto } from '@concord/shared';

import { api } from '@/lib/api-client';

/** What the campaign form needs from the surveys list: ids, titles and the published versions. */
export interface SurveyOption {
  id: string;
  slug: string;
  title: string;
  publishedVersions: number[];
}

export function getSurveyOptions(): Promise<SurveyOption[]> {
  return api.get<SurveyOption[]>('/surveys');
}

export function useSurveyOptions() {
  return useQuery(queryOptions({ queryKey: ['campaigns', 'survey-options'], queryFn: getSurveyOptions }));
}

export function getNetworkOptions(): Promise<NetworkDto[]> {
  return api.get<NetworkDto[]>('/networks');
}

export function useNetworkOptions() {
  return useQuery(queryOptions({ queryKey: ['campaigns', 'network-options'], queryFn: getNetworkOptions }));
}

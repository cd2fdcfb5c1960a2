import { queryOptions, useQuery } from '@tanstack/react-query';

import type { AgreementResult, CoderDto } from '@concord/shared';

import { api } from '@/lib/api-client';

import { codingKeys } from './keys';

export function getCoders(campaignId: string, question: string): Promise<CoderDto[]> {
  return api.get<CoderDto[]>(`/campaigns/${campaignId}/themes/coders`, { query: { question } });
}

export function getAgreement(campaignId: string, question: string, coders: string): Promise<AgreementResult> {
  return api.get<AgreementResult>(`/campaigns/${campaignId}/themes/agreement`, { query: { question, coders } });
}

export function useCoders(campaignId: string, question: string) {
  return useQuery(
    queryOptions({
      queryKey: codingKeys.coders(campaignId, question),
      queryFn: () => getCoders(campaignId, question),
    }),
  );
}

export function useAgreement(campaignId: string, question: string, first: string, second: string) {
  const coders = `${first},${second}`;
  return useQuery(
    queryOptions({
      queryKey: codingKeys.agreement(campaignId, question, coders),
      queryFn: () => getAgreement(campaignId, question, coders),
      enabled: first !== '' && second !== '' && first !== second,
    }),
  );
}

import { queryOptions, useQuery } from '@tanstack/react-query';

import type { AuditVerifyResult } from '@concord/shared';

import { api } from '@/lib/api-client';

export const auditVerificationQueryKey = ['audit', 'verify'] as const;

export function verifyAuditChain(): Promise<AuditVerifyResult> {
  return api.get<AuditVerifyResult>('/audit/verify');
}

export function getAuditVerificationQueryOptions() {
  return queryOptions({
    queryKey: auditVerificationQueryKey,
    queryFn: verifyAuditChain,
    // Walking the whole chain costs the server a full scan: only on demand, not on every focus.
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });
}

export function useAuditVerification() {
  return useQuery(getAuditVerificationQueryOptions());
}

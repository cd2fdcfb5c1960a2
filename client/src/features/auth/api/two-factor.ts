import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import type { TotpEnabledDto, TotpSetupDto, TotpStatusDto } from '@concord/shared';

import { api } from '@/lib/api-client';

export const totpStatusQueryKey = ['auth', 'totp'] as const;

export function getTotpStatusQueryOptions() {
  return queryOptions({
    queryKey: totpStatusQueryKey,
    queryFn: () => api.get<TotpStatusDto>('/auth/totp'),
  });
}

export function useTotpStatus() {
  return useQuery(getTotpStatusQueryOptions());
}

export function useStartTotpSetup() {
  return useMutation({ mutationFn: () => api.post<TotpSetupDto>('/auth/totp/setup') });
}

export function useEnableTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { code: string }) => api.post<TotpEnabledDto>('/auth/totp/enable', input),
    // Everything held back until enrolment may now load. Not awaited: the caller shows the recovery
    // codes first, before the refreshed status replaces the set-up form.
    onSuccess: () => {
      void queryClient.invalidateQueries();
    },
  });
}

export interface DisableTotpInput {
  password?: string;
  code?: string;
}

export function useDisableTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DisableTotpInput) => api.post<undefined>('/auth/totp/disable', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: totpStatusQueryKey }),
  });
}

import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import type { TotpPolicyDto } from '@concord/shared';

import { api } from '@/lib/api-client';

const totpPolicyQueryKey = ['auth', 'totp', 'policy'] as const;

export function useTotpPolicy() {
  return useQuery(
    queryOptions({ queryKey: totpPolicyQueryKey, queryFn: () => api.get<TotpPolicyDto>('/auth/totp/policy') }),
  );
}

export function useSetTotpPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TotpPolicyDto) => api.put<TotpPolicyDto>('/auth/totp/policy', input),
    onSuccess: (policy) => {
      queryClient.setQueryData(totpPolicyQueryKey, policy);
    },
  });
}

/** An admin turns off a user's two-factor sign-in (they lost their phone and their recovery codes). */
export function useResetUserTotp() {
  return useMutation({
    mutationFn: (userId: string) => api.delete<undefined>(`/users/${encodeURIComponent(userId)}/totp`),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import { apiTokensQueryKey } from './get-api-tokens';

export function revokeApiToken(tokenId: string): Promise<void> {
  return api.delete(`/auth/tokens/${encodeURIComponent(tokenId)}`);
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeApiToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokensQueryKey }),
  });
}

import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import type { ApiTokenDto } from '@concord/shared';

import { api } from '@/lib/api-client';

const userTokensQueryKey = (userId: string) => ['users', userId, 'tokens'] as const;

export function getUserTokens(userId: string): Promise<ApiTokenDto[]> {
  return api.get<ApiTokenDto[]>(`/users/${encodeURIComponent(userId)}/tokens`);
}

export function useUserTokens(userId: string) {
  return useQuery(queryOptions({ queryKey: userTokensQueryKey(userId), queryFn: () => getUserTokens(userId) }));
}

export interface RevokeUserTokenInput {
  userId: string;
  tokenId: string;
}

export function revokeUserToken({ userId, tokenId }: RevokeUserTokenInput): Promise<void> {
  return api.delete(`/users/${encodeURIComponent(userId)}/tokens/${encodeURIComponent(tokenId)}`);
}

export function useRevokeUserToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeUserToken,
    onSuccess: (_result, { userId }) => queryClient.invalidateQueries({ queryKey: userTokensQueryKey(userId) }),
  });
}

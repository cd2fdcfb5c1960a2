import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { ApiTokenCreated } from '@concord/shared';

import { api } from '@/lib/api-client';

import { apiTokensQueryKey } from './get-api-tokens';

export interface CreateApiTokenInput {
  name: string;
}

export function createApiToken(input: CreateApiTokenInput): Promise<ApiTokenCreated> {
  return api.post<ApiTokenCreated>('/auth/tokens', input);
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createApiToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokensQueryKey }),
  });
}

import { hashKey, useMutation, useQueryClient } from '@tanstack/react-query';

import type { LoginResponse } from '@concord/shared';

import { api } from '@/lib/api-client';

import { getMeQueryOptions, meQueryKey } from './get-me';

export interface LoginInput {
  email: string;
  password: string;
  /** The authenticator code or a recovery code, once the server asked for it. */
  totp?: string;
}

export function login(input: LoginInput): Promise<LoginResponse> {
  return api.post<LoginResponse>('/auth/login', input);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: ({ user }) => {
      // Whatever is cached belonged to the previous session; keep only the session query itself,
      // which the login page is observing.
      const meHash = hashKey(meQueryKey);
      queryClient.removeQueries({ predicate: (query) => query.queryHash !== meHash });
      queryClient.setQueryData(getMeQueryOptions().queryKey, user);
      // The login answer may carry fewer fields than GET /auth/me; fetch the full user in the background.
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}

import { useMutation } from '@tanstack/react-query';

import { api, isApiError } from '@/lib/api-client';

export async function logout(): Promise<void> {
  try {
    await api.post<undefined>('/auth/logout');
  } catch (error) {
    // Already signed out (session expired): the goal is reached.
    if (!isApiError(error, 401)) throw error;
  }
}

export function useLogout() {
  return useMutation({
    mutationFn: logout,
    onSuccess: () => {
      // A full page load rather than a client-side navigation: it drops every cached query and any
      // other in-memory state of the signed-out user in one go.
      window.location.assign('/login');
    },
  });
}

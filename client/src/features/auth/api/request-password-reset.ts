import { useMutation } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

export function requestPasswordReset(email: string): Promise<void> {
  return api.post<undefined>('/auth/password-reset', { email });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}

import { useMutation } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

export interface ConfirmPasswordResetInput {
  token: string;
  newPassword: string;
}

export function confirmPasswordReset(input: ConfirmPasswordResetInput): Promise<void> {
  return api.post<undefined>('/auth/password-reset/confirm', input);
}

export function useConfirmPasswordReset() {
  return useMutation({ mutationFn: confirmPasswordReset });
}

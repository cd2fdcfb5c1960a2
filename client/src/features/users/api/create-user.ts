import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { StaffRole, UserDto } from '@concord/shared';

import { api } from '@/lib/api-client';

import { usersQueryKey } from './get-users';

export interface CreateUserInput {
  email: string;
  name: string;
  role: StaffRole;
  password: string;
}

export function createUser(input: CreateUserInput): Promise<UserDto> {
  return api.post<UserDto>('/users', input);
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
}

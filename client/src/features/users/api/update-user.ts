import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { StaffRole, UserDto } from '@concord/shared';

import { api } from '@/lib/api-client';

import { usersQueryKey } from './get-users';

export interface UpdateUserInput {
  userId: string;
  data: { role?: StaffRole; disabled?: boolean; password?: string };
}

export function updateUser({ userId, data }: UpdateUserInput): Promise<UserDto> {
  return api.patch<UserDto>(`/users/${encodeURIComponent(userId)}`, data);
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: (updated) => {
      // Show the change at once, then refetch in case it had effects on other rows.
      queryClient.setQueryData<UserDto[]>(usersQueryKey, (users) =>
        users?.map((user) => (user.id === updated.id ? updated : user)),
      );
      // A reset or a disable also revokes the user's tokens.
      return queryClient.invalidateQueries({ queryKey: usersQueryKey });
    },
  });
}

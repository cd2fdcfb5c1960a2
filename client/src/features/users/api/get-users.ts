import { queryOptions, useQuery } from '@tanstack/react-query';

import type { UserDto } from '@concord/shared';

import { api } from '@/lib/api-client';

export const usersQueryKey = ['users'] as const;

export function getUsers(): Promise<UserDto[]> {
  return api.get<UserDto[]>('/users');
}

export function getUsersQueryOptions() {
  return queryOptions({ queryKey: usersQueryKey, queryFn: getUsers });
}

export function useUsers() {
  return useQuery(getUsersQueryOptions());
}

import { useQuery } from '@tanstack/react-query';

import type { UserDto } from '@concord/shared';

import { api } from '@/lib/api-client';

/** Committee members an admin may designate as chairs (the user list is for admins only). */
export function getCommitteeMembers(): Promise<UserDto[]> {
  return api
    .get<UserDto[]>('/users')
    .then((users) => users.filter((user) => user.role === 'committee' && !user.disabled));
}

export function useCommitteeMembers(enabled: boolean) {
  return useQuery({ queryKey: ['users', 'committee'], queryFn: getCommitteeMembers, enabled });
}

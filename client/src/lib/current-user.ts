import { createContext, use } from 'react';

import type { StaffRole, UserDto } from '@concord/shared';

/**
 * The signed-in user, provided by the app shell once the session is known. Features read it from
 * here rather than from the auth feature, so that features do not import one another.
 */
export const CurrentUserContext = createContext<UserDto | null>(null);

export function useCurrentUser(): UserDto {
  const user = use(CurrentUserContext);
  if (user === null) throw new Error('useCurrentUser() is used outside the signed-in part of the app.');
  return user;
}

export function hasRole(user: Pick<UserDto, 'role'>, roles: readonly StaffRole[]): boolean {
  return roles.includes(user.role);
}

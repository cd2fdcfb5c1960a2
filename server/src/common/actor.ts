import type { StaffRole } from '@concord/shared';
import { DomainError } from './domain-error';

/** The signed-in staff member on whose behalf a service acts. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
}

/** Services call this first, before touching data. Admin may do everything. */
export function requireRole(actor: Actor, allowed: readonly StaffRole[]): void {
  if (actor.role === 'admin' || allowed.includes(actor.role)) return;
  const roles = [...new Set<StaffRole>(['admin', ...allowed])];
  throw new DomainError('forbidden', `This action needs one of the roles: ${roles.join(', ')}`);
}

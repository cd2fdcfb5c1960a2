/** Staff roles. Network members have no account: they answer through a link. */
export const STAFF_ROLES = ['admin', 'secretariat', 'committee'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}

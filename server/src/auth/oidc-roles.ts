import type { StaffRole } from '@concord/shared';

// When a person holds several mapped provider roles, the widest Concord role wins.
const PRECEDENCE: readonly StaffRole[] = ['admin', 'secretariat', 'committee'];

/**
 * The Concord role for the provider's role claim (a string, a list, or a space-separated string
 * as some providers send groups), or null when none of its values is mapped.
 */
export function mapOidcRole(claim: unknown, roleMap: Readonly<Record<string, StaffRole>>): StaffRole | null {
  const values = Array.isArray(claim)
    ? claim.filter((value): value is string => typeof value === 'string')
    : typeof claim === 'string'
      ? claim.split(/\s+/)
      : [];
  const mapped = new Set(
    values.filter((value) => Object.prototype.hasOwnProperty.call(roleMap, value)).map((value) => roleMap[value]),
  );
  return PRECEDENCE.find((role) => mapped.has(role)) ?? null;
}

/** Only a path on this site, never another origin (`//host`, `/\host`), is a place to return to. */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return '/';
  }
  return value;
}

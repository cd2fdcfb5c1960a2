import type { StaffRole } from '@concord/shared';

const ROLE_LABELS: Record<StaffRole, string> = {
  admin: 'Administrator',
  secretariat: 'Secretariat',
  committee: 'Drafting committee',
};

export function roleLabel(role: StaffRole): string {
  return ROLE_LABELS[role];
}

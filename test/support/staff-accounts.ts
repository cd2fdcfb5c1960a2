import type { StaffRole } from '@concord/shared';
import type { StaffApi } from './browser-staff';

/** A staff member's sign-in: what a test creates the account with and signs in with afterwards. */
export interface StaffAccount {
  email: string;
  name: string;
  password: string;
}

/** Creates the account with this role through an admin's API client on a running server. */
export async function addStaffAccount(admin: StaffApi, role: StaffRole, account: StaffAccount): Promise<void> {
  await admin('POST', '/api/users', { ...account, role });
}

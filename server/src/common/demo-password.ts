import { createHmac } from 'node:crypto';

/**
 * The password of the demo staff accounts (SEED_DEMO). It is derived from the installation's own
 * link secret, so it differs between installations, stays the same across restarts, and the
 * start-up banner can print it beside the admin's without storing it anywhere.
 */
export function demoStaffPassword(linkSecret: string): string {
  return `demo-${createHmac('sha256', linkSecret).update('concord demo staff password').digest('base64url').slice(0, 16)}`;
}

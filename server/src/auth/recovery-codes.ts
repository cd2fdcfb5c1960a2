import { randomInt } from 'node:crypto';

export const RECOVERY_CODE_COUNT = 10;
// No 0/o, 1/l/i: a code copied from paper should not be misread.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A recovery code such as `k7dm-q2xh-9rtp` (about 74 bits). */
export function generateRecoveryCode(): string {
  const groups: string[] = [];
  for (let group = 0; group < 3; group++) {
    let part = '';
    for (let i = 0; i < 5; i++) part += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(part);
  }
  return groups.join('-');
}

/** How a typed recovery code is compared: case, spaces and dashes do not matter. */
export function normalizeRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]/g, '');
}

/** A TOTP code is six digits (spaces allowed, as apps show `123 456`); anything else may be a recovery code. */
export function asTotpCode(input: string): string | null {
  const digits = input.replace(/\s/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

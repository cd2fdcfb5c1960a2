import * as OTPAuth from 'otpauth';

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_ISSUER = 'Concord';

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

function totpFor(secret: string, label: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer: TOTP_ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: TOTP_PERIOD_SECONDS,
    secret: OTPAuth.Secret.fromBase32(secret),
  });
}

export function totpUri(secret: string, label: string): string {
  return totpFor(secret, label).toString();
}

/**
 * The 30-second step a code belongs to, when it is the code of the step at `at` or of the step
 * just before or after it (clocks drift and people type slowly), else null (RFC 6238, 5.2).
 */
export function matchTotpStep(secret: string, code: string, at: Date): number | null {
  const delta = totpFor(secret, '').validate({ token: code, timestamp: at.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS) + delta;
}

import fc from 'fast-check';
import * as OTPAuth from 'otpauth';
import { asTotpCode, generateRecoveryCode, normalizeRecoveryCode } from './recovery-codes';
import { matchTotpStep, newTotpSecret } from './totp';

describe('recovery codes', () => {
  it('are three groups of five unambiguous characters, and differ', () => {
    const codes = Array.from({ length: 200 }, generateRecoveryCode);
    for (const code of codes) expect(code).toMatch(/^[a-hjkmnp-z2-9]{5}(-[a-hjkmnp-z2-9]{5}){2}$/);
    expect(new Set(codes).size).toBe(200);
  });

  it('compare the same whatever the case, spaces and dashes', () => {
    const code = 'k7dmq-2xh9r-tpabc';
    expect(normalizeRecoveryCode('K7DMQ 2XH9R TPABC')).toBe(normalizeRecoveryCode(code));
    expect(normalizeRecoveryCode(' k7dmq2xh9rtpabc ')).toBe('k7dmq2xh9rtpabc');
  });

  it('are never taken for a TOTP code, and six digits (with spaces) always are', () => {
    for (let i = 0; i < 100; i++) expect(asTotpCode(generateRecoveryCode())).toBeNull();
    expect(asTotpCode('123 456')).toBe('123456');
    expect(asTotpCode('12345')).toBeNull();
    expect(asTotpCode('1234567')).toBeNull();
  });
});

describe('TOTP steps (RFC 6238)', () => {
  it('accept the code of the step at the time and of the steps either side, and no other', () => {
    const secret = newTotpSecret();
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) });
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000_000, max: 4_000_000_000 }),
        fc.integer({ min: -3, max: 3 }),
        (seconds, offset) => {
          const at = new Date(seconds * 1000);
          const step = Math.floor(seconds / 30);
          const code = totp.generate({ timestamp: (step + offset) * 30_000 });
          const matched = matchTotpStep(secret, code, at);
          // A code of another step can equal this step's code by chance (1 in 10^6): allow that.
          if (Math.abs(offset) <= 1) expect(matched).toBe(step + offset);
          else if (matched !== null) expect(totp.generate({ timestamp: matched * 30_000 })).toBe(code);
        },
      ),
    );
  });

  it('matches the RFC 6238 test vector (SHA-1, 59 s → 94287082 in 8 digits, 287082 in 6)', () => {
    const secret = OTPAuth.Secret.fromLatin1('12345678901234567890').base32;
    expect(matchTotpStep(secret, '287082', new Date(59_000))).toBe(1);
  });
});

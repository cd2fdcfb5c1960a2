import fc from 'fast-check';
import { deriveSealKey, seal, unseal } from './sealed-secrets';

describe('sealed secrets', () => {
  const key = deriveSealKey('a-server-secret-that-is-long-enough-0123', 'totp-secret');

  it('opens what it sealed, for any text, and the sealed form never contains it', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 4 }), (plaintext) => {
        const sealed = seal(key, plaintext);
        expect(unseal(key, sealed)).toBe(plaintext);
        expect(sealed).not.toContain(plaintext);
      }),
    );
  });

  it('refuses another purpose key, another server secret and any altered byte', () => {
    const sealed = seal(key, 'JBSWY3DPEHPK3PXP');
    expect(unseal(deriveSealKey('a-server-secret-that-is-long-enough-0123', 'oidc-state'), sealed)).toBeNull();
    expect(unseal(deriveSealKey('another-server-secret-that-is-long-enough', 'totp-secret'), sealed)).toBeNull();
    const [version = '', iv = '', text = '', tag = ''] = sealed.split('.');
    const body = Buffer.from(text, 'base64url');
    body.writeUInt8(body.readUInt8(0) ^ 1, 0);
    expect(unseal(key, [version, iv, body.toString('base64url'), tag].join('.'))).toBeNull();
    expect(unseal(key, 'JBSWY3DPEHPK3PXP')).toBeNull();
  });
});

import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Secrets the server must read back (TOTP secrets, the OpenID Connect sign-in state) are kept
 * sealed with AES-256-GCM under a key derived from the server's link secret, which lives outside
 * the database: a copy of the database alone does not give away anyone's second factor.
 */
export type SealPurpose = 'totp-secret' | 'oidc-state';

export function deriveSealKey(serverSecret: string, purpose: SealPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', serverSecret, 'concord', `concord:${purpose}`, 32));
}

/** `v1.<iv>.<ciphertext>.<tag>`, base64url parts. */
export function seal(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join(
    '.',
  );
}

/** The plaintext, or null when the value was not sealed with this key or was altered. */
export function unseal(key: Buffer, sealed: string): string | null {
  const [version, iv, body, tag, ...rest] = sealed.split('.');
  if (version !== 'v1' || iv === undefined || body === undefined || tag === undefined || rest.length > 0) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

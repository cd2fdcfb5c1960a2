import { createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * The token of a link: HMAC-SHA256(linkSecret, invitationId), base64url (256 bits). Deriving it
 * instead of storing it lets staff show a link again at any time, while the database keeps only
 * sha256(token), which is useless without the secret.
 */
export function linkToken(linkSecret: string, invitationId: string): string {
  return createHmac('sha256', linkSecret).update(`invitation:${invitationId}`).digest('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Tokens are 43 base64url characters; anything else is answered as unknown (after the same lookup). */
export function isWellFormedToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

export function linkUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/r/${token}`;
}

/**
 * The id of an anonymous campaign's response to a personal invitation: a UUID derived from the
 * invitation with the secret, so that "one response per invitation" holds (primary key) while the
 * row itself names no invitation or member.
 */
export function anonymousResponseId(linkSecret: string, invitationId: string): string {
  const bytes = createHmac('sha256', linkSecret).update(`response:${invitationId}`).digest().subarray(0, 16);
  // RFC 9562: version 4 in the high nibble of byte 6, the variant bits 10 in byte 8.
  bytes.writeUInt8((bytes.readUInt8(6) & 0x0f) | 0x40, 6);
  bytes.writeUInt8((bytes.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RECEIPT_LENGTH = 16;

/**
 * Random bytes drawn from the system's generator a few kilobytes at a time, each byte handed out
 * once (as Node does for randomUUID): one call of the generator per completion was a thirtieth of
 * a completion's CPU.
 */
const RANDOM_POOL_BYTES = 4096;
let randomPool = Buffer.alloc(0);
let randomOffset = 0;

function pooledRandomBytes(size: number): Buffer {
  if (randomOffset + size > randomPool.length) {
    randomPool = randomBytes(RANDOM_POOL_BYTES);
    randomOffset = 0;
  }
  const bytes = randomPool.subarray(randomOffset, randomOffset + size);
  randomOffset += size;
  return bytes;
}

/** A receipt a respondent can read out or copy: 16 Crockford base32 characters (80 bits), in groups. */
export function generateReceipt(): string {
  const bytes = pooledRandomBytes(RECEIPT_LENGTH);
  let code = '';
  for (let index = 0; index < RECEIPT_LENGTH; index++) {
    if (index > 0 && index % 4 === 0) code += '-';
    code += RECEIPT_ALPHABET.charAt((bytes[index] ?? 0) % 32);
  }
  return code;
}

/** JSON with object keys sorted, so the same answers always hash the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function requestHash(data: unknown): string {
  return createHash('sha256').update(canonicalJson(data)).digest('hex');
}

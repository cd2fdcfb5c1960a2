import {
  anonymousResponseId,
  canonicalJson,
  generateReceipt,
  isWellFormedToken,
  linkToken,
  requestHash,
  tokenHash,
} from './link-tokens';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const ID = '6f1c2b8e-0d4a-4c1e-9a57-3b2f8e1d0c9a';

describe('link tokens', () => {
  it('derives a stable 256-bit base64url token that depends on the secret and the id', () => {
    const token = linkToken(SECRET, ID);
    expect(token).toBe(linkToken(SECRET, ID));
    expect(isWellFormedToken(token)).toBe(true);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(linkToken(`${SECRET}x`, ID)).not.toBe(token);
    expect(linkToken(SECRET, ID.replace('a', 'b'))).not.toBe(token);
    expect(tokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash(token)).not.toContain(token);
  });

  it('rejects malformed tokens', () => {
    expect(isWellFormedToken('short')).toBe(false);
    expect(isWellFormedToken(`${'a'.repeat(42)}=`)).toBe(false);
  });

  it('derives a valid version-4 UUID for anonymous responses', () => {
    const id = anonymousResponseId(SECRET, ID);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(anonymousResponseId(SECRET, ID)).toBe(id);
  });

  it('makes receipts of four groups of four unambiguous characters', () => {
    expect(generateReceipt()).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  });

  it('never repeats a receipt across refills of its random pool, and uses the whole alphabet', () => {
    // 2,000 receipts draw 32,000 random bytes: several refills of the 4 KiB pool.
    const receipts = Array.from({ length: 2_000 }, () => generateReceipt());
    expect(receipts.filter((receipt) => !/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/.test(receipt))).toEqual(
      [],
    );
    expect(new Set(receipts).size).toBe(2_000);
    expect(new Set(receipts.join('').replaceAll('-', '')).size).toBe(32);
  });

  it('hashes answers independently of key order', () => {
    expect(canonicalJson({ b: [1, { d: 1, c: 2 }], a: 'x' })).toBe('{"a":"x","b":[1,{"c":2,"d":1}]}');
    expect(requestHash({ a: 1, b: 2 })).toBe(requestHash({ b: 2, a: 1 }));
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: 2 }));
  });
});

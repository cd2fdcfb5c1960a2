import { elementAt } from '../common/rows';
import { canonicalJson, chainHash, checkChainSegment, GENESIS_HASH, type StoredEvent } from './audit-chain';

function buildChain(count: number): StoredEvent[] {
  const events: StoredEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const fields = {
      seq,
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
      actorId: null,
      actorEmail: 'admin@example.org',
      action: 'user.created',
      subject: `user:${seq}`,
      payload: { n: seq, nested: { b: 2, a: 1 } },
    };
    const hash = chainHash(prevHash, fields);
    events.push({ ...fields, prevHash, hash });
    prevHash = hash;
  }
  return events;
}

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined properties', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: undefined, x: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":2,"z":1}]},"b":1}',
    );
  });

  it('gives the same text whatever the key order', () => {
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });
});

describe('checkChainSegment', () => {
  it('accepts an intact chain and returns its head', () => {
    const chain = buildChain(5);
    expect(checkChainSegment(chain, 1, GENESIS_HASH)).toEqual({
      ok: true,
      lastSeq: 5,
      lastHash: elementAt(chain, 4, 'chain').hash,
    });
  });

  it('reports an altered payload at its own seq', () => {
    const chain = buildChain(5);
    chain[2] = { ...elementAt(chain, 2, 'chain'), payload: { n: 999 } };
    expect(checkChainSegment(chain, 1, GENESIS_HASH)).toEqual({ ok: false, brokenAt: 3 });
  });

  it('reports a deleted row at the missing seq', () => {
    const chain = buildChain(5);
    chain.splice(1, 1);
    expect(checkChainSegment(chain, 1, GENESIS_HASH)).toEqual({ ok: false, brokenAt: 2 });
  });

  it('reports a re-hashed row by the broken link of the row after it', () => {
    const chain = buildChain(4);
    const forged = { ...elementAt(chain, 1, 'chain'), action: 'user.deleted' };
    const { prevHash, hash: _old, ...fields } = forged;
    chain[1] = { ...forged, hash: chainHash(prevHash, fields) };
    expect(checkChainSegment(chain, 1, GENESIS_HASH)).toEqual({ ok: false, brokenAt: 3 });
  });
});

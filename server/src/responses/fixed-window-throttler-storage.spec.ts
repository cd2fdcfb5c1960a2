import fc from 'fast-check';
import { FixedWindowThrottlerStorage } from './fixed-window-throttler-storage';

const TTL = 60_000;
const BLOCK = 30_000;

function storageAt(start: number): { storage: FixedWindowThrottlerStorage; at: (ms: number) => void } {
  let now = start;
  const storage = new FixedWindowThrottlerStorage(() => now);
  return { storage, at: (ms) => (now = start + ms) };
}

describe('FixedWindowThrottlerStorage', () => {
  it('allows the limit in a window, then blocks for the block duration and starts afresh', () => {
    const { storage, at } = storageAt(1_000_000);
    const hit = (ms: number) => {
      at(ms);
      return storage.count('respond|10.0.0.1', TTL, 3, BLOCK);
    };
    try {
      expect([hit(0), hit(1_000), hit(2_000)]).toEqual([
        { totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 },
        { totalHits: 2, timeToExpire: 59, isBlocked: false, timeToBlockExpire: 0 },
        { totalHits: 3, timeToExpire: 58, isBlocked: false, timeToBlockExpire: 0 },
      ]);
      expect(hit(3_000)).toEqual({ totalHits: 4, timeToExpire: 57, isBlocked: true, timeToBlockExpire: 30 });
      expect(hit(32_500)).toEqual({ totalHits: 5, timeToExpire: 28, isBlocked: true, timeToBlockExpire: 1 });
      expect(hit(33_000)).toEqual({ totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
      // Another address has its own window.
      at(33_000);
      expect(storage.count('respond|10.0.0.2', TTL, 3, BLOCK).totalHits).toBe(1);
      // A window that has ended starts again without a block.
      expect([hit(94_000).totalHits, hit(94_000).isBlocked]).toEqual([1, false]);
    } finally {
      storage.close();
    }
  });

  it('without a block duration blocks to the end of the window', () => {
    const { storage, at } = storageAt(0);
    try {
      storage.count('k', TTL, 1, 0);
      at(10_000);
      expect(storage.count('k', TTL, 1, 0)).toEqual({
        totalHits: 2,
        timeToExpire: 50,
        isBlocked: true,
        timeToBlockExpire: 50,
      });
      at(60_000);
      expect(storage.count('k', TTL, 1, 0).isBlocked).toBe(false);
    } finally {
      storage.close();
    }
  });

  it('sweeps only the keys whose window and block have both ended', () => {
    const { storage, at } = storageAt(0);
    try {
      storage.count('quiet', TTL, 5, BLOCK);
      storage.count('blocked', TTL, 0, BLOCK * 4);
      at(TTL);
      storage.sweep();
      expect(storage.size).toBe(1);
      at(BLOCK * 4);
      storage.sweep();
      expect(storage.size).toBe(0);
    } finally {
      storage.close();
    }
  });

  it('never allows more than the limit per window, and a client that waits out the block is let in again', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.integer({ min: 0, max: 45_000 }), { minLength: 1, maxLength: 80 }),
        (limit, gaps) => {
          const { storage, at } = storageAt(5_000_000);
          try {
            let now = 0;
            const allowed: number[] = [];
            let blockedSince: number | null = null;
            for (const gap of gaps) {
              now += gap;
              at(now);
              const waitedOut = blockedSince !== null && now - blockedSince >= BLOCK;
              const record = storage.count('k', TTL, limit, BLOCK);
              if (waitedOut && record.isBlocked) return false;
              if (record.isBlocked) blockedSince ??= now;
              else {
                blockedSince = null;
                allowed.push(now);
              }
            }
            // Fixed windows: any span shorter than the window holds at most two windows' worth.
            for (const [index, start] of allowed.entries()) {
              const within = allowed.slice(index).filter((t) => t < start + TTL).length;
              if (within > 2 * limit) return false;
            }
            return true;
          } finally {
            storage.close();
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

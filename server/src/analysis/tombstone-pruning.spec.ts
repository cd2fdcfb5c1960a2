import fc from 'fast-check';
import { dueMark, mayCatchUp, TOMBSTONE_KEEP_MS } from './tombstone-pruning';

const HOUR = TOMBSTONE_KEEP_MS;

describe('dueMark', () => {
  it('takes the newest mark that is old enough and keeps the younger ones waiting', () => {
    const marks = [
      { at: 0, xmin: '10' },
      { at: 1_000, xmin: '20' },
      { at: HOUR, xmin: '30' },
    ];
    expect(dueMark(marks, HOUR + 1_000)).toEqual({
      due: { at: 1_000, xmin: '20' },
      waiting: [{ at: HOUR, xmin: '30' }],
    });
  });

  it('has nothing due while every mark is younger than the keep time', () => {
    expect(dueMark([{ at: 5, xmin: '7' }], HOUR + 4)).toEqual({ due: null, waiting: [{ at: 5, xmin: '7' }] });
    expect(dueMark([], 0)).toEqual({ due: null, waiting: [] });
  });
});

describe('mayCatchUp', () => {
  it('lets an engine catch up for half the keep time after its snapshot, then makes it load again', () => {
    expect(mayCatchUp(0, HOUR / 2 - 1)).toBe(true);
    expect(mayCatchUp(0, HOUR / 2)).toBe(false);
  });

  it('never lets an engine catch up past a tombstone pruned before it', () => {
    // Tombstones below a mark's xmin were committed before the mark: an engine needs one only if
    // its previous snapshot is older than the mark. Pruning at or before the catch-up, by the mark
    // due then, never removes one such an engine needs.
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 * HOUR }), { maxLength: 8 }),
        fc.integer({ min: 0, max: 10 * HOUR }),
        fc.integer({ min: 0, max: 10 * HOUR }),
        fc.integer({ min: 0, max: 10 * HOUR }),
        (markTimes, snapshotAt, catchUpLater, pruneEarlier) => {
          const catchUpAt = snapshotAt + catchUpLater;
          const pruneAt = Math.max(0, catchUpAt - pruneEarlier);
          const { due } = dueMark(
            markTimes.map((at) => ({ at, xmin: String(at) })),
            pruneAt,
          );
          if (!mayCatchUp(snapshotAt, catchUpAt) || due === null) return;
          expect(due.at).toBeLessThan(snapshotAt);
        },
      ),
    );
  });
});

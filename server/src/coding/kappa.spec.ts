import fc from 'fast-check';
import { agreementTable, cohenKappa, poolTables } from './kappa';

describe('cohenKappa', () => {
  it('matches a textbook table worked by hand', () => {
    // 50 items: both yes 20, first only 5, second only 10, both no 15.
    // pₒ = 35/50; yes₁ = 25, yes₂ = 30, e = 25·30 + 25·20 = 1250; κ = (50·35 − 1250) / (2500 − 1250) = 500/1250.
    expect(cohenKappa({ both: 20, firstOnly: 5, secondOnly: 10, neither: 15 })).toEqual({
      kappa: 0.4,
      agreement: 0.7,
    });
  });

  it('is 1 for perfect agreement, 0 at chance, undefined with no variation or no items', () => {
    expect(cohenKappa({ both: 3, firstOnly: 0, secondOnly: 0, neither: 2 }).kappa).toBe(1);
    expect(cohenKappa({ both: 1, firstOnly: 1, secondOnly: 1, neither: 1 })).toEqual({ kappa: 0, agreement: 0.5 });
    expect(cohenKappa({ both: 0, firstOnly: 0, secondOnly: 0, neither: 4 })).toEqual({ kappa: null, agreement: 1 });
    expect(cohenKappa({ both: 0, firstOnly: 0, secondOnly: 0, neither: 0 })).toEqual({ kappa: null, agreement: null });
    expect(cohenKappa({ both: 0, firstOnly: 2, secondOnly: 2, neither: 0 })).toEqual({ kappa: -1, agreement: 0 });
  });

  it('equals the textbook formula, is symmetric in the coders and never exceeds 1', () => {
    const count = fc.integer({ min: 0, max: 200 });
    fc.assert(
      fc.property(count, count, count, count, (both, firstOnly, secondOnly, neither) => {
        const table = { both, firstOnly, secondOnly, neither };
        const { kappa, agreement } = cohenKappa(table);
        const n = both + firstOnly + secondOnly + neither;
        const swapped = cohenKappa({ both, firstOnly: secondOnly, secondOnly: firstOnly, neither });
        expect(swapped).toEqual({ kappa, agreement });
        if (n === 0) return expect(kappa).toBeNull();
        const po = (both + neither) / n;
        const pe =
          ((both + firstOnly) / n) * ((both + secondOnly) / n) +
          ((secondOnly + neither) / n) * ((firstOnly + neither) / n);
        expect(agreement).toBeCloseTo(po, 12);
        if (kappa === null) {
          expect(pe).toBeCloseTo(1, 12);
        } else {
          expect(kappa).toBeCloseTo((po - pe) / (1 - pe), 9);
          expect(kappa).toBeLessThanOrEqual(1);
          expect(kappa).toBeGreaterThanOrEqual(-1);
        }
      }),
    );
  });
});

describe('agreementTable and poolTables', () => {
  it('counts each common answer in one cell per theme, and pools cell by cell', () => {
    const items = [
      { first: new Set(['a', 'b']), second: new Set(['a']) },
      { first: new Set<string>(), second: new Set(['b']) },
      { first: new Set(['a']), second: new Set(['a', 'b']) },
    ];
    const a = agreementTable('a', items);
    const b = agreementTable('b', items);
    expect(a).toEqual({ both: 2, firstOnly: 0, secondOnly: 0, neither: 1 });
    expect(b).toEqual({ both: 0, firstOnly: 1, secondOnly: 2, neither: 0 });
    expect(poolTables([a, b])).toEqual({ both: 2, firstOnly: 1, secondOnly: 2, neither: 1 });
  });
});

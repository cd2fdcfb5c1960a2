import fc from 'fast-check';
import { dependencyOrder } from './dependency-order';

describe('dependencyOrder', () => {
  it('puts parents before children', () => {
    const order = dependencyOrder(
      [{ name: 'responses' }, { name: 'campaigns' }, { name: 'invitations' }, { name: 'networks' }],
      [
        { child: 'responses', parent: 'invitations' },
        { child: 'invitations', parent: 'campaigns' },
        { child: 'responses', parent: 'responses' },
        { child: 'invitations', parent: 'networks' },
      ],
    );
    expect(order.map((table) => table.name)).toEqual(['campaigns', 'networks', 'invitations', 'responses']);
  });

  it('for any acyclic schema: every table once, every parent before its children', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).chain((size) =>
          fc.tuple(
            fc.constant(size),
            // Edges from a higher to a lower index only: acyclic by construction.
            fc.array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1)), { maxLength: 30 }),
            fc.shuffledSubarray(
              Array.from({ length: size }, (_unused, index) => index),
              { minLength: size, maxLength: size },
            ),
          ),
        ),
        ([size, pairs, shuffled]) => {
          const name = (index: number) => `t${index}`;
          const edges = pairs
            .filter(([a, b]) => a !== b)
            .map(([a, b]) => ({ child: name(Math.max(a, b)), parent: name(Math.min(a, b)) }));
          const order = dependencyOrder(
            shuffled.map((index) => ({ name: name(index) })),
            edges,
          ).map((table) => table.name);
          expect([...order].sort()).toEqual(Array.from({ length: size }, (_unused, index) => name(index)).sort());
          for (const edge of edges) expect(order.indexOf(edge.parent)).toBeLessThan(order.indexOf(edge.child));
        },
      ),
    );
  });
});

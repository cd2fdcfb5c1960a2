import fc from 'fast-check';
import { enginesToEvict, type LoadedEngine } from './engine-eviction';

const engine = (campaignId: string, bytes: number, lastRead: number, busy = false): LoadedEngine => ({
  campaignId,
  bytes,
  lastRead,
  busy,
});

describe('enginesToEvict', () => {
  it('drops the least recently read engines until the rest fit', () => {
    const engines = [engine('a', 40, 3), engine('b', 40, 1), engine('c', 40, 2), engine('d', 40, 4)];
    expect(enginesToEvict(engines, 100, 'd')).toEqual(['b', 'c']);
  });

  it('drops nothing within the limit', () => {
    expect(enginesToEvict([engine('a', 50, 1), engine('b', 50, 2)], 100, 'a')).toEqual([]);
  });

  it('never drops the engine being read nor a busy one, even past the limit', () => {
    const engines = [engine('kept', 300, 1), engine('busy', 300, 2, true), engine('idle', 10, 3)];
    expect(enginesToEvict(engines, 100, 'kept')).toEqual(['idle']);
  });

  it('leaves at most the limit, or only engines it may not drop', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ bytes: fc.nat(1_000), lastRead: fc.nat(1_000), busy: fc.boolean() }), { maxLength: 12 }),
        fc.nat(3_000),
        (specs, limit) => {
          const engines = specs.map((spec, i) => engine(`c${i}`, spec.bytes, spec.lastRead, spec.busy));
          const keep = engines[0]?.campaignId ?? '';
          const evicted = new Set(enginesToEvict(engines, limit, keep));
          const left = engines.filter((e) => !evicted.has(e.campaignId));
          const leftBytes = left.reduce((sum, e) => sum + e.bytes, 0);
          const droppable = left.filter((e) => e.campaignId !== keep && !e.busy && e.bytes > 0);
          expect(evicted.has(keep)).toBe(false);
          expect(engines.filter((e) => e.busy).every((e) => !evicted.has(e.campaignId))).toBe(true);
          expect(leftBytes <= limit || droppable.length === 0).toBe(true);
          // Whatever was dropped was read no later than any droppable engine left.
          for (const e of engines.filter((x) => evicted.has(x.campaignId)))
            for (const other of droppable) expect(e.lastRead).toBeLessThanOrEqual(other.lastRead);
        },
      ),
    );
  });
});

import fc from 'fast-check';
import { ResponsePlaces } from './response-places';

/** UUIDs that often share all but a few hex digits (time-ordered ids do), and ids of other forms. */
const hexDigits = (length: number): fc.Arbitrary<string> =>
  fc
    .array(fc.constantFrom(...'0123456789abcdef'), { minLength: length, maxLength: length })
    .map((digits) => digits.join(''));
const id = fc.oneof(
  fc.uuid(),
  fc
    .tuple(fc.constantFrom('0190a1b2-c3d4-7e5f-8a9b-', '00000000-0000-0000-0000-'), hexDigits(12))
    .map(([prefix, tail]) => prefix + tail),
  fc.constantFrom('r1', 'r2', 'R-1', '0190A1B2-C3D4-7E5F-8A9B-0123456789AB', ''),
);

describe('response places', () => {
  it('finds every place recorded and nothing else, across growth, as a Map does', () => {
    fc.assert(
      fc.property(
        fc.array(id, { maxLength: 3_000 }),
        fc.array(id, { maxLength: 200 }),
        fc.nat({ max: 5_000 }),
        (added, probed, reserved) => {
          const places = new ResponsePlaces();
          const reference = new Map<string, number>();
          places.reserve(reserved);
          for (const each of added) {
            if (places.get(each) !== undefined) continue;
            places.add(each, reference.size);
            reference.set(each, reference.size);
          }
          expect(places.size).toBe(reference.size);
          for (const each of [...added, ...probed]) expect(places.get(each)).toBe(reference.get(each));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('holds UUIDs in 20 bytes a slot, at most three quarters full', () => {
    const places = new ResponsePlaces();
    places.reserve(200_000);
    for (let i = 0; i < 200_000; i++) {
      const hex = i.toString(16).padStart(12, '0');
      places.add(`0190a1b2-c3d4-7e5f-8a9b-${hex}`, i);
    }
    expect(places.get('0190a1b2-c3d4-7e5f-8a9b-000000030d40')).toBeUndefined();
    expect(places.get('0190a1b2-c3d4-7e5f-8a9b-000000030d3f')).toBe(199_999);
    expect(places.get('0190a1b2-c3d4-7e5f-8a9b-000000000000')).toBe(0);
    // 2^19 slots of 20 bytes (2^18 would be over three quarters full): 52 bytes an id.
    expect(places.bytes).toBe(2 ** 19 * 20);
  });
});

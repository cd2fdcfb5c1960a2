/** Lowercase UUIDs, as PostgreSQL prints a uuid. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Slots kept free: probes stay short below three quarters full. */
const MAX_LOAD = 0.75;
const EMPTY = -1;

/**
 * Response ids to their places in the tally engine. Response ids are UUIDs, kept here as four
 * 32-bit words in an open-addressing table (linear probing): 27 to 54 bytes a response, where a
 * Map of 36-character id strings costs about 120, the largest part of an engine of a million
 * responses. Ids of any other form (tests name responses freely) go to a Map. Places are never
 * removed: a deleted response keeps its place, unused.
 */
export class ResponsePlaces {
  /** Four words of a UUID per slot. */
  private keys = new Int32Array(0);
  /** The place of each slot's id, EMPTY for a free slot. */
  private values = new Int32Array(0);
  private mask = -1;
  private used = 0;
  private readonly others = new Map<string, number>();

  get size(): number {
    return this.used + this.others.size;
  }

  /** Bytes held, roughly (the Map of other ids at ~120 bytes an entry). */
  get bytes(): number {
    return this.keys.byteLength + this.values.byteLength + this.others.size * 120;
  }

  /** Makes room for `count` ids in all, so that adding them does not grow the table step by step. */
  reserve(count: number): void {
    if (count > (this.mask + 1) * MAX_LOAD) this.resize(count);
  }

  get(id: string): number | undefined {
    if (!UUID.test(id)) return this.others.get(id);
    if (this.mask < 0) return undefined;
    const [a, b, c, d] = words(id);
    const keys = this.keys;
    const values = this.values;
    for (let slot = hash(a, b, c, d) & this.mask; ; slot = (slot + 1) & this.mask) {
      const value = values[slot] ?? EMPTY;
      if (value === EMPTY) return undefined;
      const at = slot * 4;
      if (keys[at] === a && keys[at + 1] === b && keys[at + 2] === c && keys[at + 3] === d) return value;
    }
  }

  /** Records the place of an id not recorded yet (callers look it up first). */
  add(id: string, place: number): void {
    if (!UUID.test(id)) {
      this.others.set(id, place);
      return;
    }
    if (this.used + 1 > (this.mask + 1) * MAX_LOAD) this.resize(this.used + 1);
    const [a, b, c, d] = words(id);
    this.insert(a, b, c, d, place);
  }

  private insert(a: number, b: number, c: number, d: number, place: number): void {
    const keys = this.keys;
    const values = this.values;
    let slot = hash(a, b, c, d) & this.mask;
    while ((values[slot] ?? EMPTY) !== EMPTY) slot = (slot + 1) & this.mask;
    const at = slot * 4;
    keys[at] = a;
    keys[at + 1] = b;
    keys[at + 2] = c;
    keys[at + 3] = d;
    values[slot] = place;
    this.used++;
  }

  /** Grows the table to hold `count` ids, doubling at least. */
  private resize(count: number): void {
    let slots = Math.max(1024, (this.mask + 1) * 2);
    while (count > slots * MAX_LOAD) slots *= 2;
    const oldKeys = this.keys;
    const oldValues = this.values;
    this.keys = new Int32Array(slots * 4);
    this.values = new Int32Array(slots).fill(EMPTY);
    this.mask = slots - 1;
    this.used = 0;
    for (let slot = 0; slot < oldValues.length; slot++) {
      const value = oldValues[slot] ?? EMPTY;
      if (value === EMPTY) continue;
      const at = slot * 4;
      this.insert(oldKeys[at] ?? 0, oldKeys[at + 1] ?? 0, oldKeys[at + 2] ?? 0, oldKeys[at + 3] ?? 0, value);
    }
  }
}

/** A UUID's 128 bits as four signed 32-bit words. */
function words(id: string): [number, number, number, number] {
  return [
    parseInt(id.slice(0, 8), 16) | 0,
    parseInt(id.slice(9, 13) + id.slice(14, 18), 16) | 0,
    parseInt(id.slice(19, 23) + id.slice(24, 28), 16) | 0,
    parseInt(id.slice(28, 36), 16) | 0,
  ];
}

/** Mixes all four words: time-ordered UUIDs share their leading bits. */
function hash(a: number, b: number, c: number, d: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35) ^ Math.imul(d, 0x27d4eb2f);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}

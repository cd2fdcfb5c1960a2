import { elementAt } from '../common/rows';

/** A small seeded PRNG (mulberry32): the demo data must be the same on every start. */
export class DemoRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return elementAt(items, Math.floor(this.next() * items.length), 'The list to pick from');
  }

  /** Some items in their original order: at least `min`, at most `max`. */
  subset<T>(items: readonly T[], min: number, max: number): T[] {
    const count = this.int(Math.min(min, items.length), Math.min(max, items.length));
    return this.shuffle(items)
      .slice(0, count)
      .sort((a, b) => items.indexOf(a) - items.indexOf(b));
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let index = copy.length - 1; index > 0; index--) {
      const other = Math.floor(this.next() * (index + 1));
      [copy[index], copy[other]] = [elementAt(copy, other, 'shuffle'), elementAt(copy, index, 'shuffle')];
    }
    return copy;
  }
}

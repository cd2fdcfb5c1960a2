import { collectGarbage, heapGrowthCheck } from './heap';

describe('collectGarbage', () => {
  it('frees garbage promoted to the old generation without exposing a global gc', () => {
    // Survives a few scavenges while it is referenced, so V8 promotes it to the old generation.
    let garbage: number[][] | null = Array.from({ length: 400 }, (_unused, index) =>
      Array.from({ length: 10_000 }, (_value, offset) => index + offset + 0.5),
    );
    const held = process.memoryUsage().heapUsed;
    expect(garbage.length).toBe(400);
    garbage = null;
    collectGarbage();
    const freed = held - process.memoryUsage().heapUsed;
    // 4,000,000 doubles take 32 MB; the collection frees at least most of them.
    expect(freed).toBeGreaterThan(25 * 1024 * 1024);
    expect('gc' in globalThis).toBe(false);
    collectGarbage();
  });
});

describe('heapGrowthCheck', () => {
  it('collects once the heap has grown by the given amount since it was made, and not before', () => {
    collectGarbage();
    const check = heapGrowthCheck(16 * 1024 * 1024);
    expect(check()).toBe(false);
    // 4,000,000 doubles take 32 MB: held, they are growth the check must see.
    let held: number[][] | null = Array.from({ length: 400 }, (_unused, index) =>
      Array.from({ length: 10_000 }, (_value, offset) => index + offset + 0.5),
    );
    expect(check()).toBe(true);
    // Still held: the collection freed nothing of it, and the check's base moved up past it.
    expect(held.length).toBe(400);
    expect(check()).toBe(false);
    held = null;
    const before = process.memoryUsage().heapUsed;
    expect(check()).toBe(false);
    expect(process.memoryUsage().heapUsed).toBeGreaterThanOrEqual(before - 1024 * 1024);
  });
});

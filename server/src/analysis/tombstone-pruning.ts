/**
 * When tombstones of deleted responses may go. An engine catching up reads the tombstones its
 * previous snapshot could not see; a tombstone may go once no engine can still need it. Pruning
 * goes by marks: a mark notes the database clock and the oldest xid still running at that moment,
 * so every tombstone with an xid below it was committed before the mark. Once a mark is older than
 * TOMBSTONE_KEEP_MS those tombstones go, and an engine whose previous snapshot is older than half
 * that loads again instead of catching up, so it never needs a pruned one.
 */

/** How long a mark waits before the tombstones below it are pruned. */
export const TOMBSTONE_KEEP_MS = 60 * 60_000;

export interface PruneMark {
  /** Database clock, milliseconds since the epoch. */
  at: number;
  /** Oldest xid still running at `at`: every xid below it had finished. */
  xmin: string;
}

/**
 * The newest mark at least TOMBSTONE_KEEP_MS old at `now` (tombstones below its xmin may go), and
 * the marks younger than that, which wait.
 */
export function dueMark(marks: readonly PruneMark[], now: number): { due: PruneMark | null; waiting: PruneMark[] } {
  let due: PruneMark | null = null;
  const waiting: PruneMark[] = [];
  for (const mark of marks) {
    if (now - mark.at >= TOMBSTONE_KEEP_MS) {
      if (due === null || mark.at > due.at) due = mark;
    } else {
      waiting.push(mark);
    }
  }
  return { due, waiting };
}

/** Whether an engine exact as of `asOf` may catch up at `now`, or must load again (database clock, ms). */
export function mayCatchUp(asOf: number, now: number): boolean {
  return now - asOf < TOMBSTONE_KEEP_MS / 2;
}

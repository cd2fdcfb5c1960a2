import { type ClientBase, Query } from 'pg';
import type { QueryRunner } from 'typeorm';

/**
 * Runs a statement on the query runner's connection (in its transaction) and hands each row to
 * `each` as it arrives, without collecting the result: a row is garbage as soon as `each` returns,
 * so a statement returning hundreds of megabytes costs the memory of one row, and its rows die
 * young (collected rows that outlive a young-generation collection are copied into the old one,
 * which cost the fold more than counting them). PostgreSQL goes on sending while rows are handled.
 * Resolves with the number of rows once the statement completes; rejects with the statement's
 * error, or with the first error `each` threw (the remaining rows are then read and dropped).
 */
export async function forEachStreamedRow<Row>(
  runner: QueryRunner,
  text: string,
  values: readonly unknown[],
  each: (row: Row) => void,
): Promise<number> {
  const client = (await runner.connect()) as ClientBase;
  return new Promise<number>((resolve, reject) => {
    let rows = 0;
    let failure: Error | null = null;
    const query = new Query(text, [...values]);
    query.on('row', (row: Row) => {
      if (failure !== null) return;
      try {
        each(row);
        rows++;
      } catch (error) {
        failure = error instanceof Error ? error : new Error(String(error));
      }
    });
    query.on('error', reject);
    query.on('end', () => (failure === null ? resolve(rows) : reject(failure)));
    client.query(query);
  });
}

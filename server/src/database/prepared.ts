import type { Pool } from 'pg';
import { type DataSource, QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from '../common/database-unavailable';

/**
 * A statement run on (nearly) every request of a hot path: the respondent API, the staff
 * credential check. Its `name` makes `pg` prepare it once per pooled
 * connection (PostgreSQL parses and plans it once, later runs send only the parameters), and the
 * call skips TypeORM's query runner and result hydration. Names must be unique per text: a
 * connection that prepared a name refuses another text under it.
 */
export interface PreparedStatement {
  readonly name: string;
  readonly text: string;
}

const names = new Map<string, string>();

/** Declares a prepared statement; a second, different text under a known name is a programming error. */
export function preparedStatement(name: string, text: string): PreparedStatement {
  const known = names.get(name);
  if (known !== undefined && known !== text) {
    throw new Error(`The prepared statement ${name} is declared twice with different texts`);
  }
  names.set(name, text);
  return { name, text };
}

/**
 * Runs a prepared statement on a pooled connection outside any transaction. Failures look like
 * TypeORM's (a QueryFailedError carrying the driver's error), so the API's error mapping
 * (constraint violations, unstorable values, an unreachable database) answers exactly as it
 * does for statements run through TypeORM.
 */
export async function runPrepared<Row>(
  dataSource: DataSource,
  statement: PreparedStatement,
  values: readonly unknown[],
): Promise<Row[]> {
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  try {
    const result = await pool.query({ name: statement.name, text: statement.text, values: [...values] });
    return result.rows as Row[];
  } catch (error) {
    if (isDatabaseUnavailable(error) || !(error instanceof Error)) throw error;
    throw new QueryFailedError(statement.text, [...values], error);
  }
}

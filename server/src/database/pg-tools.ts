import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { onlyRow } from '../common/rows';

/** Major version of a PostgreSQL client tool on the PATH (pg_dump, pg_restore), or null. */
export function toolMajorVersion(tool: 'pg_dump' | 'pg_restore'): number | null {
  try {
    const output = execFileSync(tool, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const match = /\(PostgreSQL\)\s+(\d+)/.exec(output) ?? /(\d+)\.\d+/.exec(output);
    return match === null ? null : Number(match[1]);
  } catch {
    return null;
  }
}

export async function serverMajorVersion(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ server_version_num: string }>('SHOW server_version_num');
    return Math.floor(Number(onlyRow(result.rows, 'SHOW server_version_num').server_version_num) / 10_000);
  } finally {
    await client.end();
  }
}

/** pg_dump's custom format starts with these bytes. */
export function isPgDumpArchive(file: string): boolean {
  return readFileSync(file).subarray(0, 5).toString('latin1') === 'PGDMP';
}

export function runPgDump(url: string, file: string): void {
  execFileSync('pg_dump', ['--format=custom', '--no-owner', '--file', file, '--dbname', url], { stdio: 'inherit' });
}

export function runPgRestore(url: string, file: string): void {
  execFileSync('pg_restore', ['--no-owner', '--exit-on-error', '--single-transaction', '--dbname', url, file], {
    stdio: 'inherit',
  });
}

import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { PassThrough, type Writable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ALL_MIGRATIONS } from '../../../migrations';
import { onlyRow } from '../common/rows';
import { dataSourceOptions } from './data-source-options';
import { dependencyOrder } from './dependency-order';
import { runMigrations } from './migrate';

/** First line of a built-in backup file (inside the gzip stream). */
export const BACKUP_FORMAT = 'concord-backup';
export const BACKUP_FORMAT_VERSION = 1;
/** Ends one table's COPY text in the file, as in pg_dump's plain format (no data line is `\.`). */
const END_OF_DATA = '\\.';

export interface BackupTable {
  name: string;
  columns: string[];
  rows: number;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  serverVersion: string;
  /** Names of the migrations applied to the database that was backed up, in order. */
  migrations: string[];
  tables: BackupTable[];
}

const quote = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;

/**
 * The application's tables (schema public, without TypeORM's own `migrations`, which the restore
 * rebuilds by running them), parents before children so that foreign keys hold at every step.
 */
export async function tablesInDependencyOrder(client: Client): Promise<Array<{ name: string; columns: string[] }>> {
  const tables = await client.query<{ name: string; columns: string[] }>(
    `SELECT c.relname::text AS name,
       array_agg(a.attname::text ORDER BY a.attnum) FILTER (WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') AS columns
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid
     WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'migrations'
     GROUP BY c.relname ORDER BY c.relname`,
  );
  const edges = await client.query<{ child: string; parent: string }>(
    `SELECT DISTINCT child.relname::text AS child, parent.relname::text AS parent
     FROM pg_constraint k JOIN pg_class child ON child.oid = k.conrelid JOIN pg_class parent ON parent.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = child.relnamespace
     WHERE k.contype = 'f' AND n.nspname = 'public' AND child.oid <> parent.oid`,
  );
  return dependencyOrder(tables.rows, edges.rows);
}

async function appliedMigrations(client: Client): Promise<string[]> {
  const exists = await client.query<{ found: boolean }>(`SELECT to_regclass('public.migrations') IS NOT NULL AS found`);
  if (!onlyRow(exists.rows, 'to_regclass').found) return [];
  const rows = await client.query<{ name: string }>('SELECT name FROM migrations ORDER BY timestamp, id');
  return rows.rows.map((row) => row.name);
}

/** Streams one COPY … TO STDOUT into `out` without ending it; resolves with the number of rows. */
async function copyOut(client: Client, sql: string, out: Writable): Promise<number> {
  const source = client.query(copyTo(sql));
  let rows = 0;
  await new Promise<void>((resolve, reject) => {
    source.on('data', (chunk: Buffer) => {
      for (let index = chunk.indexOf(10); index !== -1; index = chunk.indexOf(10, index + 1)) rows += 1;
      if (!out.write(chunk)) {
        source.pause();
        out.once('drain', () => source.resume());
      }
    });
    source.on('end', resolve);
    source.on('error', reject);
  });
  return rows;
}

/**
 * Writes a logical backup of the database at `url` to `file`: gzip of a JSON header line (format,
 * migrations applied, tables with their columns), then each table's rows in COPY text format
 * closed by a `\.` line, in dependency order, all read in one repeatable-read snapshot.
 */
export async function writeBackup(url: string, file: string): Promise<BackupHeader> {
  const client = new Client({ connectionString: url, application_name: 'concord-backup' });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables = await tablesInDependencyOrder(client);
    const migrations = await appliedMigrations(client);
    const version = await client.query<{ server_version: string }>('SHOW server_version');
    // The header needs the row counts, which the copies only give at the end: the body goes to a
    // temporary gzip member first would cost a second pass, so the counts are taken in the same
    // snapshot instead (the snapshot makes them exact).
    const counted: BackupTable[] = [];
    for (const table of tables) {
      const count = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quote(table.name)}`);
      counted.push({ name: table.name, columns: table.columns, rows: Number(onlyRow(count.rows, table.name).n) });
    }
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      serverVersion: onlyRow(version.rows, 'SHOW server_version').server_version,
      migrations,
      tables: counted,
    };
    const body = new PassThrough();
    const written = pipeline(body, createGzip(), createWriteStream(file, { mode: 0o600 }));
    body.write(`${JSON.stringify(header)}\n`);
    for (const table of counted) {
      const columns = table.columns.map(quote).join(', ');
      const rows = await copyOut(client, `COPY ${quote(table.name)} (${columns}) TO STDOUT`, body);
      if (rows !== table.rows) throw new Error(`${table.name}: counted ${table.rows} rows but copied ${rows}`);
      body.write(`${END_OF_DATA}\n`);
    }
    body.end();
    await written;
    await client.query('COMMIT');
    return header;
  } finally {
    await client.end();
  }
}

/** Reads the header of a built-in backup, or null when the file is not one (e.g. pg_dump's). */
export async function readBackupHeader(file: string): Promise<BackupHeader | null> {
  const magic = readFileSync(file).subarray(0, 2);
  if (magic.length < 2 || magic[0] !== 0x1f || magic[1] !== 0x8b) return null;
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    lines.close();
    const header = JSON.parse(line) as BackupHeader;
    return header.format === BACKUP_FORMAT ? header : null;
  }
  return null;
}

export class BackupError extends Error {}

/** True when the database holds any table in schema public. */
export async function databaseIsEmpty(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'm', 'S', 'p')`,
    );
    return Number(onlyRow(result.rows, 'pg_class').n) === 0;
  } finally {
    await client.end();
  }
}

/** Drops and recreates schema public (restore --force). */
export async function emptyDatabase(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('DROP SCHEMA public CASCADE');
    await client.query('CREATE SCHEMA public');
  } finally {
    await client.end();
  }
}

/** Runs exactly the migrations named (those the backed-up database had), in order. */
async function migrateTo(url: string, names: readonly string[]): Promise<void> {
  const known = new Map(
    (ALL_MIGRATIONS as unknown as Array<{ name: string } & (new () => unknown)>).map((migration) => [
      migration.name,
      migration,
    ]),
  );
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new BackupError(
      `The backup was made by a newer Concord (unknown migrations: ${unknown.join(', ')}); restore it with that version`,
    );
  }
  const options = {
    ...dataSourceOptions(url, { max: 2 }),
    migrations: names.map((name) => known.get(name)!),
  } as DataSourceOptions;
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Restores a built-in backup into the (empty) database at `url`: the migrations the backup was
 * made with, then every table's rows with triggers off (`session_replication_role = replica`, or
 * each table's own triggers when the role may not set that), sequences moved past the restored
 * rows, and finally the migrations added since. One transaction for the data: all or nothing.
 */
export async function restoreBackup(url: string, file: string): Promise<BackupHeader> {
  const header = await readBackupHeader(file);
  if (header === null) throw new BackupError(`${file} is not a Concord backup`);
  if (header.version > BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      `${file} has backup format ${header.version}; this Concord reads up to ${BACKUP_FORMAT_VERSION}`,
    );
  }
  if (!(await databaseIsEmpty(url)))
    throw new BackupError('The target database is not empty (use --force to replace it)');
  await migrateTo(url, header.migrations);
  const client = new Client({ connectionString: url, application_name: 'concord-restore' });
  await client.connect();
  try {
    await client.query('BEGIN');
    // Some migrations insert starting rows; the backup has the real ones.
    await client.query(`TRUNCATE ${header.tables.map((table) => quote(table.name)).join(', ')}`);
    let replica = true;
    try {
      await client.query('SAVEPOINT replication_role');
      await client.query('SET LOCAL session_replication_role = replica');
    } catch {
      // Not a superuser: disable the tables' own triggers instead (foreign keys stay checked,
      // which the dependency order satisfies).
      await client.query('ROLLBACK TO SAVEPOINT replication_role');
      replica = false;
      for (const table of header.tables) await client.query(`ALTER TABLE ${quote(table.name)} DISABLE TRIGGER USER`);
    }
    const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    let index = -1;
    let sink: Writable | null = null;
    let finished: Promise<void> | null = null;
    for await (const line of lines) {
      if (index === -1) {
        index = 0;
        continue;
      }
      if (sink === null) {
        const table = header.tables[index];
        if (table === undefined) throw new BackupError(`${file} has more data than its header lists`);
        const columns = table.columns.map(quote).join(', ');
        const stream = client.query(copyFrom(`COPY ${quote(table.name)} (${columns}) FROM STDIN`));
        sink = stream;
        finished = new Promise<void>((resolve, reject) => {
          stream.on('finish', resolve);
          stream.on('error', reject);
        });
      }
      if (line === END_OF_DATA) {
        sink.end();
        await finished;
        sink = null;
        index += 1;
        continue;
      }
      if (!sink.write(`${line}\n`)) await new Promise((resolve) => sink!.once('drain', resolve));
    }
    if (sink !== null || index !== header.tables.length) throw new BackupError(`${file} is cut short`);
    for (const table of header.tables) {
      const count = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quote(table.name)}`);
      const restored = onlyRow(count.rows, table.name).n;
      if (Number(restored) !== table.rows) {
        throw new BackupError(`${table.name}: the backup lists ${table.rows} rows but ${restored} were restored`);
      }
    }
    const sequences = await client.query<{ table: string; column: string; sequence: string }>(
      `SELECT t.relname AS table, a.attname AS column, s.relname AS sequence
       FROM pg_class s JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i')
       JOIN pg_class t ON t.oid = d.refobjid JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
       JOIN pg_namespace n ON n.oid = s.relnamespace
       WHERE s.relkind = 'S' AND n.nspname = 'public'`,
    );
    for (const sequence of sequences.rows) {
      await client.query(
        `SELECT setval($1::regclass, COALESCE((SELECT max(${quote(sequence.column)}) FROM ${quote(sequence.table)}), 0) + 1, false)`,
        [quote(sequence.sequence)],
      );
    }
    if (!replica) {
      for (const table of header.tables) await client.query(`ALTER TABLE ${quote(table.name)} ENABLE TRIGGER USER`);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  await runMigrations(url);
  return header;
}

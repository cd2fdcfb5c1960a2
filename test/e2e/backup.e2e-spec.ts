import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { Client } from 'pg';
import { AuditService } from '../../server/src/audit';
import { CharterSeedService } from '../../server/src/charter/charter-seed.service';
import { BackupError, restoreBackup, writeBackup } from '../../server/src/database/backup';
import {
  campaignToNewMembers,
  completeByLink,
  dataSourceOf,
  makeMembers,
  signInAdmin,
  surveyDesk,
} from '../support/campaign-fixtures';
import { runCli } from '../support/cli';
import { createTestApp, type TestApp } from '../support/test-app';
import { createEmptyTestDatabase, type TestDatabase } from '../support/test-database';

/** A built-in backup file as {header without its time, table → sorted COPY lines}. */
function backupContents(file: string): { header: unknown; tables: Record<string, string[]> } {
  const [first, ...lines] = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
  // When and from which server: the source may be another PostgreSQL than the embedded one (CI runs
  // this suite against an external server too); the rows are what must come back the same.
  const {
    createdAt: _createdAt,
    serverVersion: _serverVersion,
    ...header
  } = JSON.parse(first) as {
    createdAt: string;
    serverVersion: string;
    tables: Array<{ name: string }>;
  };
  const tables: Record<string, string[]> = {};
  let index = 0;
  let current: string[] = [];
  for (const line of lines) {
    if (line === '\\.') {
      tables[header.tables[index].name] = current.sort();
      current = [];
      index += 1;
    } else if (index < header.tables.length) current.push(line);
  }
  return { header, tables };
}

/** Every row of every table, as sorted JSON text per table (and the migrations by name). */
async function everyRow(url: string): Promise<Record<string, string[]>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY relname`,
    );
    const result: Record<string, string[]> = {};
    for (const { name } of tables.rows) {
      const query =
        name === 'migrations'
          ? 'SELECT name AS row FROM migrations ORDER BY name'
          : `SELECT t::text AS row FROM "${name}" t ORDER BY 1`;
      result[name] = (await client.query<{ row: string }>(query)).rows.map((row) => row.row);
    }
    return result;
  } finally {
    await client.end();
  }
}

describe('backup and restore (built-in format)', () => {
  let source: TestApp;
  let target: TestDatabase;
  let commandTarget: TestDatabase;
  let folder: string;
  let restored: TestApp | null = null;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'concord-backup-'));
    source = await createTestApp({ seedDemo: true });
    await source.app.get(CharterSeedService).whenSeeded();
    target = await createEmptyTestDatabase();
    commandTarget = await createEmptyTestDatabase();
  });
  afterAll(async () => {
    await restored?.close();
    await source.database.drop();
    await target.drop();
    await commandTarget.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('restores every row of every table into a fresh database, and the audit chain verifies there', async () => {
    // Data of every kind on top of the demo seed: staff, members, a questionnaire, a campaign with
    // a response made through the API, an erased member, audit events.
    const { secretariat, survey, networks } = await surveyDesk(source, 'backup-survey');
    const { links } = await campaignToNewMembers(
      secretariat,
      survey,
      networks.SEA.id,
      makeMembers('backup', 2, 'Philippines'),
      'Backed up',
    );
    const completed = await completeByLink(source, links[0].url);
    expect(completed.status).toBe(201);
    // Text the COPY framing must carry: the end-of-data marker, line breaks, tabs, backslashes,
    // and generated strings (PostgreSQL text holds no NUL).
    const awkward = [
      '\\.',
      'a\n\\.\nb',
      'carriage\rreturn',
      'tab\there',
      'back\\slash \\N',
      '\\',
      'مرحبا — привет — 你好 — 🙂',
      ...fc.sample(fc.string({ unit: 'binary', maxLength: 40 }), { numRuns: 200, seed: 15 }),
    ].map((text) => text.replace(/\0/g, ''));
    await dataSourceOf(source).query(
      `INSERT INTO network_members (network_id, name, email, country, role, language)
       SELECT $1, n, 'awkward-' || i || '@example.org', n, 'observer', 'en' FROM unnest($2::text[]) WITH ORDINALITY AS t(n, i)`,
      [networks.SEA.id, awkward],
    );
    await source.app.get(AuditService).seal();
    // Stop the application, so that no background job writes between the backup and the comparison.
    await source.app.close();
    const expected = await everyRow(source.database.url);
    expect(expected.responses.length).toBeGreaterThan(100);
    expect(expected.charter_revisions.length).toBeGreaterThan(1);
    expect(expected.audit_events.length).toBeGreaterThan(5);

    const file = join(folder, 'concord.backup');
    const header = await writeBackup(source.database.url, file);
    expect(header.tables.find((table) => table.name === 'responses')?.rows).toBe(expected.responses.length);
    expect(header.tables.map((table) => table.name)).not.toContain('migrations');
    // Parents before children: users before sessions, campaigns before invitations before responses.
    const order = header.tables.map((table) => table.name);
    expect(order.indexOf('campaigns')).toBeLessThan(order.indexOf('invitations'));
    expect(order.indexOf('invitations')).toBeLessThan(order.indexOf('responses'));
    expect(order.indexOf('users')).toBeLessThan(order.indexOf('api_tokens'));
    expect(gunzipSync(readFileSync(file)).toString('utf8').split('\n')[0]).toBe(JSON.stringify(header));

    await restoreBackup(target.url, file);
    expect(await everyRow(target.url)).toEqual(expected);
    await expect(restoreBackup(target.url, file)).rejects.toEqual(
      new BackupError('The target database is not empty (use --force to replace it)'),
    );

    // The restored database runs: sign in, the chain verifies, new rows get fresh sequence values.
    restored = await createTestApp({}, target.url);
    const restoredAdmin = await signInAdmin(restored);
    const verify = await restoredAdmin.get('/api/audit/verify');
    expect([verify.status, verify.body.ok]).toEqual([200, true]);
    expect(verify.body.events).toBeGreaterThanOrEqual(expected.audit_events.length);
    const sequences = await dataSourceOf(restored).query<Array<{ sequence: string; next: string; max: string | null }>>(
      `SELECT s.relname AS sequence, nextval(s.oid)::text AS next,
         (xpath('/row/m/text()', query_to_xml(format('SELECT max(%I) AS m FROM %I', a.attname, t.relname), false, false, '')))[1]::text AS max
       FROM pg_class s JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i')
       JOIN pg_class t ON t.oid = d.refobjid JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
       WHERE s.relkind = 'S'`,
    );
    expect(sequences.length).toBeGreaterThan(0);
    for (const sequence of sequences) expect(BigInt(sequence.next)).toBeGreaterThan(BigInt(sequence.max ?? '0'));
  });

  it('npm run backup / restore: the built-in format from the command line, refusing a non-empty database without --force', async () => {
    const file = join(folder, 'command.backup');
    const env = { DATA_DIR: folder, LINK_SECRET: 'backup-test-link-secret-0123456789abcdef', LOG_LEVEL: 'silent' };
    const backup = await runCli('backup', [file, '--format=builtin'], {
      ...env,
      DATABASE_URL: source.database.url,
    });
    expect([backup.code, backup.stderr]).toEqual([0, '']);
    expect(backup.stdout).toMatch(/^Backed up \d+ tables, \d+ rows \(Concord's built-in format, PostgreSQL \d+/);
    const restore = await runCli('restore', [file], { ...env, DATABASE_URL: commandTarget.url });
    expect([restore.code, restore.stderr]).toEqual([0, '']);
    expect(await everyRow(commandTarget.url)).toEqual(await everyRow(source.database.url));

    const refused = await runCli('restore', [file], { ...env, DATABASE_URL: commandTarget.url });
    expect([refused.code, refused.stderr]).toEqual([
      1,
      'restore: the database is not empty; add --force to replace everything in it\n',
    ]);
    const forced = await runCli('restore', [file, '--force'], { ...env, DATABASE_URL: commandTarget.url });
    expect(forced.code).toBe(0);
    expect(await everyRow(commandTarget.url)).toEqual(await everyRow(source.database.url));
    writeFileSync(join(folder, 'not-a-backup'), 'hello');
    const wrong = await runCli('restore', [join(folder, 'not-a-backup'), '--force'], {
      ...env,
      DATABASE_URL: commandTarget.url,
    });
    expect([wrong.code, wrong.stderr]).toEqual([
      1,
      `restore: ${join(folder, 'not-a-backup')} is not a Concord backup\n`,
    ]);
    expect(await everyRow(commandTarget.url)).toEqual(await everyRow(source.database.url));
  });

  it('restores into a fresh embedded data directory (DATA_DIR, no DATABASE_URL)', async () => {
    const file = join(folder, 'embedded.backup');
    await writeBackup(source.database.url, file);
    const dataDir = join(folder, 'fresh-data');
    mkdirSync(dataDir);
    chmodSync(folder, 0o755);
    chmodSync(dataDir, 0o755);
    const { DATABASE_URL: _ignored, ...env } = process.env;
    const embedded = { ...env, DATA_DIR: dataDir, LINK_SECRET: 'backup-test-link-secret-0123456789abcdef' };
    const restore = await runCli('restore', [file], embedded, { inherit: false });
    expect([restore.code, restore.stdout]).toEqual([0, expect.stringMatching(/^Restored \d+ tables, \d+ rows from /)]);
    // Backed up again from the embedded cluster: the same rows, table by table.
    const again = join(folder, 'embedded-again.backup');
    const backup = await runCli('backup', [again, '--format=builtin'], embedded, { inherit: false });
    expect(backup.code).toBe(0);
    const original = backupContents(file);
    expect(original.tables.responses.length).toBeGreaterThan(100);
    expect(backupContents(again)).toEqual(original);
  }, 240_000);
});

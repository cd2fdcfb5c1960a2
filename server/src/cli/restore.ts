import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { BackupError, databaseIsEmpty, emptyDatabase, readBackupHeader, restoreBackup } from '../database/backup';
import { isPgDumpArchive, runPgRestore } from '../database/pg-tools';
import { runMigrations } from '../database/migrate';
import { failCommand, readCommandConfig, withCommandDatabase } from './cli-database';

const USAGE = 'usage: npm run restore -- FILE [--force]';

/**
 * `npm run restore -- FILE`: into the database of DATABASE_URL or the embedded one of DATA_DIR
 * (created when missing). Refuses a database that already holds tables unless --force, which
 * drops everything in it first. Reads both pg_dump archives and the built-in format.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const files = args.filter((arg) => !arg.startsWith('--'));
  const force = args.includes('--force');
  const [source] = files;
  if (source === undefined || files.length !== 1 || args.some((arg) => arg.startsWith('--') && arg !== '--force')) {
    failCommand('restore', USAGE);
  }
  const file = resolve(source);
  if (!existsSync(file)) failCommand('restore', `${file} does not exist`);
  const config = readCommandConfig('restore');
  const pgDump = isPgDumpArchive(file);
  if (!pgDump && (await readBackupHeader(file)) === null) failCommand('restore', `${file} is not a Concord backup`);
  await withCommandDatabase(config, async (url) => {
    if (!(await databaseIsEmpty(url))) {
      // Thrown, not exited: the embedded cluster must stop first.
      if (!force) throw new BackupError('the database is not empty; add --force to replace everything in it');
      await emptyDatabase(url);
    }
    if (pgDump) {
      runPgRestore(url, file);
      await runMigrations(url);
      console.log(`Restored ${file} with pg_restore`);
      return;
    }
    const header = await restoreBackup(url, file);
    const rows = header.tables.reduce((sum, table) => sum + table.rows, 0);
    console.log(`Restored ${header.tables.length} tables, ${rows} rows from ${file} (backup of ${header.createdAt})`);
  });
}

main().catch((error: unknown) => failCommand('restore', error instanceof Error ? error.message : String(error)));

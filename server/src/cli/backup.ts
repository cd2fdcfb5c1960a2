import { resolve } from 'node:path';
import { writeBackup } from '../database/backup';
import { runPgDump, serverMajorVersion, toolMajorVersion } from '../database/pg-tools';
import { failCommand, readCommandConfig, withCommandDatabase } from './cli-database';

const USAGE = 'usage: npm run backup -- FILE [--format=auto|builtin|pg_dump]';

/**
 * `npm run backup -- FILE`: pg_dump's custom format when a pg_dump at least as new as the server
 * is installed, otherwise (or with --format=builtin) Concord's own logical format, which needs
 * nothing but Node.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const files = args.filter((arg) => !arg.startsWith('--'));
  const format = (args.find((arg) => arg.startsWith('--format=')) ?? '--format=auto').slice('--format='.length);
  const [target] = files;
  if (target === undefined || files.length !== 1 || !['auto', 'builtin', 'pg_dump'].includes(format)) {
    failCommand('backup', USAGE);
  }
  const file = resolve(target);
  const config = readCommandConfig('backup');
  await withCommandDatabase(config, async (url) => {
    const server = await serverMajorVersion(url);
    const pgDump = toolMajorVersion('pg_dump');
    const usePgDump = format === 'pg_dump' || (format === 'auto' && pgDump !== null && pgDump >= server);
    if (format === 'pg_dump' && (pgDump === null || pgDump < server)) {
      // Thrown, not exited: the embedded cluster must stop first.
      throw new Error(`pg_dump ${pgDump ?? '(none)'} cannot dump PostgreSQL ${server}; use --format=builtin`);
    }
    if (usePgDump) {
      runPgDump(url, file);
      console.log(`Backed up with pg_dump ${pgDump} (custom format) to ${file}`);
      return;
    }
    const header = await writeBackup(url, file);
    const rows = header.tables.reduce((sum, table) => sum + table.rows, 0);
    console.log(
      `Backed up ${header.tables.length} tables, ${rows} rows (Concord's built-in format, PostgreSQL ${header.serverVersion}) to ${file}`,
    );
  });
}

main().catch((error: unknown) => failCommand('backup', error instanceof Error ? error.message : String(error)));

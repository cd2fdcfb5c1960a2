import type { AppConfig } from '../config/app-config';
import { type EmbeddedCluster, ensureDatabase, startEmbeddedCluster } from './embedded-postgres';

/** The application's database on the embedded cluster. */
export const APP_DATABASE = 'concord';

/**
 * The database Concord uses: DATABASE_URL, or the embedded cluster under DATA_DIR (started here,
 * and stopped by the caller through `cluster`).
 */
export async function connectDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>,
  announce: (line: string) => void = (line) => console.log(line),
): Promise<{ url: string; cluster: EmbeddedCluster | null }> {
  if (config.databaseUrl !== null) return { url: config.databaseUrl, cluster: null };
  announce(`Starting the embedded PostgreSQL (data in ${config.dataDir}) …`);
  const cluster = await startEmbeddedCluster({
    baseDir: config.dataDir,
    log: (line) => {
      if (/FATAL|PANIC|ERROR|reachable|copying|left running|kept in/i.test(line)) announce(`  postgres: ${line}`);
    },
  });
  await ensureDatabase(cluster.adminUrl, APP_DATABASE);
  return { url: cluster.urlFor(APP_DATABASE), cluster };
}

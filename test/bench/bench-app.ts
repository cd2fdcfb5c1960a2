import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from '../../server/src/app.module';
import {
  ensureDatabase,
  type EmbeddedCluster,
  startEmbeddedCluster,
} from '../../server/src/database/embedded-postgres';
import { runMigrations } from '../../server/src/database/migrate';
import { testConfig } from '../support/test-app';

/**
 * Runs a benchmark against the app on a freshly migrated database of a throw-away embedded
 * PostgreSQL, then closes the app, stops the cluster and removes its files, whatever happened.
 */
export async function withBenchApp(
  run: (app: NestFastifyApplication, cluster: EmbeddedCluster) => Promise<void>,
): Promise<void> {
  const baseDir = mkdtempSync(join(tmpdir(), 'concord-bench-'));
  chmodSync(baseDir, 0o755);
  const cluster = await startEmbeddedCluster({ baseDir });
  let app: NestFastifyApplication | null = null;
  try {
    await ensureDatabase(cluster.adminUrl, 'concord_bench');
    await runMigrations(cluster.urlFor('concord_bench'));
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.forRoot({ ...testConfig(), databaseUrl: cluster.urlFor('concord_bench') })],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
    await app.init();
    await run(app, cluster);
  } finally {
    await app?.close();
    await cluster.stop();
    rmSync(baseDir, { recursive: true, force: true });
  }
}

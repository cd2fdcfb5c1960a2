import type { DataSourceOptions } from 'typeorm';
import { ALL_MIGRATIONS } from '../../../migrations';
import { ALL_ENTITIES } from './entities';

export interface PoolSettings {
  /** Connections per server instance. */
  max?: number;
}

/** TypeORM options shared by the server, the migration scripts and the tests. */
export function dataSourceOptions(url: string, pool: PoolSettings = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ALL_ENTITIES,
    migrations: ALL_MIGRATIONS as DataSourceOptions['migrations'],
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: {
      max: pool.max ?? 20,
      // Fail fast while the database is unreachable: requests answer 503 instead of hanging.
      connectionTimeoutMillis: 3_000,
      idleTimeoutMillis: 30_000,
      application_name: 'concord',
    },
  };
}

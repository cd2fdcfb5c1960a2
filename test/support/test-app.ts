import { Test } from '@nestjs/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { AppModule } from '../../server/src/app.module';
import { UsersService } from '../../server/src/auth/users.service';
import { type Clock, CLOCK } from '../../server/src/common/clock';
import { type AppConfig, readConfig } from '../../server/src/config/app-config';
import { configureApp, createAdapter } from '../../server/src/configure-app';
import { createTestDatabase, type TestDatabase } from './test-database';

export const ADMIN_EMAIL = 'admin@example.org';
export const ADMIN_PASSWORD = 'Admin-password-for-tests-1';
/** A folder that does not exist: no data is written and no built client is served. */
const NO_DIR = '/nonexistent';

export interface TestApp {
  app: NestFastifyApplication;
  database: TestDatabase;
  config: AppConfig;
  http: () => TestAgent;
  close(): Promise<void>;
}

/**
 * The configuration a new installation gets (as read from an environment that sets nothing else),
 * with the first admin, silent logs, no demo content and a data folder that is never written.
 */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  const env = {
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    LOG_LEVEL: 'silent',
    // Each test file sets up its own data; the demo content is for people trying Concord.
    SEED_DEMO: 'false',
    DATA_DIR: NO_DIR,
  };
  return {
    ...readConfig(env, NO_DIR),
    // Any free port (PORT itself must be 1 to 65535).
    port: 0,
    secrets: { linkSecret: 'test-link-secret-that-is-long-enough-0123456789' },
    ...overrides,
  };
}

/** A clock the test moves by hand, for rules that expire (reset links, one-time codes). */
export class TestClock implements Clock {
  constructor(private current: Date = new Date()) {}

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }

  set(at: Date): void {
    this.current = new Date(at);
  }
}

export interface TestAppOptions {
  clock?: Clock;
}

/** The real application on a fresh database of its own, with the first admin created. */
export async function createTestApp(
  overrides: Partial<AppConfig> = {},
  databaseUrl?: string,
  options: TestAppOptions = {},
): Promise<TestApp> {
  const database =
    databaseUrl === undefined
      ? await createTestDatabase()
      : { name: '', url: databaseUrl, drop: async () => undefined };
  const config = testConfig(overrides);
  const builder = Test.createTestingModule({
    imports: [AppModule.forRoot({ ...config, databaseUrl: database.url })],
  });
  if (options.clock !== undefined) builder.overrideProvider(CLOCK).useValue(options.clock);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createAdapter(config), {
    bodyParser: false,
    logger: false,
  });
  await configureApp(app, config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  await app.get(UsersService).ensureInitialAdmin(config.adminEmail, config.adminPassword);
  return {
    app,
    database,
    config,
    http: () => request(app.getHttpServer()),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

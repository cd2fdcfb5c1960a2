import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { type EmbeddedCluster, startEmbeddedCluster } from '../../server/src/database/embedded-postgres';
import { runMigrations } from '../../server/src/database/migrate';

/** Every test database is cloned from this one, migrated once per run. */
export const TEMPLATE_DATABASE = 'concord_test_template';
const SERVER_URL_VARIABLE = 'CONCORD_TEST_SERVER_URL';

/** Refuses any database whose name does not say it is for tests. */
export function assertTestDatabaseName(name: string): void {
  if (!name.includes('test')) {
    throw new Error(`Refusing to run tests against database "${name}": its name must contain "test"`);
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface TestServer {
  url: string;
  cluster: EmbeddedCluster | null;
  baseDir: string | null;
}

/**
 * Global setup: an embedded cluster in a temporary folder, or the server of TEST_DATABASE_URL;
 * then the template database, migrated.
 */
export async function prepareTestServer(): Promise<TestServer> {
  let server: TestServer;
  const external = process.env.TEST_DATABASE_URL;
  if (external !== undefined && external !== '') {
    assertTestDatabaseName(decodeURIComponent(new URL(external).pathname.slice(1)));
    server = { url: external, cluster: null, baseDir: null };
  } else {
    const baseDir = mkdtempSync(join(tmpdir(), 'concord-test-'));
    chmodSync(baseDir, 0o755);
    const cluster = await startEmbeddedCluster({ baseDir });
    server = { url: cluster.adminUrl, cluster, baseDir };
  }
  await adminQuery(server.url, `DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  await adminQuery(server.url, `CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await runMigrations(withDatabase(server.url, TEMPLATE_DATABASE));
  process.env[SERVER_URL_VARIABLE] = server.url;
  return server;
}

export async function releaseTestServer(server: TestServer): Promise<void> {
  if (server.cluster !== null) {
    await server.cluster.stop();
    if (server.baseDir !== null) rmSync(server.baseDir, { recursive: true, force: true });
  } else {
    await adminQuery(server.url, `DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database of its own for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env[SERVER_URL_VARIABLE];
  if (serverUrl === undefined) throw new Error('The test database server is not prepared (global setup did not run)');
  const name = `concord_test_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  assertTestDatabaseName(name);
  // Cloning a template needs it to be idle; retry briefly when another file is cloning it.
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(serverUrl, `CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
      break;
    } catch (error) {
      if (attempt >= 20 || !String(error).includes('is being accessed by other users')) throw error;
      await new Promise((done) => setTimeout(done, 100 + Math.random() * 200));
    }
  }
  return {
    name,
    url: withDatabase(serverUrl, name),
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** A database with nothing in it (no migrations), for restoring a backup into. */
export async function createEmptyTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env[SERVER_URL_VARIABLE];
  if (serverUrl === undefined) throw new Error('The test database server is not prepared (global setup did not run)');
  const name = `concord_test_empty_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  assertTestDatabaseName(name);
  await adminQuery(serverUrl, `CREATE DATABASE ${name} TEMPLATE template0`);
  return {
    name,
    url: withDatabase(serverUrl, name),
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

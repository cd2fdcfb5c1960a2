import { releaseTestServer } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const server = globalThis.__CONCORD_TEST_SERVER__;
  globalThis.__CONCORD_TEST_SERVER__ = undefined;
  if (server !== undefined) await releaseTestServer(server);
}

import { prepareTestServer, type TestServer } from './test-database';

declare global {
  var __CONCORD_TEST_SERVER__: TestServer | undefined;
}

/** Shared by the e2e and browser projects: the first one to run prepares the server for both. */
export default async function globalSetup(): Promise<void> {
  globalThis.__CONCORD_TEST_SERVER__ ??= await prepareTestServer();
}

import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDatabase } from '../../server/src/database/embedded-postgres';
import { runMigrations } from '../../server/src/database/migrate';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from '../support/test-app';
import { type ClusterProcess, startClusterProcess } from '../support/cluster-process';
import { signIn } from '../support/staff-session';
import { errorBody } from '../support/api-error';

// This file runs its own embedded cluster (in a child process), because it stops and starts it.
describe('health while the database goes away and comes back', () => {
  let baseDir: string;
  let cluster: ClusterProcess;
  let testApp: TestApp;

  beforeAll(async () => {
    baseDir = mkdtempSync(join(tmpdir(), 'concord-health-test-'));
    chmodSync(baseDir, 0o755);
    cluster = await startClusterProcess(baseDir);
    await ensureDatabase(cluster.adminUrl, 'concord_health_test');
    const url = cluster.urlFor('concord_health_test');
    await runMigrations(url);
    testApp = await createTestApp({}, url);
  });

  afterAll(async () => {
    await testApp?.close();
    await cluster?.exit();
    rmSync(baseDir, { recursive: true, force: true });
  });

  it('answers 200 while the database is up', async () => {
    const response = await testApp.http().get('/api/health');
    expect([response.status, response.body]).toEqual([200, { status: 'ok', db: 'up' }]);
  });

  it('answers 503 while it is stopped, keeps running, and serves again once it is back', async () => {
    const admin = await signIn(testApp, ADMIN_EMAIL, ADMIN_PASSWORD);
    await cluster.stop();

    const down = await testApp.http().get('/api/health');
    expect(down.status).toBe(503);
    expect(down.body).toEqual({
      ...errorBody(503, 'db_unavailable', 'The database is unreachable; Concord serves again as soon as it is back'),
      status: 'unavailable',
      db: 'down',
    });
    const apiDown = await admin.get('/api/users');
    expect(apiDown.status).toBe(503);
    expect(apiDown.body).toEqual(errorBody(503, 'db_unavailable', 'The database is unreachable; try again shortly'));

    await cluster.start();
    const up = await testApp.http().get('/api/health');
    expect([up.status, up.body]).toEqual([200, { status: 'ok', db: 'up' }]);
    expect((await admin.get('/api/users')).status).toBe(200);
  });
});

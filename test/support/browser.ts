import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { spawnServer } from './server-processes';
import { createTestDatabase, type TestDatabase } from './test-database';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(__dirname, '..', 'artifacts', 'screenshots');

/**
 * Browser tests need Chromium from Debian's packages. Without it they are skipped with a loud
 * notice, except in CI, where a missing Chromium fails the run.
 */
export function describeWithBrowser(name: string, body: () => void): void {
  if (existsSync(CHROMIUM_PATH)) {
    describe(name, body);
    return;
  }
  if (process.env.CI !== undefined && process.env.CI !== '') {
    throw new Error(`Chromium is required in CI but ${CHROMIUM_PATH} does not exist (apt-get install chromium)`);
  }
  console.warn(
    `\n*** BROWSER TESTS SKIPPED: no Chromium at ${CHROMIUM_PATH}. Install Debian's chromium package or set CHROMIUM_PATH. ***\n`,
  );
  describe.skip(name, body);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return join(SCREENSHOT_DIR, `${name}.png`);
}

export interface RunningServer {
  origin: string;
  database: TestDatabase;
  output: () => string;
  stop(): Promise<void>;
}

/**
 * The built server (`npm run build`) as a real process on a fresh database, with the demo data a
 * new user sees (SEED_DEMO=false in `env` leaves it out).
 */
export async function startBuiltServer(env: Record<string, string> = {}, port?: number): Promise<RunningServer> {
  const database = await createTestDatabase();
  const server = await spawnServer({ databaseUrl: database.url, port, env: { SEED_DEMO: 'true', ...env } });
  return {
    origin: server.origin,
    database,
    output: server.output,
    stop: async () => {
      await server.stop();
      await database.drop();
    },
  };
}

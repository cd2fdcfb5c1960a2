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

/** The built server and Chromium of one spec, as its tests see them. */
export interface ServerAndBrowser {
  readonly server: RunningServer;
  readonly browser: Browser;
}

/** What the built server of a spec starts with: its environment, and a port when it must be known beforehand. */
export interface BuiltServerSettings {
  env?: Record<string, string>;
  port?: number;
}

/**
 * Starts the built server and Chromium before the spec's tests (before its own `beforeAll`, which
 * may use them) and stops both after them. Call it at the top of the spec's `describe`. A spec whose
 * server needs something started first (a mail server, an identity provider) starts that in a
 * `beforeAll` above this call and passes a function, which is read only when the server starts.
 */
export function useServerAndBrowser(
  settings: Record<string, string> | (() => BuiltServerSettings) = {},
): ServerAndBrowser {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    const { env, port } = typeof settings === 'function' ? settings() : { env: settings, port: undefined };
    server = await startBuiltServer(env, port);
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 180_000);
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`The ${what} starts in beforeAll; it is not running here`);
    return value;
  };
  return {
    get server() {
      return started(server, 'server');
    },
    get browser() {
      return started(browser, 'browser');
    },
  };
}

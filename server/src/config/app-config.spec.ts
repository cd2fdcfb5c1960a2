import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, readConfig } from './app-config';
import { loadSecrets } from './secrets';

const root = '/srv/concord';

describe('readConfig', () => {
  it('uses the defaults a new user gets', () => {
    expect(readConfig({}, root)).toEqual({
      port: 3000,
      publicUrl: 'http://localhost:3000',
      databaseUrl: null,
      dataDir: '/srv/concord/.data',
      adminEmail: null,
      adminPassword: null,
      clientDir: null,
      cookieSecure: false,
      logLevel: 'info',
      trustProxy: false,
      smtpUrl: null,
      mailFrom: 'Concord <concord@localhost>',
      respondRateLimit: 600,
      mailRatePerSecond: 5,
      mailMaxAttempts: 5,
      mailRetryBaseMs: 60_000,
      reminderCooldownHours: 72,
      seedDemo: true,
      oidc: null,
      tallyEngine: true,
      tallyEngineMemoryMb: 512,
    });
  });

  it('seeds demo data by default only into the embedded database; SEED_DEMO decides either way', () => {
    const external = 'postgres://u:p@db:5432/concord';
    expect(readConfig({}, root).seedDemo).toBe(true);
    expect(readConfig({ DATABASE_URL: external }, root).seedDemo).toBe(false);
    expect(readConfig({ DATABASE_URL: external, SEED_DEMO: 'true' }, root).seedDemo).toBe(true);
    expect(readConfig({ SEED_DEMO: 'false' }, root).seedDemo).toBe(false);
  });

  it('reads every variable', () => {
    const config = readConfig(
      {
        PORT: '8080',
        PUBLIC_URL: 'https://concord.example.org/',
        DATABASE_URL: 'postgres://u:p@db:5432/concord',
        DATA_DIR: '/var/concord',
        ADMIN_EMAIL: 'Admin@Example.org',
        ADMIN_PASSWORD: 'twelve-chars-ok',
        LOG_LEVEL: 'warn',
        TRUST_PROXY: 'true',
        REMINDER_COOLDOWN_HOURS: '0',
      },
      root,
    );
    expect(config).toMatchObject({
      port: 8080,
      publicUrl: 'https://concord.example.org',
      databaseUrl: 'postgres://u:p@db:5432/concord',
      dataDir: '/var/concord',
      adminEmail: 'Admin@Example.org',
      cookieSecure: true,
      logLevel: 'warn',
      trustProxy: true,
      reminderCooldownHours: 0,
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be a whole number from 1 to 65535, got "abc"'],
    [{ PORT: '70000' }, 'PORT must be a whole number from 1 to 65535, got "70000"'],
    [{ DATABASE_URL: 'mysql://x@y/z' }, 'DATABASE_URL must start with postgres:// or postgresql://, got "mysql://"'],
    [{ DATABASE_URL: 'postgres://x@y' }, 'DATABASE_URL must name a database (…/dbname)'],
    [
      { DATABASE_URL: 'not a url' },
      'DATABASE_URL is not a valid URL (expected postgres://user:password@host:port/database)',
    ],
    [{ PUBLIC_URL: 'ftp://x' }, 'PUBLIC_URL must be an http:// or https:// URL, got "ftp://x"'],
    [{ ADMIN_EMAIL: 'nope' }, 'ADMIN_EMAIL is not an e-mail address: "nope"'],
    [{ ADMIN_PASSWORD: 'twelve-chars-ok' }, 'ADMIN_PASSWORD is set but ADMIN_EMAIL is not; set both or neither'],
    [{ ADMIN_EMAIL: 'a@b.org', ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD must be at least 12 characters long'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"'],
    [{ COOKIE_SECURE: 'maybe' }, 'COOKIE_SECURE must be true or false, got "maybe"'],
    [
      { REMINDER_COOLDOWN_HOURS: '-1' },
      'REMINDER_COOLDOWN_HOURS must be a whole number of hours (0 or more), got "-1"',
    ],
    [
      { REMINDER_COOLDOWN_HOURS: '3d' },
      'REMINDER_COOLDOWN_HOURS must be a whole number of hours (0 or more), got "3d"',
    ],
  ])('rejects %j with one clear line', (env, message) => {
    expect(() => readConfig(env, root)).toThrow(new ConfigError(message));
  });
});

describe('loadSecrets', () => {
  it('generates the link secret once, keeps it with mode 600, and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-secrets-'));
    const first = loadSecrets({}, dir);
    expect(first.linkSecret).toMatch(/^[\w-]{43}$/);
    expect(statSync(join(dir, 'secrets.json')).mode & 0o777).toBe(0o600);
    expect(loadSecrets({}, dir)).toEqual(first);
    expect(JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8'))).toEqual({ linkSecret: first.linkSecret });
  });

  it('prefers LINK_SECRET and refuses a short one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-secrets-'));
    expect(loadSecrets({ LINK_SECRET: 'x'.repeat(32) }, dir)).toEqual({ linkSecret: 'x'.repeat(32) });
    expect(() => loadSecrets({ LINK_SECRET: 'short' }, dir)).toThrow('LINK_SECRET must be at least 32 characters long');
  });
});

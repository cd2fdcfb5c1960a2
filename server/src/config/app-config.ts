import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from './config-error';
import { type OidcConfig, readOidcConfig } from './oidc-config';

/** Everything the server needs to know, read and validated once at start-up. */
export interface AppConfig {
  port: number;
  /** Origin under which people reach Concord; links in e-mails and link lists are built from it. */
  publicUrl: string;
  /** External PostgreSQL; null means "start the embedded one". */
  databaseUrl: string | null;
  dataDir: string;
  adminEmail: string | null;
  adminPassword: string | null;
  /** Serve the built web client from this folder, when it exists. */
  clientDir: string | null;
  cookieSecure: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  trustProxy: boolean;
  /** SMTP server for invitations and reminders (smtp:// or smtps://); null keeps them in the outbox. */
  smtpUrl: string | null;
  /** Sender address of invitations and reminders. */
  mailFrom: string;
  /** Requests per minute one client address may make to the respondent API. */
  respondRateLimit: number;
  /** At most this many e-mails per second leave one server instance (MAIL_RATE_PER_SECOND, default 5). */
  mailRatePerSecond: number;
  /** Attempts before a message is marked failed (MAIL_MAX_ATTEMPTS, default 5). */
  mailMaxAttempts: number;
  /** First retry delay; it doubles with each failed attempt (MAIL_RETRY_BASE_MS, default 60000). */
  mailRetryBaseMs: number;
  /** A member is not reminded again within this many hours of their last reminder (REMINDER_COOLDOWN_HOURS, default 72). */
  reminderCooldownHours: number;
  /** Seed demo members, campaigns and responses at start-up (SEED_DEMO; default: only with the embedded database). */
  seedDemo: boolean;
  /** Single sign-on for staff (OIDC_*); null when it is off. */
  oidc: OidcConfig | null;
  /** Serve filtered campaign tallies from the in-memory tally engine (TALLY_ENGINE, default true); false scans. */
  tallyEngine: boolean;
  /**
   * Memory the tally engines of one instance may hold together, in MB (TALLY_ENGINE_MEMORY_MB,
   * default 512): past it, the engines read least recently are dropped (they load again on a read).
   */
  tallyEngineMemoryMb: number;
  secrets: AppSecrets;
}

export interface AppSecrets {
  /** Key for deriving respondent links; never stored next to the data it protects. */
  linkSecret: string;
}

export { ConfigError };

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The repository root: the folder whose package.json is the workspace root. */
export function findRepoRoot(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { workspaces?: unknown };
      if (Array.isArray(parsed.workspaces)) return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 3000;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 1 to 65535, got "${raw}"`);
  }
  return port;
}

function parseBoolean(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function parseDatabaseUrl(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL is not a valid URL (expected postgres://user:password@host:port/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql://, got "${url.protocol}//"`);
  }
  if (url.pathname.length <= 1) throw new ConfigError('DATABASE_URL must name a database (…/dbname)');
  return raw;
}

function parseSmtpUrl(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('SMTP_URL is not a valid URL (expected smtp://user:password@host:port or smtps://…)');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new ConfigError(`SMTP_URL must start with smtp:// or smtps://, got "${url.protocol}//"`);
  }
  if (url.hostname === '') throw new ConfigError('SMTP_URL must name a host');
  return raw;
}

function parsePositiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1)
    throw new ConfigError(`${name} must be a whole number of at least 1, got "${raw}"`);
  return Number(raw);
}

function parseWholeNumber(name: string, raw: string | undefined, fallback: number, unit: string): number {
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number of ${unit} (0 or more), got "${raw}"`);
  return Number(raw);
}

function parseRateLimit(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 600;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    throw new ConfigError(
      `RESPOND_RATE_LIMIT must be a whole number of requests per minute (at least 1), got "${raw}"`,
    );
  }
  return Number(raw);
}

function parsePublicUrl(raw: string | undefined, port: number): string {
  if (raw === undefined || raw === '') return `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`PUBLIC_URL is not a valid URL: "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`PUBLIC_URL must be an http:// or https:// URL, got "${raw}"`);
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

function parseMailFrom(raw: string | undefined): string {
  if (raw === undefined || raw.trim() === '') return 'Concord <concord@localhost>';
  const address = /<([^>]+)>\s*$/.exec(raw)?.[1] ?? raw.trim();
  if (!EMAIL_PATTERN.test(address)) throw new ConfigError(`MAIL_FROM is not an e-mail address: "${raw}"`);
  return raw.trim();
}

/**
 * Reads the environment into an AppConfig (without secrets). Throws a ConfigError whose
 * message is one line naming the offending variable.
 */
export function readConfig(env: NodeJS.ProcessEnv, repoRoot: string = findRepoRoot()): Omit<AppConfig, 'secrets'> {
  const port = parsePort(env.PORT);
  const adminEmail = env.ADMIN_EMAIL?.trim() || null;
  const adminPassword = env.ADMIN_PASSWORD || null;
  if (adminEmail !== null && !EMAIL_PATTERN.test(adminEmail)) {
    throw new ConfigError(`ADMIN_EMAIL is not an e-mail address: "${adminEmail}"`);
  }
  if (adminPassword !== null && adminEmail === null) {
    throw new ConfigError('ADMIN_PASSWORD is set but ADMIN_EMAIL is not; set both or neither');
  }
  if (adminPassword !== null && adminPassword.length < 12) {
    throw new ConfigError('ADMIN_PASSWORD must be at least 12 characters long');
  }
  const logLevel = (env.LOG_LEVEL ?? 'info') as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  }
  const publicUrl = parsePublicUrl(env.PUBLIC_URL, port);
  const clientDir = join(repoRoot, 'client', 'dist');
  const databaseUrl = parseDatabaseUrl(env.DATABASE_URL);
  return {
    port,
    publicUrl,
    databaseUrl,
    dataDir: resolve(repoRoot, env.DATA_DIR || '.data'),
    adminEmail,
    adminPassword,
    clientDir: existsSync(join(clientDir, 'index.html')) ? clientDir : null,
    cookieSecure: parseBoolean('COOKIE_SECURE', env.COOKIE_SECURE, publicUrl.startsWith('https:')),
    logLevel,
    trustProxy: parseBoolean('TRUST_PROXY', env.TRUST_PROXY, false),
    smtpUrl: parseSmtpUrl(env.SMTP_URL),
    mailFrom: parseMailFrom(env.MAIL_FROM),
    respondRateLimit: parseRateLimit(env.RESPOND_RATE_LIMIT),
    mailRatePerSecond: parsePositiveInt('MAIL_RATE_PER_SECOND', env.MAIL_RATE_PER_SECOND, 5),
    mailMaxAttempts: parsePositiveInt('MAIL_MAX_ATTEMPTS', env.MAIL_MAX_ATTEMPTS, 5),
    mailRetryBaseMs: parsePositiveInt('MAIL_RETRY_BASE_MS', env.MAIL_RETRY_BASE_MS, 60_000),
    reminderCooldownHours: parseWholeNumber('REMINDER_COOLDOWN_HOURS', env.REMINDER_COOLDOWN_HOURS, 72, 'hours'),
    // Demo content belongs in a trial on the embedded database, never by default in an external
    // (production) one; SEED_DEMO decides either way when it is set.
    seedDemo: parseBoolean('SEED_DEMO', env.SEED_DEMO, databaseUrl === null),
    oidc: readOidcConfig(env, publicUrl),
    tallyEngine: parseBoolean('TALLY_ENGINE', env.TALLY_ENGINE, true),
    tallyEngineMemoryMb: parsePositiveInt('TALLY_ENGINE_MEMORY_MB', env.TALLY_ENGINE_MEMORY_MB, 512),
  };
}

import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AppSecrets, ConfigError } from './app-config';

/**
 * Secrets not given in the environment are generated once and kept in DATA_DIR/secrets.json
 * (mode 600), so that links stay valid across restarts and nothing secret is in the repository.
 */
export function loadSecrets(env: NodeJS.ProcessEnv, dataDir: string): AppSecrets {
  const file = join(dataDir, 'secrets.json');
  let stored: Partial<AppSecrets> = {};
  if (existsSync(file)) {
    try {
      stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<AppSecrets>;
    } catch {
      throw new ConfigError(
        `${file} is not valid JSON; fix or remove it (links made with the old secret stop working)`,
      );
    }
  }
  const fromEnv = env.LINK_SECRET === '' ? undefined : env.LINK_SECRET;
  if (fromEnv !== undefined && fromEnv.length < 32) {
    throw new ConfigError('LINK_SECRET must be at least 32 characters long');
  }
  const secrets: AppSecrets = { linkSecret: fromEnv ?? stored.linkSecret ?? randomBytes(32).toString('base64url') };
  if (fromEnv === undefined && stored.linkSecret === undefined) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify({ ...stored, linkSecret: secrets.linkSecret }, null, 2) + '\n', { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return secrets;
}

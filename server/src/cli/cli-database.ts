import { type AppConfig, ConfigError, readConfig } from '../config/app-config';
import { loadSecrets } from '../config/secrets';
import { connectDatabase } from '../database/connect';

/** Stops a command with one line on stderr and a non-zero exit code. */
export function failCommand(command: string, message: string): never {
  console.error(`${command}: ${message}`);
  process.exit(1);
}

export function readCommandConfig(command: string): AppConfig {
  try {
    const base = readConfig(process.env);
    return { ...base, secrets: loadSecrets(process.env, base.dataDir) };
  } catch (error) {
    if (error instanceof ConfigError) failCommand(command, error.message);
    throw error;
  }
}

/**
 * Runs `work` against the database Concord uses (DATABASE_URL, or the embedded cluster of DATA_DIR,
 * started for the command and stopped after it). The server must not be running on the same
 * embedded cluster: the cluster allows one postmaster.
 */
export async function withCommandDatabase<T>(config: AppConfig, work: (url: string) => Promise<T>): Promise<T> {
  const { url, cluster } = await connectDatabase(config, (line) => console.error(line));
  try {
    return await work(url);
  } finally {
    await cluster?.stop();
  }
}

import { execFile } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs one of the server's command-line scripts (`server/src/cli/<script>.ts`) from source, as the
 * npm scripts do, and resolves with its exit code and output; it never rejects. `env` is added to
 * this process's environment, or replaces it when `inherit` is false.
 */
export function runCli(
  script: string,
  args: readonly string[],
  env: Record<string, string | undefined>,
  { inherit = true, timeoutMs = 180_000 }: { inherit?: boolean; timeoutMs?: number } = {},
): Promise<CliOutcome> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', join(ROOT, 'test/bench/register.cjs'), join(ROOT, `server/src/cli/${script}.ts`), ...args],
      { cwd: ROOT, env: inherit ? { ...process.env, ...env } : env, timeout: timeoutMs },
      (error, stdout, stderr) => resolve({ code: error === null ? 0 : Number(error.code ?? 1), stdout, stderr }),
    );
  });
}

import { execFile } from 'node:child_process';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';

import { describe, expect, it } from '@jest/globals';

const root = join(__dirname, '..', '..');
const fixtures = join(root, 'test', 'lint-fixtures');

interface LintResult {
  filePath: string;
  messages: Array<{ ruleId: string | null; message: string }>;
}

/** Runs the architecture rules (eslint.boundaries.mjs) through the real ESLint CLI, as `npm run lint` does. */
async function lint(paths: string[]): Promise<Record<string, string[]>> {
  const args = ['eslint', '--no-config-lookup', '-c', 'eslint.boundaries.mjs', '--format', 'json', ...paths];
  const output = await promisify(execFile)('npx', args, { cwd: root, maxBuffer: 64 * 1024 * 1024 }).then(
    (done) => done.stdout,
    // ESLint exits 1 when it reports problems; its JSON is on stdout all the same.
    (failed: { code?: number; stdout?: string }) => {
      if (failed.code !== 1 || failed.stdout === undefined) throw failed;
      return failed.stdout;
    },
  );
  const results = JSON.parse(output) as LintResult[];
  return Object.fromEntries(
    results
      .filter((result) => result.messages.length > 0)
      .map((result) => [
        relative(fixtures, result.filePath),
        result.messages.map((message) => message.ruleId ?? message.message).sort(),
      ]),
  );
}

describe('architecture lint rules', () => {
  it('report each deliberately bad fixture with exactly its rule, and nothing for the good one', async () => {
    expect(await lint([fixtures])).toEqual({
      'server/src/mail/bad-cross-feature.ts': ['import-x/no-restricted-paths'],
      'server/src/mail/bad-cycle-a.ts': ['import-x/no-cycle'],
      'server/src/mail/bad-cycle-b.ts': ['import-x/no-cycle'],
      'server/src/mail/bad-dist-import.ts': ['no-restricted-imports'],
      'client/src/features/users/bad-cross-feature.ts': ['import-x/no-restricted-paths'],
      'client/src/features/users/bad-conditional-hook.ts': ['react-hooks/rules-of-hooks'],
    });
  }, 600_000);

  // Linting the whole tree takes minutes on a loaded machine.
  it('pass on the tree', async () => {
    expect(await lint(['server/src', 'client/src', 'shared/src', 'migrations'])).toEqual({});
  }, 900_000);
});

// Architecture rules: feature boundaries, import cycles, React hooks and deep package imports.
// Kept apart from eslint.config.mjs (which includes them) so a test can run them alone, fast and
// without type information, over the tree and over deliberately bad fixtures.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;
const folders = (dir) =>
  readdirSync(join(root, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

/** Server folders every feature may use directly: the shared kernel, not features. */
const SERVER_KERNEL = ['common', 'config', 'database'];
const SERVER_FEATURES = folders('server/src').filter((name) => !SERVER_KERNEL.includes(name));
const CLIENT_FEATURES = folders('client/src/features');

// Patterns start with `**/` so that the test fixtures under test/lint-fixtures/ are held to them too.
/**
 * A server feature reaches another only through its public entry (`<feature>/index.ts`).
 * Entity classes stay importable directly until each table has one owning repository.
 */
const serverFeatureZones = SERVER_FEATURES.map((feature) => ({
  target: `**/server/src/${feature}/**`,
  from: `**/server/src/!(${[feature, ...SERVER_KERNEL].join('|')})/**`,
  except: ['**/server/src/*/index.ts', '**/server/src/*/entities/**'],
  message: `Import another feature through its index.ts (export what ${feature} needs there).`,
}));

/** No client imports across features: shared code goes to components/, lib/ or hooks/. */
const clientFeatureZones = CLIENT_FEATURES.map((feature) => ({
  target: `**/client/src/features/${feature}/**`,
  from: `**/client/src/features/!(${feature})/**`,
  message: 'Move code shared between features to components/, lib/ or hooks/.',
}));

const SOURCES = ['**/server/src/**/*.ts', '**/client/src/**/*.{ts,tsx}', '**/shared/src/**/*.ts', 'migrations/*.ts'];

export default [
  {
    files: SOURCES,
    languageOptions: { parser: tseslint.parser },
    plugins: { 'import-x': importX },
    settings: {
      // Lets the import rules read TypeScript modules (without these, no-cycle sees no imports at all).
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['server/tsconfig.json', 'client/tsconfig.json', 'shared/tsconfig.json'].map((path) =>
            join(root, path),
          ),
          // Three projects on purpose (server, client, shared): each resolves its own aliases.
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        { basePath: root, zones: [...serverFeatureZones, ...clientFeatureZones] },
      ],
      // A package's public entry only: files under dist/ are its private build layout.
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ regex: '^(@[^/]+/)?[^./][^/]*/dist(/|$)', message: "Import from the package's public entry." }],
        },
      ],
    },
  },
  {
    files: ['**/client/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    // The two classic rules. The React Compiler rules of the plugin's recommended set (refs,
    // immutability, set-state-in-effect) flag the SurveyJS model and dnd-kit patterns wholesale;
    // they are left for when the client adopts the compiler.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
];

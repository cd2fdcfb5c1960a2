import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const clientDir = fileURLToPath(new URL('.', import.meta.url));
const srcDir = fileURLToPath(new URL('./src/', import.meta.url));
const sharedSrcDir = fileURLToPath(new URL('../shared/src/', import.meta.url));

const apiTarget = `http://localhost:${process.env.API_PORT ?? '3000'}`;
const apiProxy = { '/api': { target: apiTarget } };

const SURVEY_MODULE = /[\\/]node_modules[\\/]survey-(core|react-ui)[\\/]/;

/**
 * survey-core and survey-react-ui weigh more than the rest of the app together (see DESIGN.md),
 * so they must stay in chunks that only the survey-rendering routes load. This fails the build
 * when anything statically reachable from index.html pulls them in (for instance a runtime import
 * from a shared module that imports survey-core), instead of letting every page silently pay for it.
 */
function keepSurveyOffTheShell(): Plugin {
  return {
    name: 'concord:keep-survey-off-the-shell',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const entry of Object.values(bundle)) {
        if (entry.type !== 'chunk' || !entry.isEntry) continue;
        const pending = [entry.fileName];
        const seen = new Set<string>();
        while (pending.length > 0) {
          const fileName = pending.pop();
          if (fileName === undefined || seen.has(fileName)) continue;
          seen.add(fileName);
          const chunk = bundle[fileName];
          if (chunk.type !== 'chunk') continue;
          const surveyModule = chunk.moduleIds.find((id) => SURVEY_MODULE.test(id));
          if (surveyModule !== undefined) {
            this.error(
              `${surveyModule} is statically reachable from the entry ${entry.fileName} (via ${fileName}). ` +
                'Load survey code only from lazily imported route pages.',
            );
          }
          pending.push(...chunk.imports);
        }
      }
    },
  };
}

export default defineConfig({
  root: clientDir,
  plugins: [react(), keepSurveyOffTheShell()],
  resolve: {
    alias: [
      // The shared package is TypeScript source, consumed directly rather than through its CommonJS build.
      { find: /^@concord\/shared$/, replacement: `${sharedSrcDir}index.ts` },
      { find: /^@concord\/shared\/(.*)$/, replacement: `${sharedSrcDir}$1` },
      { find: /^@\/(.*)$/, replacement: `${srcDir}$1` },
    ],
  },
  server: { proxy: apiProxy },
  preview: { proxy: apiProxy },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // survey-core + survey-react-ui alone minify to ~1.6 MB (the respondent floor); only the survey
    // routes load that chunk, so its size is expected rather than a sign of missing code splitting.
    chunkSizeWarningLimit: 1_700,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Loaded by every page: one long-lived, separately cached chunk.
            {
              name: 'react',
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser|@tanstack)[\\/]/,
              priority: 20,
            },
            // Only imported by lazy survey pages, so only those routes download it.
            { name: 'survey', test: SURVEY_MODULE, priority: 10 },
          ],
        },
      },
    },
  },
});

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, transformWithOxc } from 'vite';

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
        // The respondent entry (respond.html) is the questionnaire itself: SurveyJS is its point.
        if (entry.type !== 'chunk' || !entry.isEntry || RESPOND_ENTRY_MODULE.test(entry.facadeModuleId ?? '')) continue;
        const pending = [entry.fileName];
        const seen = new Set<string>();
        while (pending.length > 0) {
          const fileName = pending.pop();
          if (fileName === undefined || seen.has(fileName)) continue;
          seen.add(fileName);
          const chunk = bundle[fileName];
          // An import names a file of this bundle; anything else (an asset, a file not in it) has no imports.
          if (chunk?.type !== 'chunk') continue;
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

/** The respondent entry: Vite names an HTML entry's chunk after the page (respond.html). */
const RESPOND_ENTRY_MODULE = /[\\/](respond\.html|src[\\/]respond-main\.tsx)$/;
const RESPOND_SERVICE_WORKER = fileURLToPath(
  new URL('./src/features/respond/service-worker/respond-sw.ts', import.meta.url),
);

/**
 * Emits /respond-sw.js, the respondent page's service worker, with the list of files that page
 * needs: respond.html, its entry and everything that imports (scripts and stylesheets), and a
 * version derived from their hashed names, so a new build brings a new worker. Staff pages are
 * left out: the worker controls /r/ only.
 */
function respondentServiceWorker(): Plugin {
  return {
    name: 'concord:respondent-service-worker',
    apply: 'build',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((entry) => entry.type === 'chunk');
      const respondEntry = chunks.find(
        (chunk) => chunk.isEntry && RESPOND_ENTRY_MODULE.test(chunk.facadeModuleId ?? ''),
      );
      if (respondEntry === undefined) this.error('the respondent entry is missing from the build');
      const files = new Set<string>(['/respond.html', '/favicon.svg']);
      const pending = [respondEntry.fileName];
      while (pending.length > 0) {
        const fileName = pending.pop();
        if (fileName === undefined || files.has(`/${fileName}`)) continue;
        files.add(`/${fileName}`);
        const chunk = bundle[fileName];
        if (chunk?.type !== 'chunk') continue;
        for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(`/${css}`);
        for (const asset of chunk.viteMetadata?.importedAssets ?? []) files.add(`/${asset}`);
        pending.push(...chunk.imports);
      }
      const source = readFileSync(RESPOND_SERVICE_WORKER, 'utf8');
      const list = [...files].sort();
      const version = createHash('sha256').update(JSON.stringify(list)).update(source).digest('hex').slice(0, 16);
      const compiled = await transformWithOxc(source, RESPOND_SERVICE_WORKER, { lang: 'ts', target: 'es2022' });
      this.emitFile({
        type: 'asset',
        fileName: 'respond-sw.js',
        source: compiled.code
          .replaceAll('__RESPONDENT_FILES__', JSON.stringify(list))
          .replaceAll('__RESPONDENT_VERSION__', JSON.stringify(version)),
      });
    },
  };
}

/**
 * The head that both pages share, the staff app (index.html) and the respondent page (respond.html):
 * each page's own file keeps only what is its own (its description, its entry script).
 */
function sharedHead(): Plugin {
  return {
    name: 'concord:shared-head',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { charset: 'UTF-8' }, injectTo: 'head-prepend' },
      {
        tag: 'meta',
        attrs: { name: 'viewport', content: 'width=device-width, initial-scale=1' },
        injectTo: 'head-prepend',
      },
      { tag: 'meta', attrs: { name: 'theme-color', content: '#0b3d91' }, injectTo: 'head' },
      { tag: 'link', attrs: { rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }, injectTo: 'head' },
      { tag: 'title', children: 'Concord', injectTo: 'head' },
    ],
  };
}

export default defineConfig({
  root: clientDir,
  plugins: [react(), sharedHead(), keepSurveyOffTheShell(), respondentServiceWorker()],
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
      // The staff app, and the respondent page on its own (served for /r/<token>).
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        respond: fileURLToPath(new URL('./respond.html', import.meta.url)),
      },
      output: {
        codeSplitting: {
          groups: [
            // Loaded by every page, the respondent page included: one long-lived, separately cached chunk.
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 20 },
            // The staff app's routing and data cache, which the respondent page does without.
            {
              name: 'app-libs',
              test: /[\\/]node_modules[\\/](react-router|cookie|set-cookie-parser|@tanstack)[\\/]/,
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

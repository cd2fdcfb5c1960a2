// The respondent page: JavaScript it loads (gzipped, as served) and its time to interactive in
// headless Chromium, next to a baseline built in the same run — a bare page that only renders the
// same questionnaire with React + survey-core + survey-react-ui, bundled by Vite the same way.
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { spawnServer } from '../support/server-processes';
import { launchChromium } from '../support/browser';
import { httpSignIn } from '../support/http-session';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/test-app';
import { createTestDatabase, prepareTestServer, releaseTestServer } from '../support/test-database';
import { reportBench } from './bench-report';

const FLOOR_DIR = join(__dirname, '.respondent-floor');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

interface PageLoad {
  jsGzipBytes: number;
  jsRawBytes: number;
  interactiveMs: number;
}

/** Loads a page in a fresh context and waits until the first question is rendered (React has mounted it). */
async function measure(browser: Browser, url: string): Promise<PageLoad> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page: Page = await context.newPage();
  const scripts: string[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response.url());
  });
  const started = performance.now();
  await page.goto(url);
  try {
    await page.locator('.sd-question').first().waitFor({ state: 'visible', timeout: 20_000 });
  } catch (error) {
    await page.screenshot({ path: '/tmp/respondent-bench-failure.png' });
    throw new Error(`${url} did not show a question: ${(await page.locator('body').innerText()).slice(0, 300)}`, {
      cause: error,
    });
  }
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
  const interactiveMs = performance.now() - started;
  let jsRawBytes = 0;
  let jsGzipBytes = 0;
  for (const script of new Set(scripts)) {
    const body = Buffer.from(await (await fetch(script)).arrayBuffer());
    jsRawBytes += body.length;
    jsGzipBytes += gzipSync(body, { level: 9 }).length;
  }
  await context.close();
  return { jsGzipBytes, jsRawBytes, interactiveMs };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** A bare SurveyJS page with the same definition, built with Vite. */
async function buildFloor(definition: unknown): Promise<void> {
  rmSync(FLOOR_DIR, { recursive: true, force: true });
  mkdirSync(FLOOR_DIR, { recursive: true });
  writeFileSync(join(FLOOR_DIR, 'definition.json'), JSON.stringify(definition));
  writeFileSync(
    join(FLOOR_DIR, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"></head><body><div id="root"></div><script type="module" src="./main.tsx"></script></body></html>',
  );
  writeFileSync(
    join(FLOOR_DIR, 'main.tsx'),
    [
      "import { createRoot } from 'react-dom/client';",
      "import { Model } from 'survey-core';",
      "import { Survey } from 'survey-react-ui';",
      "import 'survey-core/survey-core.min.css';",
      "import definition from './definition.json';",
      'const model = new Model(definition);',
      "createRoot(document.getElementById('root')!).render(<Survey model={model} />);",
    ].join('\n'),
  );
  // Vite and its React plugin are ES modules, loaded at run time (their types need a module
  // resolution this CommonJS test project does not use).
  // resolution this CommonJS test project does not use); they are the client workspace's.
  const clientRequire = createRequire(join(__dirname, '..', '..', 'client', 'package.json'));
  const vite = clientRequire('vite') as { build(config: Record<string, unknown>): Promise<unknown> };
  const react = (clientRequire('@vitejs/plugin-react') as { default: () => unknown }).default;
  await vite.build({
    root: FLOOR_DIR,
    logLevel: 'error',
    configFile: false,
    plugins: [react()],
    build: { outDir: join(FLOOR_DIR, 'dist'), emptyOutDir: true },
  });
}

function serveStatic(dir: string): Promise<{ server: Server; origin: string }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server = createServer((request, response) => {
    const path = request.url === '/' || request.url === undefined ? '/index.html' : request.url.split('?')[0];
    try {
      const body = readFileSync(join(dir, path));
      response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as { port: number };
      resolve({ server, origin: `http://127.0.0.1:${address.port}` });
    });
  });
}

async function main(): Promise<void> {
  const testServer = await prepareTestServer();
  const database = await createTestDatabase();
  const concord = await spawnServer({ databaseUrl: database.url, env: { SEED_DEMO: 'true' } });
  let browser: Browser | undefined;
  let floor: { server: Server; origin: string } | undefined;
  try {
    const admin = await httpSignIn(concord.origin, ADMIN_EMAIL, ADMIN_PASSWORD);
    const campaigns = (await admin.request('GET', '/api/campaigns')).body as Array<{ id: string; status: string }>;
    const open = campaigns.find((campaign) => campaign.status === 'open');
    if (open === undefined) throw new Error('the demo seed has no open campaign');
    const networks = (await admin.request('GET', '/api/networks')).body as Array<{ id: string }>;
    // An open regional link: a new respondent, whatever the demo members have already answered.
    const link = (await admin.request('POST', `/api/campaigns/${open.id}/open-links`, { networkId: networks[0].id }))
      .body as { url: string };
    const token = new URL(link.url).pathname.split('/').pop() ?? '';
    const respondentUrl = `${concord.origin}/r/${token}`;
    const view = (await (await fetch(`${concord.origin}/api/respond/${token}`)).json()) as {
      survey: { definition: unknown };
    };

    await buildFloor(view.survey.definition);
    floor = await serveStatic(join(FLOOR_DIR, 'dist'));
    browser = await launchChromium();
    // One untimed load each first, so both are measured warm (compiled, cached by the OS).
    await measure(browser, respondentUrl);
    await measure(browser, floor.origin);
    const concordLoads: PageLoad[] = [];
    const floorLoads: PageLoad[] = [];
    for (let run = 0; run < RUNS; run++) {
      concordLoads.push(await measure(browser, respondentUrl));
      floorLoads.push(await measure(browser, floor.origin));
    }
    const kib = (bytes: number): number => bytes / 1024;
    reportBench({
      name: 'Respondent page /r/<token>',
      figures: [
        {
          label: 'JavaScript loaded, gzipped',
          value: kib(concordLoads[0].jsGzipBytes),
          unit: 'KiB',
          baseline: { label: 'bare React + SurveyJS page, same questionnaire', value: kib(floorLoads[0].jsGzipBytes) },
        },
        {
          label: 'JavaScript loaded, minified',
          value: kib(concordLoads[0].jsRawBytes),
          unit: 'KiB',
          baseline: { label: 'bare React + SurveyJS page', value: kib(floorLoads[0].jsRawBytes) },
        },
        {
          label: `time to interactive, median of ${RUNS} (phone viewport, loopback)`,
          value: median(concordLoads.map((load) => load.interactiveMs)),
          unit: 'ms',
          baseline: {
            label: 'bare React + SurveyJS page',
            value: median(floorLoads.map((load) => load.interactiveMs)),
          },
        },
      ],
      notes: [
        'interactive = the first question is rendered, after the page’s data has loaded (Concord also fetches the questionnaire over the API)',
      ],
    });
  } finally {
    await browser?.close();
    floor?.server.close();
    rmSync(FLOOR_DIR, { recursive: true, force: true });
    await concord.stop();
    await database.drop();
    await releaseTestServer(testServer);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

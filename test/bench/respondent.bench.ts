// The respondent page: JavaScript it loads (gzipped, as served) and its time to interactive in
// headless Chromium, next to a baseline built in the same run — a bare page that only renders the
// same questionnaire with React + survey-core + survey-react-ui, bundled by Vite the same way.
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { spawnServer } from '../support/server-processes';
import { launchChromium } from '../support/browser';
import { httpSignIn } from '../support/http-session';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/test-app';
import { createTestDatabase, prepareTestServer, releaseTestServer } from '../support/test-database';
import { reportBench } from './bench-report';

const FLOOR_DIR = join(__dirname, '.respondent-floor');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

interface PageLoad {
  /** Scripts fetched from the network (not answered by the service worker from its cache). */
  networkScripts: string[];
  interactiveMs: number;
}

interface Visits {
  first: PageLoad;
  second: PageLoad;
}

/** Loads a page and waits until the first question is rendered (React has mounted it). */
async function load(context: BrowserContext, url: string, expectWorker: boolean): Promise<PageLoad> {
  const page: Page = await context.newPage();
  const networkScripts: string[] = [];
  const onRequestFinished = async (request: Request): Promise<void> => {
    if (!/\.m?js(\?|$)/.test(request.url())) return;
    // Requests the service worker itself makes go to the network; the page's requests that the
    // worker answered from its cache do not.
    const response = await request.response();
    const fromWorkerCache = request.serviceWorker() === null && response?.fromServiceWorker() === true;
    if (!fromWorkerCache) networkScripts.push(request.url());
  };
  context.on('requestfinished', (request) => void onRequestFinished(request));
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
  // Give late requests (the service worker's script and the files it keeps) time to finish.
  await page.waitForLoadState('networkidle');
  if (expectWorker) {
    // The page registers its worker a moment after showing the questionnaire; a second visit
    // comes later than that in real life.
    await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration()) !== undefined, null, {
      timeout: 20_000,
    });
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
  }
  await page.close();
  context.removeAllListeners('requestfinished');
  return { networkScripts: [...new Set(networkScripts)], interactiveMs };
}

/** A first visit in a fresh browser profile, then a second visit to the same page in that profile. */
async function visitTwice(browser: Browser, url: string, expectWorker: boolean): Promise<Visits> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  try {
    const first = await load(context, url, expectWorker);
    const second = await load(context, url, false);
    return { first, second };
  } finally {
    await context.close();
  }
}

const sizeCache = new Map<string, { raw: number; gzip: number }>();

/** The bytes of the given scripts, minified and gzipped, as fetched again outside the browser. */
async function scriptBytes(urls: string[]): Promise<{ raw: number; gzip: number }> {
  let raw = 0;
  let gzip = 0;
  for (const url of urls) {
    let size = sizeCache.get(url);
    if (size === undefined) {
      const body = Buffer.from(await (await fetch(url)).arrayBuffer());
      size = { raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
      sizeCache.set(url, size);
    }
    raw += size.raw;
    gzip += size.gzip;
  }
  return { raw, gzip };
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
      // Hashed assets with the same immutable caching as Concord's, so second visits compare fairly.
      response.writeHead(200, {
        'content-type': types[extname(path)] ?? 'application/octet-stream',
        ...(path.startsWith('/assets/') ? { 'cache-control': 'public, max-age=31536000, immutable' } : {}),
      });
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
    // One untimed pair first, so both are measured warm (compiled, cached by the OS).
    await visitTwice(browser, respondentUrl, true);
    await visitTwice(browser, floor.origin, false);
    const concordVisits: Visits[] = [];
    const floorVisits: Visits[] = [];
    for (let run = 0; run < RUNS; run++) {
      concordVisits.push(await visitTwice(browser, respondentUrl, true));
      floorVisits.push(await visitTwice(browser, floor.origin, false));
    }
    const kib = (bytes: number): number => bytes / 1024;
    const concordFirst = await scriptBytes(concordVisits[0]?.first.networkScripts ?? []);
    const floorFirst = await scriptBytes(floorVisits[0]?.first.networkScripts ?? []);
    const concordSecond = await scriptBytes(concordVisits.flatMap((visit) => visit.second.networkScripts));
    const workerScript = concordVisits[0]?.first.networkScripts.some((url) => url.endsWith('/respond-sw.js')) ?? false;
    const within = (baseline: number) => ({ op: '<=' as const, value: baseline * 1.1 });
    const floorFirstMs = median(floorVisits.map((visit) => visit.first.interactiveMs));
    const floorSecondMs = median(floorVisits.map((visit) => visit.second.interactiveMs));
    reportBench({
      name: 'Respondent page /r/<token>',
      figures: [
        {
          label: 'first visit: JavaScript loaded, gzipped (service worker included)',
          value: kib(concordFirst.gzip),
          unit: 'KiB',
          baseline: { label: 'bare React + SurveyJS page, same questionnaire', value: kib(floorFirst.gzip) },
          target: within(kib(floorFirst.gzip)),
        },
        {
          label: 'first visit: JavaScript loaded, minified',
          value: kib(concordFirst.raw),
          unit: 'KiB',
          baseline: { label: 'bare React + SurveyJS page', value: kib(floorFirst.raw) },
        },
        {
          label: `first visit: time to interactive, median of ${RUNS} (phone viewport, loopback)`,
          value: median(concordVisits.map((visit) => visit.first.interactiveMs)),
          unit: 'ms',
          baseline: { label: 'bare React + SurveyJS page', value: floorFirstMs },
          target: within(floorFirstMs),
        },
        {
          label: `second visit: JavaScript from the network, all ${RUNS} runs`,
          value: kib(concordSecond.gzip),
          unit: 'KiB',
          target: { op: '<=', value: 0 },
        },
        {
          label: `second visit: time to interactive, median of ${RUNS}`,
          value: median(concordVisits.map((visit) => visit.second.interactiveMs)),
          unit: 'ms',
          baseline: { label: 'bare React + SurveyJS page, from the HTTP cache', value: floorSecondMs },
          target: within(floorSecondMs),
        },
      ],
      notes: [
        'interactive = the first question is rendered, after the page’s data has loaded (Concord also fetches the questionnaire over the API)',
        `the first visit registers the respondent service worker (${workerScript ? 'its script is counted above' : 'its script was NOT seen'}); the second visit runs under it`,
        'both pages serve hashed assets with immutable caching; targets are 1.1 × the bare page measured in the same run',
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

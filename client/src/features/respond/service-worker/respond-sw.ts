// The respondent page's service worker, controlling /r/ only. Built on its own by the client
// build (vite.config.ts), which replaces the two constants below: the build's respondent files
// (the page and every script and stylesheet it loads) and a version that changes with them.

declare const __RESPONDENT_FILES__: string[];
declare const __RESPONDENT_VERSION__: string;

/** The worker's own global scope (the WebWorker library types `self` as any worker's). */
const worker = self as unknown as ServiceWorkerGlobalScope;

const SHELL_CACHE = `concord-respond-shell-${__RESPONDENT_VERSION__}`;
const SHELL_PREFIX = 'concord-respond-shell-';
/** The pinned questionnaire of each link opened on this device, kept across versions of the page. */
const VIEW_CACHE = 'concord-respond-views';
const SHELL_FILES = new Set(__RESPONDENT_FILES__);
/** `GET /api/respond/<token>`: the questionnaire, saved answers and status of one link. */
const VIEW_PATH = /^\/api\/respond\/[^/]+$/;
/** On a poor link, how long to wait for the server before showing the kept copy. */
const VIEW_NETWORK_TIMEOUT_MS = 4_000;

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL_CACHE);
      await cache.addAll([...SHELL_FILES]);
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(SHELL_PREFIX) && name !== SHELL_CACHE) await caches.delete(name);
      }
      await worker.clients.claim();
    })(),
  );
});

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== worker.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(shellFirst('/respond.html', request));
  } else if (SHELL_FILES.has(url.pathname)) {
    event.respondWith(shellFirst(url.pathname, request));
  } else if (VIEW_PATH.test(url.pathname)) {
    event.respondWith(viewNetworkFirst(request, (work) => event.waitUntil(work)));
  }
});

/** The page hands over the view it has just loaded, so that it is kept from the very first visit. */
worker.addEventListener('message', (event) => {
  const message = event.data as { type?: unknown; url?: unknown; body?: unknown } | null;
  if (message?.type !== 'keep-view' || typeof message.url !== 'string' || typeof message.body !== 'string') return;
  const url = new URL(message.url, worker.location.origin);
  if (url.origin !== worker.location.origin || !VIEW_PATH.test(url.pathname)) return;
  const body = message.body;
  event.waitUntil(
    caches
      .open(VIEW_CACHE)
      .then((cache) =>
        cache.put(url.pathname, new Response(body, { headers: { 'content-type': 'application/json' } })),
      ),
  );
});

/** Hashed, immutable files: from the cache, so a second visit loads no script from the network. */
async function shellFirst(path: string, request: Request): Promise<Response> {
  const cached = await caches.match(path, { cacheName: SHELL_CACHE });
  return cached ?? fetch(request);
}

/**
 * The server's answer when it comes in time; the kept copy when the device is offline, the
 * server cannot be reached or is too slow. A link that has become unknown or closed drops its copy.
 * The copy is written after the answer has gone to the page, so keeping it never delays the page.
 */
async function viewNetworkFirst(request: Request, later: (work: Promise<unknown>) => void): Promise<Response> {
  const cache = await caches.open(VIEW_CACHE);
  const key = new URL(request.url).pathname;
  const fromNetwork = fetch(request).then((response) => {
    if (response.ok) later(cache.put(key, response.clone()));
    else if (response.status === 404 || response.status === 410) later(cache.delete(key));
    return response;
  });
  const kept = await cache.match(key);
  if (kept === undefined) return fromNetwork;
  const timeout = new Promise<Response>((resolve) => setTimeout(() => resolve(kept), VIEW_NETWORK_TIMEOUT_MS));
  return Promise.race([fromNetwork.catch(() => kept), timeout]);
}

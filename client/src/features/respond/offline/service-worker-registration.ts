import type { RespondentViewDto } from '@concord/shared';

const WORKER_URL = '/respond-sw.js';
/** The worker controls the respondent pages only; staff pages never go through it. */
const WORKER_SCOPE = '/r/';

function supported(): boolean {
  // The worker file exists only in a build (see vite.config.ts), not under the dev server.
  return 'serviceWorker' in navigator && !import.meta.env.DEV;
}

/** How long after the questionnaire is shown the worker is registered. */
const REGISTER_DELAY_MS = 1_500;

/**
 * Registers the respondent service worker a moment after the questionnaire is on screen, so that
 * installing it (and fetching the files it keeps) never competes with showing the questionnaire.
 */
export function registerRespondentServiceWorker(): () => void {
  if (!supported()) return () => undefined;
  const timer = window.setTimeout(() => {
    navigator.serviceWorker.register(WORKER_URL, { scope: WORKER_SCOPE }).catch(() => {
      // Without a worker the page still works online; the device's answers are kept in IndexedDB.
    });
  }, REGISTER_DELAY_MS);
  return () => window.clearTimeout(timer);
}

/**
 * Hands the view just loaded to the worker, so that the questionnaire is kept from the very first
 * visit (that visit's request was made before the worker was there to see it).
 */
export function keepViewForOffline(token: string, view: RespondentViewDto): void {
  if (!supported()) return;
  void navigator.serviceWorker.ready.then((registration) => {
    registration.active?.postMessage({
      type: 'keep-view',
      url: `/api/respond/${encodeURIComponent(token)}`,
      body: JSON.stringify(view),
    });
  });
}

import { useEffect, useState, useSyncExternalStore } from 'react';

import { completeResponse } from '../api/complete-response';
import { getRespondentView } from '../api/get-respondent-view';
import { saveProgress } from '../api/save-progress';

import { type LocalLinkState, linkStore } from './local-store';
import { type Connectivity, ResponseSync, type SyncMode, type SyncTransport } from './response-sync';

const browserConnectivity: Connectivity = {
  isOnline: () => navigator.onLine,
  onChange(listener) {
    const online = () => listener(true);
    const offline = () => listener(false);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    };
  },
};

const httpTransport: SyncTransport = {
  save: saveProgress,
  complete: completeResponse,
  view: getRespondentView,
};

/** One sync per page for the link, started while the page shows and flushed when it is hidden. */
export function useResponseSync(token: string, mode: SyncMode, initial: LocalLinkState) {
  const [sync] = useState(() => new ResponseSync(token, mode, initial, httpTransport, linkStore, browserConnectivity));
  useEffect(() => {
    sync.start();
    const leave = () => {
      if (document.visibilityState === 'hidden') void sync.flush();
    };
    document.addEventListener('visibilitychange', leave);
    return () => {
      document.removeEventListener('visibilitychange', leave);
      sync.stop();
    };
  }, [sync]);
  const state = useSyncExternalStore(sync.subscribe, sync.getState);
  return { sync, state };
}

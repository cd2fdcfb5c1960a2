import type { SyncState } from '../offline/response-sync';

import type { RespondentTexts } from './respondent-messages';

function time(iso: string, language: string): string {
  return new Date(iso).toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' });
}

/**
 * Says plainly where the answers are: on the server, or only on this device (and why). The
 * wording changes only when that changes, so screen readers announce what matters.
 */
export function syncStatusText(state: SyncState, texts: RespondentTexts, language: string): string {
  if (state.mode === 'device') return texts.deviceOnly;
  if (state.editing) return texts.editingOnDevice;
  if (state.problem !== null) return texts.serverRefused(state.problem);
  const serverHas =
    state.serverSavedAt === null ? texts.serverHasNone : texts.serverHasAsOf(time(state.serverSavedAt, language));
  if (state.unsaved && !state.online) return `${texts.offlineDeviceOnly} ${serverHas}`;
  if (state.unsaved && state.retryInSeconds !== null) {
    return `${texts.retryingDeviceOnly(state.retryInSeconds)} ${serverHas}`;
  }
  if (state.saving) return texts.savingOnServer;
  if (state.unsaved) return texts.deviceThenServer;
  if (state.serverSavedAt !== null) return texts.serverSaved(time(state.serverSavedAt, language));
  return texts.savedAsYouGo;
}

export function SyncStatus({ state, texts, language }: { state: SyncState; texts: RespondentTexts; language: string }) {
  const deviceOnly = state.mode === 'server' && (state.unsaved || state.problem !== null) && !state.saving;
  return (
    <p
      className={deviceOnly ? 'respond__save respond__save--device' : 'respond__save'}
      role="status"
      aria-live="polite"
      data-testid="save-status"
    >
      {syncStatusText(state, texts, language)}
    </p>
  );
}

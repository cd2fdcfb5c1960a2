import { describe, expect, it } from '@jest/globals';

import type { SyncState } from '../offline/response-sync';

import { RESPONDENT_TEXTS } from './respondent-messages';
import { syncStatusText } from './sync-status';

const SAVED_AT = '2026-05-01T10:05:00.000Z';
const BASE: SyncState = {
  mode: 'server',
  online: true,
  unsaved: false,
  saving: false,
  serverSavedAt: null,
  deviceSavedAt: null,
  retryInSeconds: null,
  problem: null,
  submission: 'none',
  receipt: null,
  refusal: null,
  editing: false,
};

describe('syncStatusText', () => {
  const texts = RESPONDENT_TEXTS.en;
  const text = (patch: Partial<SyncState>) => syncStatusText({ ...BASE, ...patch }, texts, 'en');
  const time = new Date(SAVED_AT).toLocaleTimeString('en', { hour: '2-digit', minute: '2-digit' });

  it('says when everything is on the server', () => {
    expect(text({})).toBe('Your answers are saved on the server as you go.');
    expect(text({ serverSavedAt: SAVED_AT })).toBe(`All your answers are saved on the server (last saved at ${time}).`);
    expect(text({ saving: true, unsaved: true })).toBe('Saving your answers on the server…');
  });

  it('says which answers are on this device only, and what the server has', () => {
    expect(text({ unsaved: true, online: false })).toBe(
      'You are offline. Your latest answers are saved on this device only; they will be sent to the server when the connection returns. The server has none of your answers yet.',
    );
    expect(text({ unsaved: true, online: false, serverSavedAt: SAVED_AT })).toMatch(
      new RegExp(`The server has your answers as of ${time}\\.$`),
    );
    expect(text({ unsaved: true, retryInSeconds: 8, serverSavedAt: SAVED_AT })).toBe(
      `Your latest answers are saved on this device only; sending them to the server again in 8 s. The server has your answers as of ${time}.`,
    );
    expect(text({ unsaved: true })).toBe(
      'Your latest answers are saved on this device; they will be saved on the server in a moment.',
    );
    expect(text({ unsaved: true, problem: '1 answer is not valid' })).toBe(
      'The server did not accept your latest answers (1 answer is not valid); they are kept on this device.',
    );
    expect(text({ editing: true })).toBe('Your changes are kept on this device until you submit them again.');
    expect(text({ mode: 'device' })).toBe(texts.deviceOnly);
  });

  it('has every text in the four working languages', () => {
    const keys = Object.keys(RESPONDENT_TEXTS.en).sort();
    for (const language of ['fr', 'ru', 'ar'] as const) {
      expect(Object.keys(RESPONDENT_TEXTS[language]).sort()).toEqual(keys);
      expect(syncStatusText({ ...BASE, unsaved: true, online: false }, RESPONDENT_TEXTS[language], language)).not.toBe(
        syncStatusText({ ...BASE, unsaved: true, online: false }, texts, 'en'),
      );
    }
  });
});

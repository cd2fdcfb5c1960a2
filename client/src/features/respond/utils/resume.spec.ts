import { describe, expect, it } from '@jest/globals';

import type { RespondentViewDto } from '@concord/shared';

import { emptyLocalState, type LocalLinkState } from '../offline/local-store';

import { browserPageLanguage, firstSupported, textDirection } from './language';
import { resumePoint } from './resume';

const VIEW: RespondentViewDto = {
  survey: { definition: {}, version: 1 },
  locales: ['en', 'fr', 'ru', 'ar'],
  data: { q1: 'server' },
  status: 'partial',
  closesAt: null,
  language: 'ru',
  canEdit: false,
  kind: 'personal',
  receipt: null,
  currentPage: 1,
  locale: 'fr',
  savedAt: '2026-05-01T10:00:00.000Z',
};

function local(patch: Partial<LocalLinkState>): LocalLinkState {
  return { ...emptyLocalState('t'), answers: { q1: 'device' }, currentPage: 2, locale: 'ar', ...patch };
}

describe('resumePoint', () => {
  it('resumes on the server’s page and language when this device has nothing', () => {
    expect(resumePoint(VIEW, null, ['en-GB'])).toEqual({
      answers: { q1: 'server' },
      pageIndex: 1,
      locale: 'fr',
      source: 'server',
    });
  });

  it('prefers this device’s copy while it holds changes the server has not confirmed', () => {
    const unsent = local({ revision: 5, serverRevision: 4, serverSavedAt: '2026-05-01T10:00:00.000Z' });
    expect(resumePoint(VIEW, unsent, [])).toEqual({
      answers: { q1: 'device' },
      pageIndex: 2,
      locale: 'ar',
      source: 'device',
    });
  });

  it('keeps the device’s confirmed copy when the view is not newer (an offline copy), else takes the server’s', () => {
    const confirmed = local({ revision: 4, serverRevision: 4, serverSavedAt: '2026-05-01T10:00:00.000Z' });
    expect(resumePoint(VIEW, confirmed, []).source).toBe('device');
    const older = local({ revision: 4, serverRevision: 4, serverSavedAt: '2026-05-01T09:00:00.000Z' });
    expect(resumePoint(VIEW, older, []).answers).toEqual({ q1: 'server' });
  });

  it('starts a new response in the member’s language, else the browser’s, else the first', () => {
    const fresh = { ...VIEW, status: 'new' as const, data: {}, currentPage: null, locale: null, savedAt: null };
    expect(resumePoint(fresh, null, ['fr-CA'])).toEqual({ answers: {}, pageIndex: 0, locale: 'ru', source: 'new' });
    expect(resumePoint({ ...fresh, language: null }, null, ['de', 'fr-CA']).locale).toBe('fr');
    expect(resumePoint({ ...fresh, language: null, locales: ['en', 'fr'] }, null, ['ar']).locale).toBe('en');
  });

  it('keeps open-link answers on the device only', () => {
    const open = {
      ...VIEW,
      kind: 'open' as const,
      data: {},
      currentPage: null,
      locale: null,
      savedAt: null,
      language: null,
    };
    expect(resumePoint(open, null, ['en'])).toEqual({ answers: {}, pageIndex: 0, locale: 'en', source: 'new' });
    expect(resumePoint(open, local({ revision: 1 }), ['en'])).toEqual({
      answers: { q1: 'device' },
      pageIndex: 2,
      locale: 'ar',
      source: 'device',
    });
  });
});

describe('languages', () => {
  it('writes Arabic right to left and the others left to right', () => {
    expect(['ar', 'ar-EG', 'en', 'fr', 'ru'].map(textDirection)).toEqual(['rtl', 'rtl', 'ltr', 'ltr', 'ltr']);
  });

  it('speaks the first of the browser’s languages that the page has, else English', () => {
    expect(browserPageLanguage(['de-DE', 'ru-RU', 'fr'])).toBe('ru');
    expect(browserPageLanguage(['AR'])).toBe('ar');
    expect(browserPageLanguage(['de', 'es'])).toBe('en');
    expect(firstSupported(['en-US'], ['fr'])).toBeNull();
  });
});

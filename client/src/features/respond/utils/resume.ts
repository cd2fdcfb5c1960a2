import type { RespondentViewDto } from '@concord/shared';

import type { LocalLinkState } from '../offline/local-store';

import { firstSupported } from './language';

/** Where and how a respondent continues when the page opens. */
export interface ResumePoint {
  answers: Record<string, unknown>;
  /** Index among all the definition's pages. */
  pageIndex: number;
  locale: string;
  /** Whose copy of the answers is shown: the server's, this device's, or none yet. */
  source: 'server' | 'device' | 'new';
}

/**
 * Decides between the server's copy of a response and this device's. The device's copy wins while
 * it holds changes the server has not confirmed, and when the server's copy is not newer than the
 * last one the device saw confirmed (an offline copy of the view is such a copy). Otherwise the
 * answers were continued on another device, and the server's copy wins. Open links have no server
 * copy at all.
 */
export function resumePoint(
  view: RespondentViewDto,
  local: LocalLinkState | null,
  browserLanguages: readonly string[],
): ResumePoint {
  const useDevice = local !== null && local.revision > 0 && (view.kind === 'open' || deviceIsCurrent(view, local));
  const fromServer = view.kind === 'personal' && (view.status !== 'new' || view.savedAt !== null);
  const locale =
    pick(useDevice ? local?.locale : view.locale, view.locales) ??
    pick(view.locale, view.locales) ??
    pick(view.language, view.locales) ??
    firstSupported(browserLanguages, view.locales) ??
    view.locales[0] ??
    'en';
  if (useDevice && local !== null) {
    return { answers: local.answers, pageIndex: Math.max(0, local.currentPage), locale, source: 'device' };
  }
  return {
    answers: view.kind === 'open' ? {} : view.data,
    pageIndex: Math.max(0, view.currentPage ?? 0),
    locale,
    source: fromServer ? 'server' : 'new',
  };
}

function deviceIsCurrent(view: RespondentViewDto, local: LocalLinkState): boolean {
  if (local.revision > local.serverRevision) return true;
  if (view.savedAt === null) return true;
  return local.serverSavedAt !== null && Date.parse(local.serverSavedAt) >= Date.parse(view.savedAt);
}

function pick(locale: string | null | undefined, available: readonly string[]): string | null {
  return locale !== null && locale !== undefined && available.includes(locale) ? locale : null;
}

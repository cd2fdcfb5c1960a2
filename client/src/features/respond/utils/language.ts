import { MEMBER_LANGUAGES } from '@concord/shared';

/** Languages written right to left, among those a questionnaire may be translated into. */
const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'he', 'ur']);

export function textDirection(language: string): 'rtl' | 'ltr' {
  return RIGHT_TO_LEFT.has(primarySubtag(language)) ? 'rtl' : 'ltr';
}

function primarySubtag(language: string): string {
  return language.split('-')[0]?.toLowerCase() ?? '';
}

/**
 * The first of the browser's languages (most preferred first) that is among `available`,
 * matched on the primary subtag ("fr-CA" → "fr"); null when none is.
 */
export function firstSupported(browserLanguages: readonly string[], available: readonly string[]): string | null {
  for (const language of browserLanguages) {
    const primary = primarySubtag(language);
    if (available.includes(primary)) return primary;
  }
  return null;
}

/** The language of the page's own texts when nothing else decides it: the browser's, among the four. */
export function browserPageLanguage(browserLanguages: readonly string[]): string {
  return firstSupported(browserLanguages, MEMBER_LANGUAGES) ?? 'en';
}

export function browserLanguages(): readonly string[] {
  return navigator.languages.length > 0 ? navigator.languages : [navigator.language || 'en'];
}

/** Screen readers, hyphenation and text direction follow the document's own `lang` and `dir`. */
export function applyDocumentLanguage(language: string): void {
  document.documentElement.lang = language;
  document.documentElement.dir = textDirection(language);
}

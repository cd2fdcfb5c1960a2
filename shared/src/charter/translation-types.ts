import type { DiffOp } from './diff-types';

/** The languages a charter is published in; the clauses themselves are written in the first. */
export const CHARTER_LANGUAGES = ['en', 'fr', 'ru', 'ar'] as const;
export type CharterLanguage = (typeof CHARTER_LANGUAGES)[number];
export const CHARTER_SOURCE_LANGUAGE: CharterLanguage = 'en';
export const TRANSLATION_LANGUAGES = CHARTER_LANGUAGES.filter((lang) => lang !== CHARTER_SOURCE_LANGUAGE);

/** Scripts written right to left, for `dir="rtl"` and Word's bidi paragraphs. */
export function isRightToLeft(lang: string): boolean {
  return lang === 'ar';
}

/**
 * `current`: written against the clause as it reads in this revision; `stale`: the source clause
 * changed after the translation was written; `missing`: no translation yet.
 */
export type ClauseTranslationStatus = 'current' | 'stale' | 'missing';

export interface ClauseTranslationDto {
  heading: string;
  body: string;
  /** The revision whose clause text was translated. */
  sourceRevision: number;
  translator: { id: string | null; name: string };
  updatedAt: string;
}

export interface ClauseTranslationEntryDto {
  clauseId: string;
  status: ClauseTranslationStatus;
  source: { heading: string; body: string };
  translation: ClauseTranslationDto | null;
  /** For a stale translation: how the source changed since it was translated. */
  sourceChanges: { headingOps: DiffOp[]; ops: DiffOp[] } | null;
}

export interface CharterTranslationDto {
  revision: number;
  lang: CharterLanguage;
  dir: 'ltr' | 'rtl';
  clauses: ClauseTranslationEntryDto[];
}

import type { CharterClause, ClauseTranslationEntryDto } from '@concord/shared';
import { diffText } from './clause-diff';

/** A stored translation as the pure core needs it. */
export interface StoredTranslation {
  clauseId: string;
  sourceRevision: number;
  sourceHeading: string;
  sourceBody: string;
  heading: string;
  body: string;
  translatorId: string | null;
  translatorName: string;
  updatedAt: Date;
}

/**
 * Each clause of revision `revision` with the translation that applies to it: the newest written
 * against a revision up to `revision`. It is stale when the clause no longer reads as it did when
 * translated (a change undone later makes it current again).
 */
export function translationEntries(
  revision: number,
  clauses: readonly CharterClause[],
  translations: readonly StoredTranslation[],
): ClauseTranslationEntryDto[] {
  const applicable = new Map<string, StoredTranslation>();
  for (const translation of translations) {
    if (translation.sourceRevision > revision) continue;
    const newest = applicable.get(translation.clauseId);
    if (newest === undefined || translation.sourceRevision > newest.sourceRevision) {
      applicable.set(translation.clauseId, translation);
    }
  }
  return clauses.map((clause) => {
    const translation = applicable.get(clause.id);
    const source = { heading: clause.heading, body: clause.body };
    if (translation === undefined) {
      return { clauseId: clause.id, status: 'missing', source, translation: null, sourceChanges: null };
    }
    const stale = translation.sourceHeading !== clause.heading || translation.sourceBody !== clause.body;
    return {
      clauseId: clause.id,
      status: stale ? 'stale' : 'current',
      source,
      translation: {
        heading: translation.heading,
        body: translation.body,
        sourceRevision: translation.sourceRevision,
        translator: { id: translation.translatorId, name: translation.translatorName },
        updatedAt: translation.updatedAt.toISOString(),
      },
      sourceChanges: stale
        ? {
            headingOps: diffText(translation.sourceHeading, clause.heading),
            ops: diffText(translation.sourceBody, clause.body),
          }
        : null,
    };
  });
}

/** The clauses as published in a language: translated where a translation exists, the source otherwise. */
export function publishedClauses(entries: readonly ClauseTranslationEntryDto[]): CharterClause[] {
  return entries.map((entry) => ({
    id: entry.clauseId,
    heading: entry.translation?.heading ?? entry.source.heading,
    body: entry.translation?.body ?? entry.source.body,
  }));
}

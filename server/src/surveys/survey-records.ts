import type { SurveyDefinition } from '@concord/shared';
import type { EntityManager } from 'typeorm';

/** Row-level access to surveys for the features that build on them inside their own transaction (demo). */
export interface PublishedVersionRecord {
  id: string;
  survey_id: string;
  version: number;
  definition: SurveyDefinition;
}

/** The published versions of the survey with this slug, oldest first (none when there is no such survey). */
export async function publishedVersionsOfSurvey(
  manager: EntityManager,
  slug: string,
): Promise<PublishedVersionRecord[]> {
  return manager.query<PublishedVersionRecord[]>(
    `SELECT v.id, v.survey_id, v.version, v.definition FROM survey_versions v JOIN surveys s ON s.id = v.survey_id
     WHERE s.slug = $1 AND v.status = 'published' ORDER BY v.version`,
    [slug],
  );
}

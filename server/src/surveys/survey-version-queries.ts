import type { SurveyDefinition, SurveyVersionStatus } from '@concord/shared';
import { type EntityManager, In } from 'typeorm';
import { Survey } from './entities/survey.entity';
import { SurveyVersion } from './entities/survey-version.entity';

/** Reads of surveys and their versions for the features that analyse responses to them. */

export interface SurveyVersionRecord {
  id: string;
  surveyId: string;
  version: number;
  status: SurveyVersionStatus;
  definition: SurveyDefinition;
}

export async function surveyExists(manager: EntityManager, surveyId: string): Promise<boolean> {
  return (await manager.findOneBy(Survey, { id: surveyId })) !== null;
}

/** The versions with these ids, in no particular order; ids of no version are left out. */
export async function surveyVersionsByIds(
  manager: EntityManager,
  versionIds: readonly string[],
): Promise<SurveyVersionRecord[]> {
  const versions = await manager.find(SurveyVersion, { where: { id: In([...versionIds]) } });
  return versions.map(({ id, surveyId, version, status, definition }) => ({
    id,
    surveyId,
    version,
    status,
    definition,
  }));
}

/** Every version of a survey, drafts included, oldest first. */
export async function versionsOfSurvey(
  manager: EntityManager,
  surveyId: string,
): Promise<Array<{ id: string; version: number; status: SurveyVersionStatus }>> {
  const versions = await manager.find(SurveyVersion, {
    select: { id: true, version: true, status: true },
    where: { surveyId },
    order: { version: 'ASC' },
  });
  return versions.map(({ id, version, status }) => ({ id, version, status }));
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SurveyDefinition, SurveyVersionStatus } from '@concord/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { surveyVersionsByIds, versionsOfSurvey } from '../surveys';
import { buildQuestionPlan, type QuestionPlan } from './question-plan';

export interface VersionPlan {
  versionId: string;
  surveyId: string;
  version: number;
  plan: QuestionPlan;
  definition: SurveyDefinition;
}

/**
 * Question plans per survey version. Responses only ever answer published versions, which are
 * frozen, so a plan never goes stale; drafts (tests, previews) are read fresh each time.
 */
@Injectable()
export class QuestionPlansService {
  private readonly cache = new Map<string, VersionPlan>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async plansFor(
    versionIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<VersionPlan[]> {
    const fresh = new Map<string, VersionPlan>();
    const missing = versionIds.filter((id) => !this.cache.has(id));
    if (missing.length > 0) {
      for (const version of await surveyVersionsByIds(manager, missing)) {
        const entry: VersionPlan = {
          versionId: version.id,
          surveyId: version.surveyId,
          version: version.version,
          plan: buildQuestionPlan(version.definition),
          definition: version.definition,
        };
        fresh.set(version.id, entry);
        if (version.status !== 'draft') this.cache.set(version.id, entry);
      }
    }
    return versionIds.flatMap((id) => {
      const entry = this.cache.get(id) ?? fresh.get(id);
      return entry === undefined ? [] : [entry];
    });
  }

  async surveyVersions(surveyId: string): Promise<Array<{ id: string; version: number; status: SurveyVersionStatus }>> {
    return versionsOfSurvey(this.dataSource.manager, surveyId);
  }
}

import type { DefinitionProblem } from './definition-check';
import type { SurveyDefinition } from './definition-types';
import type { TranslationReport } from './translations';

export type SurveyVersionStatus = 'draft' | 'published' | 'retired';

export interface SurveyDto {
  id: string;
  slug: string;
  title: string;
  createdAt: string;
  /** Highest version number, or null before the first version. */
  latestVersion: number | null;
  publishedVersions: number[];
}

export interface SurveyVersionSummaryDto {
  version: number;
  status: SurveyVersionStatus;
  definitionHash: string;
  changelog: string;
  createdAt: string;
  publishedAt: string | null;
}

export interface SurveyDetailDto extends SurveyDto {
  versions: SurveyVersionSummaryDto[];
}

export interface SurveyVersionDto extends SurveyVersionSummaryDto {
  surveyId: string;
  definition: SurveyDefinition;
  /** Locales, missing strings per locale, and translations left stale since the previous version. */
  translations: TranslationReport;
}

export interface CreatedSurveyVersionDto {
  version: number;
  status: SurveyVersionStatus;
  definitionHash: string;
}

export interface InvalidDefinitionDetails {
  details: DefinitionProblem[];
}

// The surveys feature's public surface: other features import from here only.
export { SurveysModule } from './surveys.module';
export { SurveysService } from './surveys.service';
export { CHARTER_REVIEW_SLUG } from './seed/charter-review-v1';
export { type PublishedVersionRecord, publishedVersionsOfSurvey } from './survey-records';
export {
  surveyExists,
  type SurveyVersionRecord,
  surveyVersionsByIds,
  versionsOfSurvey,
} from './survey-version-queries';

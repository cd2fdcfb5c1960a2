export * from './definition-types';
export {
  definitionPages,
  listQuestions,
  walkElements,
  type ChoiceDescriptor,
  type ElementVisit,
  type QuestionDescriptor,
} from './definition-model';
export { checkDefinition, type DefinitionProblem } from './definition-check';
export {
  compileValidator,
  validateAnswers,
  withComputedAnswers,
  type AnswerMode,
  type AnswerProblem,
  type CompiledSurvey,
} from './answer-validator';
export {
  diffVersions,
  type ChoiceRelabel,
  type QuestionChange,
  type QuestionLocation,
  type VersionDiff,
} from './version-diff';
export {
  analyzeTranslations,
  collectStrings,
  staleTranslations,
  type TranslationReport,
  type TranslatableString,
} from './translations';
export {
  importTranslations,
  setTranslation,
  sortForTranslators,
  translationRows,
  type StaleSource,
  type TranslationFileEntry,
  type TranslationImport,
  type TranslationRow,
  type TranslationStatus,
} from './translation-table';
export {
  CONDITION_PROPERTIES,
  questionSnapshot,
  withSnapshots,
  type ChoiceSnapshot,
  type ConditionProperty,
  type DetailedQuestionChange,
  type DetailedVersionDiff,
  type LocalizedTexts,
  type QuestionSnapshot,
} from './question-snapshots';
export * from './survey-api-types';

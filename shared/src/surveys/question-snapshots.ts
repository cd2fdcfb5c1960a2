import { isQuestionElement, walkElements } from './definition-model';
import { choiceValue, type ElementJson, isRecord, type SurveyDefinition } from './definition-types';
import type { QuestionChange, VersionDiff } from './version-diff';

/** Text per locale; the survey's own language is under `default`. */
export type LocalizedTexts = Record<string, string>;

export interface ChoiceSnapshot {
  value: unknown;
  text: LocalizedTexts;
}

export const CONDITION_PROPERTIES = ['visibleIf', 'enableIf', 'requiredIf'] as const;
export type ConditionProperty = (typeof CONDITION_PROPERTIES)[number];

/** A question as a reader of a diff needs it: its wording in every locale, its choices and its conditions. */
export interface QuestionSnapshot {
  type: string;
  title: LocalizedTexts;
  description: LocalizedTexts;
  choices: ChoiceSnapshot[];
  rows: ChoiceSnapshot[];
  columns: ChoiceSnapshot[];
  isRequired: boolean;
  conditions: Partial<Record<ConditionProperty, string>>;
}

export interface DetailedQuestionChange extends QuestionChange {
  before?: QuestionSnapshot;
  after?: QuestionSnapshot;
}

export interface DetailedVersionDiff {
  changes: DetailedQuestionChange[];
}

function localized(value: unknown): LocalizedTexts {
  if (typeof value === 'string') return value === '' ? {} : { default: value };
  if (!isRecord(value)) return {};
  const texts: LocalizedTexts = {};
  for (const [locale, text] of Object.entries(value)) if (typeof text === 'string' && text !== '') texts[locale] = text;
  return texts;
}

function items(list: unknown): ChoiceSnapshot[] {
  if (!Array.isArray(list)) return [];
  return (list as unknown[]).map((item) => {
    if (!isRecord(item)) return { value: item, text: {} };
    const value = typeof item.name === 'string' ? item.name : choiceValue(item);
    return { value, text: localized(item.title ?? item.text) };
  });
}

export function questionSnapshot(element: ElementJson): QuestionSnapshot {
  const conditions: Partial<Record<ConditionProperty, string>> = {};
  for (const property of CONDITION_PROPERTIES) {
    const expression = element[property];
    if (typeof expression === 'string' && expression.trim() !== '') conditions[property] = expression;
  }
  return {
    type: element.type,
    title: localized(element.title),
    description: localized(element.description),
    choices: items(element.choices),
    rows: items(element.rows),
    columns: items(element.columns),
    isRequired: element.isRequired === true,
    conditions,
  };
}

function questionsByName(definition: SurveyDefinition): Map<string, ElementJson> {
  const questions = new Map<string, ElementJson>();
  for (const { element } of walkElements(definition)) {
    if (isQuestionElement(element) && !questions.has(element.name)) questions.set(element.name, element);
  }
  return questions;
}

/** The diff with each question's state before and after, so its wording can be shown side by side. */
export function withSnapshots(
  diff: VersionDiff,
  before: SurveyDefinition,
  after: SurveyDefinition,
): DetailedVersionDiff {
  const oldQuestions = questionsByName(before);
  const newQuestions = questionsByName(after);
  return {
    changes: diff.changes.map((change) => {
      const detailed: DetailedQuestionChange = { ...change };
      const old = oldQuestions.get(change.question);
      const current = newQuestions.get(change.question);
      if (old !== undefined && change.kind !== 'added') detailed.before = questionSnapshot(old);
      if (current !== undefined && change.kind !== 'removed') detailed.after = questionSnapshot(current);
      return detailed;
    }),
  };
}

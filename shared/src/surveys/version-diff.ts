import { type ElementVisit, isQuestionElement, walkElements } from './definition-model';
import {
  canonicalJson,
  choiceValue,
  choiceText,
  type ElementJson,
  isRecord,
  type SurveyDefinition,
} from './definition-types';
import { staleTranslations } from './translations';

export interface QuestionLocation {
  page: string;
  panel?: string;
}

export interface ChoiceRelabel {
  value: unknown;
  from: string;
  to: string;
}

export interface QuestionChange {
  question: string;
  kind: 'added' | 'removed' | 'changed';
  fields?: string[];
  choicesAdded?: unknown[];
  choicesRemoved?: unknown[];
  choicesRelabelled?: ChoiceRelabel[];
  movedFrom?: QuestionLocation;
  movedTo?: QuestionLocation;
  /** `<field>.<locale>` strings whose default text changed while this translation did not. */
  staleTranslations?: string[];
}

export interface VersionDiff {
  changes: QuestionChange[];
}

const LOCALIZED_FIELDS = ['title', 'description'] as const;
const CONDITION_FIELDS = ['isRequired', 'visibleIf', 'enableIf', 'requiredIf', 'validators'] as const;
/** Compared specially above, or (nested questions) diffed as questions of their own. */
const SPECIAL_FIELDS = new Set<string>([
  'name',
  'type',
  ...LOCALIZED_FIELDS,
  ...CONDITION_FIELDS,
  'choices',
  'rows',
  'columns',
  'elements',
  'templateElements',
]);

function localized(value: unknown): Record<string, string> {
  if (typeof value === 'string') return { default: value };
  if (!isRecord(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

function location(visit: ElementVisit): QuestionLocation {
  return visit.panel === undefined ? { page: visit.page } : { page: visit.page, panel: visit.panel };
}

function questionsOf(definition: SurveyDefinition): Map<string, ElementVisit> {
  const questions = new Map<string, ElementVisit>();
  for (const visit of walkElements(definition)) {
    if (isQuestionElement(visit.element) && !questions.has(visit.element.name))
      questions.set(visit.element.name, visit);
  }
  return questions;
}

function itemKey(item: unknown): string {
  return canonicalJson(choiceValue(item));
}

function compareChoices(before: unknown, after: unknown, change: QuestionChange): boolean {
  const oldItems = Array.isArray(before) ? (before as unknown[]) : [];
  const newItems = Array.isArray(after) ? (after as unknown[]) : [];
  const oldByKey = new Map(oldItems.map((item) => [itemKey(item), item]));
  const newKeys = new Set(newItems.map(itemKey));
  const added = newItems.filter((item) => !oldByKey.has(itemKey(item))).map(choiceValue);
  const removed = oldItems.filter((item) => !newKeys.has(itemKey(item))).map(choiceValue);
  const relabelled: ChoiceRelabel[] = [];
  for (const item of newItems) {
    const old = oldByKey.get(itemKey(item));
    if (old === undefined) continue;
    const from = choiceText(old);
    const to = choiceText(item);
    if (from !== to) relabelled.push({ value: choiceValue(item), from, to });
  }
  if (added.length > 0) change.choicesAdded = added;
  if (removed.length > 0) change.choicesRemoved = removed;
  if (relabelled.length > 0) change.choicesRelabelled = relabelled;
  return canonicalJson(before ?? []) !== canonicalJson(after ?? []);
}

function compareQuestion(before: ElementVisit, after: ElementVisit): QuestionChange {
  const oldElement: ElementJson = before.element;
  const newElement: ElementJson = after.element;
  const change: QuestionChange = { question: newElement.name, kind: 'changed' };
  const fields: string[] = [];
  if (oldElement.type !== newElement.type) fields.push('type');
  for (const field of LOCALIZED_FIELDS) {
    const oldTexts = localized(oldElement[field]);
    const newTexts = localized(newElement[field]);
    const locales = [...new Set([...Object.keys(oldTexts), ...Object.keys(newTexts)])].sort((a, b) =>
      a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b),
    );
    for (const locale of locales) if (oldTexts[locale] !== newTexts[locale]) fields.push(`${field}.${locale}`);
  }
  for (const field of CONDITION_FIELDS) {
    const normalize = (value: unknown): unknown => (field === 'isRequired' ? value === true : (value ?? null));
    if (canonicalJson(normalize(oldElement[field])) !== canonicalJson(normalize(newElement[field]))) fields.push(field);
  }
  if (compareChoices(oldElement.choices, newElement.choices, change)) fields.push('choices');
  for (const field of ['rows', 'columns'] as const) {
    if (canonicalJson(oldElement[field] ?? []) !== canonicalJson(newElement[field] ?? [])) fields.push(field);
  }
  const from = location(before);
  const to = location(after);
  if (from.page !== to.page) fields.push('page');
  if (from.panel !== to.panel) fields.push('panel');
  if (from.page !== to.page || from.panel !== to.panel) {
    change.movedFrom = from;
    change.movedTo = to;
  }
  const others = [...new Set([...Object.keys(oldElement), ...Object.keys(newElement)])]
    .filter((key) => !SPECIAL_FIELDS.has(key))
    .sort();
  for (const key of others)
    if (canonicalJson(oldElement[key] ?? null) !== canonicalJson(newElement[key] ?? null)) fields.push(key);
  change.fields = fields;
  return change;
}

/** What changed between two versions, question by question, in the order of the newer version. */
export function diffVersions(before: SurveyDefinition, after: SurveyDefinition): VersionDiff {
  const oldQuestions = questionsOf(before);
  const newQuestions = questionsOf(after);
  const stale = staleTranslations(before, after);
  const staleByQuestion = new Map<string, string[]>();
  for (const [locale, keys] of Object.entries(stale)) {
    for (const key of keys) {
      const [name = '', ...field] = key.split('.');
      const list = staleByQuestion.get(name) ?? [];
      list.push(`${field.join('.')}.${locale}`);
      staleByQuestion.set(name, list);
    }
  }
  const changes: QuestionChange[] = [];
  for (const [name, visit] of newQuestions) {
    const old = oldQuestions.get(name);
    if (old === undefined) {
      changes.push({ question: name, kind: 'added' });
      continue;
    }
    const change = compareQuestion(old, visit);
    const staleFields = staleByQuestion.get(name);
    if (staleFields !== undefined) change.staleTranslations = staleFields.sort();
    if ((change.fields ?? []).length > 0 || staleFields !== undefined) changes.push(change);
  }
  for (const name of oldQuestions.keys())
    if (!newQuestions.has(name)) changes.push({ question: name, kind: 'removed' });
  return { changes };
}

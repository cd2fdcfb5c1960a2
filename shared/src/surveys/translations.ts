import { definitionPages, pageName, walkElements } from './definition-model';
import { choiceValue, isRecord, type SurveyDefinition } from './definition-types';

/** Element properties that hold text a respondent reads. */
export const TEXT_FIELDS = [
  'title',
  'description',
  'html',
  'placeholder',
  'otherText',
  'noneText',
  'commentText',
  'minRateDescription',
  'maxRateDescription',
  'labelTrue',
  'labelFalse',
  'templateTitle',
  'completedHtml',
] as const;
/** Element properties that hold lists of items with translatable text. */
export const ITEM_LISTS = ['choices', 'rows', 'columns', 'items'] as const;

/** One item of an element's item lists, with the id its translation key names it by (name, else choice value). */
export interface ListItem {
  list: (typeof ITEM_LISTS)[number];
  id: string;
  item: Record<string, unknown>;
}

/** The items of every item list of an element (choices, rows, columns, items), in document order. */
export function* listItemsOf(owner: Record<string, unknown>): Generator<ListItem> {
  for (const list of ITEM_LISTS) {
    const items = owner[list];
    if (!Array.isArray(items)) continue;
    for (const item of items as unknown[]) {
      if (isRecord(item)) yield { list, id: String(item.name ?? choiceValue(item)), item };
    }
  }
}

/** One translatable string: `q1.title`, `q1.choices.yes`, `survey.title`, `page:intro.title`. */
export interface TranslatableString {
  key: string;
  /** The question or panel it belongs to, if any. */
  element?: string;
  /** Its field within that element: `title`, `choices.yes`. */
  field: string;
  texts: Record<string, string>;
}

export interface TranslationReport {
  defaultLocale: string;
  /** The default locale first, then every other locale used anywhere, sorted. */
  locales: string[];
  /** Per translated locale, the strings that have default text but no translation. */
  missing: Record<string, string[]>;
  /** Per locale, strings whose default text changed since the previous version while the translation did not. */
  stale: Record<string, string[]>;
}

function texts(value: unknown): Record<string, string> | undefined {
  if (typeof value === 'string') return value === '' ? undefined : { default: value };
  if (!isRecord(value)) return undefined;
  const result: Record<string, string> = {};
  for (const [locale, text] of Object.entries(value))
    if (typeof text === 'string' && text !== '') result[locale] = text;
  return Object.keys(result).length === 0 ? undefined : result;
}

function collectFrom(
  owner: Record<string, unknown>,
  prefix: string,
  element: string | undefined,
  into: TranslatableString[],
): void {
  const add = (field: string, value: unknown): void => {
    const found = texts(value);
    if (found !== undefined)
      into.push({ key: `${prefix}.${field}`, field, texts: found, ...(element === undefined ? {} : { element }) });
  };
  for (const field of TEXT_FIELDS) add(field, owner[field]);
  for (const { list, id, item } of listItemsOf(owner)) add(`${list}.${id}`, item.title ?? item.text);
  if (Array.isArray(owner.validators)) {
    (owner.validators as unknown[]).forEach((validator, index) => {
      if (isRecord(validator)) add(`validators[${index}]`, validator.text);
    });
  }
}

/** Every translatable string of a definition, keyed stably across versions. */
export function collectStrings(definition: SurveyDefinition): TranslatableString[] {
  const strings: TranslatableString[] = [];
  collectFrom(definition, 'survey', undefined, strings);
  definitionPages(definition).forEach(({ page }, index) =>
    collectFrom(page, `page:${pageName(page, index)}`, undefined, strings),
  );
  for (const { element } of walkElements(definition)) {
    if (typeof element.name === 'string') collectFrom(element, element.name, element.name, strings);
  }
  return strings;
}

export function defaultLocaleOf(definition: SurveyDefinition): string {
  return typeof definition.locale === 'string' && definition.locale !== '' ? definition.locale : 'en';
}

/** The default-locale text; the survey's own locale may be written as `default` or under its code. */
function defaultOf(entry: Record<string, string>, defaultLocale: string): string | undefined {
  return entry.default ?? entry[defaultLocale];
}

/** Locales, missing strings per locale and (given the previous version) stale translations. */
export function analyzeTranslations(definition: SurveyDefinition, previous?: SurveyDefinition): TranslationReport {
  const defaultLocale = defaultLocaleOf(definition);
  const strings = collectStrings(definition);
  const others = new Set<string>();
  for (const entry of strings)
    for (const locale of Object.keys(entry.texts))
      if (locale !== 'default' && locale !== defaultLocale) others.add(locale);
  const locales = [...others].sort();
  const missing: Record<string, string[]> = {};
  for (const locale of locales) {
    missing[locale] = strings
      .filter((entry) => defaultOf(entry.texts, defaultLocale) !== undefined && entry.texts[locale] === undefined)
      .map((entry) => entry.key);
  }
  return {
    defaultLocale,
    locales: [defaultLocale, ...locales],
    missing,
    stale: previous === undefined ? {} : staleTranslations(previous, definition),
  };
}

/** Per locale, keys whose default text changed from `before` to `after` while that locale's text stayed. */
export function staleTranslations(before: SurveyDefinition, after: SurveyDefinition): Record<string, string[]> {
  const beforeLocale = defaultLocaleOf(before);
  const afterLocale = defaultLocaleOf(after);
  const previous = new Map(collectStrings(before).map((entry) => [entry.key, entry.texts]));
  const stale: Record<string, string[]> = {};
  for (const entry of collectStrings(after)) {
    const old = previous.get(entry.key);
    if (old === undefined || defaultOf(old, beforeLocale) === defaultOf(entry.texts, afterLocale)) continue;
    for (const [locale, text] of Object.entries(entry.texts)) {
      if (locale === 'default' || locale === afterLocale) continue;
      if (old[locale] === text) (stale[locale] ??= []).push(entry.key);
    }
  }
  return stale;
}

import { definitionPages, pageName, walkElements } from './definition-model';
import { isRecord, type SurveyDefinition } from './definition-types';
import { analyzeTranslations, defaultLocaleOf, listItemsOf, TEXT_FIELDS } from './translations';

/**
 * Translatable strings addressed by the stable keys of `collectStrings` (`q1.title`,
 * `q1.choices.yes`, `page:intro.title`, `survey.title`), so that a table or a file sent to outside
 * translators can be read back into the definition it came from.
 */

export type TranslationStatus = 'missing' | 'stale' | 'done';

export interface TranslationRow {
  key: string;
  /** The text in the survey's own language. */
  source: string;
  /** '' while missing. */
  translation: string;
  status: TranslationStatus;
}

/** Where one string lives: the object holding it and the property name. */
interface StringSlot {
  key: string;
  owner: Record<string, unknown>;
  property: string;
}

function slotsOf(owner: Record<string, unknown>, prefix: string, into: StringSlot[]): void {
  for (const field of TEXT_FIELDS) into.push({ key: `${prefix}.${field}`, owner, property: field });
  for (const { list, id, item } of listItemsOf(owner)) {
    // Matrix columns and multiple-text items carry a title; choices and rows a text.
    const property = 'title' in item || (typeof item.name === 'string' && !('text' in item)) ? 'title' : 'text';
    into.push({ key: `${prefix}.${list}.${id}`, owner: item, property });
  }
  if (Array.isArray(owner.validators)) {
    (owner.validators as unknown[]).forEach((validator, index) => {
      if (isRecord(validator)) into.push({ key: `${prefix}.validators[${index}]`, owner: validator, property: 'text' });
    });
  }
}

/** Every place a translatable string can be, including the empty ones, in document order. */
function stringSlots(definition: SurveyDefinition): StringSlot[] {
  const slots: StringSlot[] = [];
  slotsOf(definition, 'survey', slots);
  definitionPages(definition).forEach(({ page }, index) => slotsOf(page, `page:${pageName(page, index)}`, slots));
  for (const { element } of walkElements(definition)) {
    if (typeof element.name === 'string') slotsOf(element, element.name, slots);
  }
  return slots;
}

function textsOf(value: unknown): Record<string, string> {
  if (typeof value === 'string') return value === '' ? {} : { default: value };
  if (!isRecord(value)) return {};
  const texts: Record<string, string> = {};
  for (const [locale, text] of Object.entries(value)) if (typeof text === 'string' && text !== '') texts[locale] = text;
  return texts;
}

function sourceOf(texts: Record<string, string>, defaultLocale: string): string | undefined {
  return texts.default ?? texts[defaultLocale];
}

/**
 * One row per string that has source text, in document order: its source, its translation into
 * `locale` and whether that is missing, stale (the source changed since `previous` while the
 * translation did not) or done.
 */
export function translationRows(
  definition: SurveyDefinition,
  locale: string,
  previous?: SurveyDefinition,
): TranslationRow[] {
  const defaultLocale = defaultLocaleOf(definition);
  const stale = new Set(analyzeTranslations(definition, previous).stale[locale] ?? []);
  const rows: TranslationRow[] = [];
  const seen = new Set<string>();
  for (const slot of stringSlots(definition)) {
    const texts = textsOf(slot.owner[slot.property]);
    const source = sourceOf(texts, defaultLocale);
    if (source === undefined || seen.has(slot.key)) continue;
    seen.add(slot.key);
    const translation = texts[locale] ?? '';
    rows.push({
      key: slot.key,
      source,
      translation,
      status: translation === '' ? 'missing' : stale.has(slot.key) ? 'stale' : 'done',
    });
  }
  return rows;
}

const STATUS_ORDER: Record<TranslationStatus, number> = { missing: 0, stale: 1, done: 2 };

/** Missing strings first, then stale ones, then the rest, each group in document order. */
export function sortForTranslators(rows: readonly TranslationRow[]): TranslationRow[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => STATUS_ORDER[a.row.status] - STATUS_ORDER[b.row.status] || a.index - b.index)
    .map(({ row }) => row);
}

/**
 * A copy of the definition with the translation of one key set (or removed, for ''). A plain-string
 * source becomes `{default, <locale>}`. Returns null when no string has that key.
 */
export function setTranslation(
  definition: SurveyDefinition,
  key: string,
  locale: string,
  text: string,
): SurveyDefinition | null {
  // Definitions are plain JSON, so a JSON round trip copies them exactly.
  const copy = JSON.parse(JSON.stringify(definition)) as SurveyDefinition;
  const defaultLocale = defaultLocaleOf(copy);
  const slot = stringSlots(copy).find(
    (candidate) =>
      candidate.key === key && sourceOf(textsOf(candidate.owner[candidate.property]), defaultLocale) !== undefined,
  );
  if (slot === undefined) return null;
  const current = slot.owner[slot.property];
  const texts: Record<string, unknown> = isRecord(current) ? { ...current } : { default: current };
  if (text === '') delete texts[locale];
  else texts[locale] = text;
  slot.owner[slot.property] = texts;
  return copy;
}

export interface TranslationFileEntry {
  key: string;
  /** The source text as it was when the file was exported. */
  source: string;
  translation: string;
}

export interface StaleSource {
  key: string;
  /** The source in the file. */
  exported: string;
  /** The source in the definition now. */
  current: string;
}

export interface TranslationImport {
  definition: SurveyDefinition;
  /** Strings whose translation changed. */
  updated: number;
  /** Keys in the file that the definition does not have. */
  unknownKeys: string[];
  /** Strings whose source changed since the export: their translation is not taken, as it translates older text. */
  staleSources: StaleSource[];
}

/** Reads translated entries back into a definition; empty translations leave the string as it is. */
export function importTranslations(
  definition: SurveyDefinition,
  locale: string,
  entries: readonly TranslationFileEntry[],
): TranslationImport {
  const rows = new Map(translationRows(definition, locale).map((row) => [row.key, row]));
  let result = definition;
  let updated = 0;
  const unknownKeys: string[] = [];
  const staleSources: StaleSource[] = [];
  for (const entry of entries) {
    const row = rows.get(entry.key);
    if (row === undefined) {
      unknownKeys.push(entry.key);
      continue;
    }
    if (entry.source !== row.source) {
      staleSources.push({ key: entry.key, exported: entry.source, current: row.source });
      continue;
    }
    if (entry.translation === '' || entry.translation === row.translation) continue;
    const next = setTranslation(result, entry.key, locale, entry.translation);
    if (next === null) continue;
    result = next;
    updated += 1;
  }
  return { definition: result, updated, unknownKeys, staleSources };
}

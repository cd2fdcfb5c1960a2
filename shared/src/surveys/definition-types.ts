/**
 * The parts of a SurveyJS JSON definition that Concord reads. Definitions are stored as sent,
 * so every property is optional and every read must tolerate a wrong shape.
 */

/** A SurveyJS localizable string: plain text, or text per locale with `default` for the survey's own locale. */
export type LocalizableString = string | Record<string, string>;

export interface ChoiceJson {
  value: unknown;
  text?: LocalizableString;
  [key: string]: unknown;
}

/** A choice as written: a bare value or `{value, text}`. */
export type ChoiceItem = string | number | boolean | ChoiceJson;

export interface ValidatorJson {
  type: string;
  text?: LocalizableString;
  [key: string]: unknown;
}

/** A column of matrixdropdown/matrixdynamic: a question-like object whose `cellType` is its type. */
export interface MatrixColumnJson {
  name: string;
  cellType?: string;
  title?: LocalizableString;
  [key: string]: unknown;
}

export interface ElementJson {
  type: string;
  name: string;
  title?: LocalizableString;
  description?: LocalizableString;
  elements?: ElementJson[];
  templateElements?: ElementJson[];
  choices?: ChoiceItem[];
  rows?: ChoiceItem[];
  columns?: Array<ChoiceItem | MatrixColumnJson>;
  validators?: ValidatorJson[];
  visibleIf?: string;
  enableIf?: string;
  requiredIf?: string;
  isRequired?: boolean;
  [key: string]: unknown;
}

export interface PageJson {
  name?: string;
  title?: LocalizableString;
  description?: LocalizableString;
  elements?: ElementJson[];
  visibleIf?: string;
  [key: string]: unknown;
}

export interface SurveyDefinition {
  title?: LocalizableString;
  description?: LocalizableString;
  locale?: string;
  pages?: PageJson[];
  elements?: ElementJson[];
  completedHtml?: LocalizableString;
  [key: string]: unknown;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The text of a localizable string in the survey's default locale. */
export function defaultText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (!isRecord(value)) return undefined;
  const text = value.default ?? value.en ?? Object.values(value)[0];
  return typeof text === 'string' ? text : undefined;
}

/** The value of a choice (SurveyJS accepts bare values or `{value, text}`). */
export function choiceValue(choice: unknown): unknown {
  return isRecord(choice) ? choice.value : choice;
}

/** A choice's default-locale label; SurveyJS shows the value when there is no text. */
export function choiceText(choice: unknown): string {
  if (isRecord(choice)) return defaultText(choice.text) ?? String(choice.value);
  return String(choice);
}

/** JSON with sorted object keys, so equal values always serialise equally (hashes, comparisons). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

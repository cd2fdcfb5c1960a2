import type { CellValue, ExportColumn } from './export-columns';
import type { LabelledValue } from './question-plan';
import {
  SPSS_MAX_STRING_WIDTH,
  type SpssMeasure,
  spssDateTime,
  type SpssValue,
  type SpssValueLabel,
  type SpssVariable,
  spssVariableNames,
  utf8Prefix,
} from './spss-writer';

/** Choices SurveyJS adds for "refuse to answer" and "don't know": SPSS users expect them as missing values. */
const MISSING_CHOICES = new Set(['refused', 'dontknow']);
const MAX_DECIMALS = 6;

/**
 * What a first pass over the rows learns before the dictionary can be written: the widest text
 * (in UTF-8 bytes) and the most decimals of each column.
 */
export class SpssColumnStats {
  readonly widths: number[];
  readonly decimals: number[];

  constructor(columnCount: number) {
    this.widths = Array<number>(columnCount).fill(0);
    this.decimals = Array<number>(columnCount).fill(0);
  }

  observe(row: readonly CellValue[]): void {
    row.forEach((value, index) => {
      if (value === null || value instanceof Date) return;
      const text = String(value);
      this.widths[index] = Math.max(this.widths[index] ?? 0, Buffer.byteLength(text));
      if (typeof value === 'number') this.decimals[index] = Math.max(this.decimals[index] ?? 0, decimalsOf(value));
    });
  }
}

function decimalsOf(value: number): number {
  const text = String(value);
  if (text.includes('e')) return MAX_DECIMALS;
  const point = text.indexOf('.');
  return point === -1 ? 0 : Math.min(text.length - point - 1, MAX_DECIMALS);
}

function isNumeric(text: string): boolean {
  return text.trim() !== '' && Number.isFinite(Number(text));
}

/**
 * Numeric codes of a column's choices: the values themselves when they are all distinct numbers
 * (ratings keep 1–5), else 1, 2, 3, … in the order the questionnaire lists them.
 */
export function choiceCodes(choices: readonly LabelledValue[]): Map<string, number> {
  const numbers = choices.map((choice) => Number(choice.value));
  const usable = choices.every((choice) => isNumeric(choice.value)) && new Set(numbers).size === numbers.length;
  return new Map(choices.map((choice, index) => [choice.value, usable ? (numbers[index] ?? 0) : index + 1]));
}

function labelIn(choice: LabelledValue, locale: string | null): string {
  if (locale === null) return choice.label;
  return choice.texts?.[locale] ?? choice.texts?.default ?? choice.label;
}

function measureOf(column: ExportColumn, codes: Map<string, number> | null): SpssMeasure {
  if (column.holds === 'rank') return 'ordinal';
  if (column.valueType === 'number' || column.valueType === 'date') return 'scale';
  // Ratings and other numeric scales keep their order; named choices do not have one.
  if (
    codes !== null &&
    column.holds !== 'selected' &&
    column.holds !== 'theme' &&
    column.choices.every((choice) => isNumeric(choice.value))
  )
    return 'ordinal';
  return 'nominal';
}

export interface SpssExportPlan {
  variables: SpssVariable[];
  /** One export row (raw values, no labels) as an SPSS case. */
  toCase(row: readonly CellValue[]): SpssValue[];
}

/**
 * The SPSS dictionary of a response export: a variable per export column, named after its key,
 * labelled with its title; choices become numeric codes with value labels (in `locale` when given),
 * "refused" and "don't know" are declared missing; numbers and dates stay numeric, text is a
 * string as wide as the widest answer.
 */
export function spssExportPlan(
  columns: readonly ExportColumn[],
  stats: SpssColumnStats,
  locale: string | null,
): SpssExportPlan {
  const names = spssVariableNames(columns.map((column) => column.key));
  const codings = columns.map((column) => (column.valueType === 'choice' ? choiceCodes(column.choices) : null));
  const variables = columns.map((column, index): SpssVariable => {
    const name = names[index] ?? '';
    const codes = codings[index] ?? null;
    if (column.valueType === 'text') {
      const width = Math.min(Math.max(stats.widths[index] ?? 0, 1), SPSS_MAX_STRING_WIDTH);
      return { kind: 'string', name, label: column.title, width };
    }
    const valueLabels: SpssValueLabel[] =
      codes === null
        ? []
        : column.choices.map((choice) => ({ value: codes.get(choice.value) ?? 0, label: labelIn(choice, locale) }));
    const missingValues =
      codes === null
        ? []
        : column.choices
            .filter((choice) => MISSING_CHOICES.has(choice.value))
            .map((choice) => codes.get(choice.value) ?? 0)
            .slice(0, 3);
    return {
      kind: 'numeric',
      name,
      label: column.title,
      measure: measureOf(column, codes),
      format: column.valueType === 'date' ? 'DATETIME' : 'F',
      decimals: codes === null && column.valueType === 'number' ? (stats.decimals[index] ?? 0) : 0,
      valueLabels,
      missingValues,
    };
  });
  return {
    variables,
    toCase: (row) =>
      variables.map((variable, index) => {
        const value = row[index] ?? null;
        if (value === null) return null;
        if (variable.kind === 'string')
          return utf8Prefix(value instanceof Date ? value.toISOString() : String(value), variable.width).toString();
        if (value instanceof Date) return spssDateTime(value);
        const codes = codings[index] ?? null;
        // A value the questionnaire no longer lists has no code: it reads as system-missing.
        if (codes !== null) return codes.get(String(value)) ?? null;
        return typeof value === 'number' ? value : isNumeric(value) ? Number(value) : null;
      }),
  };
}

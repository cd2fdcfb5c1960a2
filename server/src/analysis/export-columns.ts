import { isRecord } from '@concord/shared';
import type { LabelledValue, TallyQuestion } from './question-plan';

/** One column of the response export, described once in the codebook. */
export interface ExportColumn {
  key: string;
  question: string;
  title: string;
  type: string;
  /** What a cell holds. */
  holds: 'meta' | 'answer' | 'selected' | 'other_text' | 'rank' | 'row_answer' | 'cell' | 'panel_values' | 'theme';
  choice?: string;
  row?: string;
  col?: string;
  /** The values a cell can take, with their labels. */
  choices: LabelledValue[];
  /** What kind of value a cell holds: one of `choices`, a number, a date or free text. */
  valueType: ExportValueType;
  versions: number[];
  /**
   * A column another feature derives from the responses (see export-extensions.ts): which
   * registered set (filled in by the export) and the column's id within it. Its cells come from
   * that set, not from the response data.
   */
  derived?: { set: number; id: string };
}

export type ExportValueType = 'choice' | 'number' | 'date' | 'text';

/** The response's own fields, before the answers. */
export interface ResponseMeta {
  id: string;
  network: string;
  country: string | null;
  role: string | null;
  language: string | null;
  version: number;
  status: string;
  completedAt: Date | null;
}

export type CellValue = string | number | Date | null;

/**
 * The response's own columns, all prefixed `response_` so that none shares a name with a question
 * (questionnaires often ask for a `country` or a `network` themselves).
 */
const META: ReadonlyArray<[keyof ResponseMeta, string, string, ExportValueType]> = [
  ['id', 'response_id', 'Response id', 'text'],
  ['network', 'response_network', 'Regional network (code)', 'text'],
  ['country', 'response_country', 'Country', 'text'],
  ['role', 'response_role', 'Role in the network', 'text'],
  ['language', 'response_language', 'Language answered in', 'text'],
  ['version', 'response_version', 'Questionnaire version', 'number'],
  ['status', 'response_status', 'Status (complete or partial)', 'text'],
  ['completedAt', 'response_completed_at', 'Completed at (UTC)', 'date'],
];

/** How a question's answers (or a matrix column's cells) read: choices, numbers or text. */
function answerType(kind: string, choices: readonly LabelledValue[]): ExportValueType {
  if (kind === 'multi' || kind === 'text') return 'text';
  if (choices.length > 0) return 'choice';
  return kind === 'numeric' ? 'number' : 'text';
}

/**
 * Makes every column key unique: the first column keeps its key, a later one that repeats a key
 * (ignoring case, as SPSS and many spreadsheet tools do) gets `_2`, `_3`, …
 */
export function uniqueColumnKeys(columns: ExportColumn[]): ExportColumn[] {
  const taken = new Set<string>();
  return columns.map((column) => {
    let key = column.key;
    for (let n = 2; taken.has(key.toLowerCase()); n += 1) key = `${column.key}_${n}`;
    taken.add(key.toLowerCase());
    return key === column.key ? column : { ...column, key };
  });
}

/** Columns for the questions: a column per choice (multiple choice), per item (ranking), per row (matrices). */
export function exportColumns(questions: readonly TallyQuestion[], versions: number[]): ExportColumn[] {
  const columns: ExportColumn[] = META.map(([, key, title, valueType]) => ({
    key,
    question: '',
    title,
    type: 'meta',
    holds: 'meta',
    choices: [],
    valueType,
    versions,
  }));
  for (const q of questions) {
    const base = { question: q.name, type: q.type, versions };
    if (q.panel !== undefined) {
      columns.push({
        ...base,
        key: q.name,
        title: q.title,
        holds: 'panel_values',
        choices: q.choices,
        valueType: 'text',
      });
      continue;
    }
    switch (q.kind) {
      case 'multi':
        for (const choice of q.choices) {
          columns.push({
            ...base,
            key: `${q.name}/${choice.value}`,
            title: `${q.title}: ${choice.label}`,
            holds: 'selected',
            choice: choice.value,
            choices: [
              { value: '1', label: 'selected' },
              { value: '0', label: 'not selected' },
            ],
            valueType: 'choice',
          });
        }
        break;
      case 'ranking':
        for (const choice of q.choices) {
          columns.push({
            ...base,
            key: `${q.name}/${choice.value}`,
            title: `${q.title}: ${choice.label} (rank)`,
            holds: 'rank',
            choice: choice.value,
            choices: [],
            valueType: 'number',
          });
        }
        break;
      case 'matrix':
        for (const row of q.rows) {
          columns.push({
            ...base,
            key: `${q.name}/${row.value}`,
            title: `${q.title}: ${row.label}`,
            holds: 'row_answer',
            row: row.value,
            choices: q.choices,
            valueType: 'choice',
          });
        }
        break;
      case 'matrixcells': {
        const rows = q.type === 'matrixdynamic' ? [{ value: '', label: '' }] : q.rows;
        for (const row of rows) {
          for (const col of q.columns) {
            const key = row.value === '' ? `${q.name}/${col.value}` : `${q.name}/${row.value}/${col.value}`;
            const title = row.value === '' ? `${q.title}: ${col.label}` : `${q.title}: ${row.label}: ${col.label}`;
            columns.push({
              ...base,
              key,
              title,
              holds: q.type === 'matrixdynamic' ? 'panel_values' : 'cell',
              row: row.value,
              col: col.value,
              choices: col.choices,
              // A dynamic matrix joins its rows' values into one text cell.
              valueType: q.type === 'matrixdynamic' ? 'text' : answerType(col.kind, col.choices),
            });
          }
        }
        break;
      }
      case 'choice':
      case 'numeric':
      case 'text':
        columns.push({
          ...base,
          key: q.name,
          title: q.title,
          holds: 'answer',
          choices: q.choices,
          valueType: answerType(q.kind, q.choices),
        });
        break;
    }
    if (q.hasOther)
      columns.push({
        ...base,
        key: `${q.name}/other_text`,
        title: `${q.title}: other (text)`,
        holds: 'other_text',
        choices: [],
        valueType: 'text',
      });
  }
  return uniqueColumnKeys(columns);
}

function label(choices: readonly LabelledValue[], value: unknown, locale: string | null): CellValue {
  if (value === null || value === undefined) return null;
  if (locale !== null) {
    const key = typeof value === 'string' ? value : JSON.stringify(value);
    const choice = choices.find((c) => c.value === key);
    if (choice !== undefined) return choice.texts?.[locale] ?? choice.texts?.default ?? choice.label;
  }
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function joined(values: readonly CellValue[]): CellValue {
  const present = values.filter((value) => value !== null && value !== '');
  return present.length === 0 ? null : present.map(String).join('; ');
}

/** One cell of one response; `locale` null gives raw values, a locale gives choice labels in it. */
export function cellValue(
  column: ExportColumn,
  meta: ResponseMeta,
  data: Record<string, unknown>,
  locale: string | null,
): CellValue {
  if (column.holds === 'meta') {
    const entry = META.find(([, key]) => key === column.key);
    return entry === undefined ? null : meta[entry[0]];
  }
  const [top, nested] = column.question.split('.', 2) as [string, string | undefined];
  const answer = data[top];
  switch (column.holds) {
    case 'answer':
      return label(column.choices, answer, locale);
    case 'selected':
      return Array.isArray(answer) ? (answer.map(String).includes(column.choice ?? '') ? 1 : 0) : null;
    case 'rank': {
      if (!Array.isArray(answer)) return null;
      const index = answer.map(String).indexOf(column.choice ?? '');
      return index === -1 ? null : index + 1;
    }
    case 'other_text':
      return label([], data[`${column.question}-Comment`], null);
    case 'row_answer':
      return isRecord(answer) ? label(column.choices, answer[column.row ?? ''], locale) : null;
    case 'cell': {
      const row = isRecord(answer) ? answer[column.row ?? ''] : undefined;
      return isRecord(row) ? label(column.choices, row[column.col ?? ''], locale) : null;
    }
    case 'panel_values': {
      if (!Array.isArray(answer)) return null;
      const key = nested ?? column.col ?? '';
      return joined(answer.map((panel) => (isRecord(panel) ? label(column.choices, panel[key], locale) : null)));
    }
    case 'theme':
      // Derived from outside the response: the export fills it from the column's provider.
      return null;
  }
}

/** Codebook rows: one per export column. */
export const CODEBOOK_HEADER = ['column', 'question', 'title', 'type', 'holds', 'choices', 'versions'] as const;

export function codebookRows(columns: readonly ExportColumn[]): string[][] {
  return columns.map((column) => [
    column.key,
    column.question,
    column.title,
    column.type,
    column.holds,
    column.choices.map((choice) => `${choice.value}=${choice.label}`).join('; '),
    column.versions.join(','),
  ]);
}

import type { ChoiceCount, GroupFigures, QuestionFigures, TallyResult } from '@concord/shared';
import type { CellValue } from './export-columns';

export const TALLY_EXPORT_HEADER = [
  'question',
  'title',
  'type',
  'group',
  'row',
  'column',
  'value',
  'label',
  'count',
  'share',
  'answered',
  'mean',
  'median',
  'mean_rank',
  'first_place',
  'suppressed',
] as const;

type Figures = Partial<QuestionFigures> & { suppressed?: boolean; responses?: number };

function figureRows(name: string, title: string, type: string, group: string, figures: Figures): CellValue[][] {
  const head = [name, title, type, group];
  if (figures.suppressed === true) return [[...head, '', '', '', '', null, null, null, null, null, null, null, 'yes']];
  const rows: CellValue[][] = [];
  const choice = (row: string, column: string, answered: number, c: ChoiceCount): CellValue[] => [
    ...head,
    row,
    column,
    c.value,
    c.label,
    c.count,
    c.share,
    answered,
    null,
    null,
    null,
    null,
    '',
  ];
  rows.push([
    ...head,
    '',
    '',
    '',
    '',
    null,
    null,
    figures.answered ?? null,
    figures.mean ?? null,
    figures.median ?? null,
    null,
    null,
    '',
  ]);
  for (const c of figures.choices ?? []) rows.push(choice('', '', figures.answered ?? 0, c));
  for (const item of figures.items ?? [])
    rows.push([
      ...head,
      '',
      '',
      item.value,
      item.label,
      item.n,
      null,
      null,
      null,
      null,
      item.meanRank,
      item.firstPlace,
      '',
    ]);
  for (const cell of figures.rows ?? []) {
    rows.push([
      ...head,
      cell.row,
      cell.column ?? '',
      '',
      '',
      null,
      null,
      cell.answered,
      cell.mean ?? null,
      cell.median ?? null,
      null,
      null,
      '',
    ]);
    for (const c of cell.choices ?? []) rows.push(choice(cell.row, cell.column ?? '', cell.answered, c));
  }
  return rows;
}

/** The tallies as flat rows: the pooled figures of each question, then each group's. */
export function tallyExportRows(result: TallyResult): CellValue[][] {
  return result.questions.flatMap((question) => {
    const rows = figureRows(question.name, question.title, question.type, '', question);
    for (const [group, figures] of Object.entries<GroupFigures>(question.groups ?? {})) {
      rows.push(...figureRows(question.name, question.title, question.type, group, figures));
    }
    return rows;
  });
}

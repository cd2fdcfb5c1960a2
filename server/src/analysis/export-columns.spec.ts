import { buildQuestionPlan } from './question-plan';
import { cellValue, codebookRows, exportColumns, type ResponseMeta } from './export-columns';

const definition = {
  elements: [
    {
      type: 'radiogroup',
      name: 'colour',
      title: 'Colour',
      showOtherItem: true,
      choices: [{ value: 'r', text: { default: 'Red', fr: 'Rouge' } }, 'g'],
    },
    { type: 'checkbox', name: 'tasks', choices: ['a', 'b'] },
    { type: 'ranking', name: 'order', choices: ['x', 'y'] },
    { type: 'matrix', name: 'grid', rows: ['r1'], columns: ['c1', 'c2'] },
    { type: 'matrixdropdown', name: 'md', rows: ['m1'], columns: [{ name: 'score', cellType: 'rating' }] },
    { type: 'paneldynamic', name: 'topics', templateElements: [{ type: 'text', name: 'topic' }] },
  ],
};
const meta: ResponseMeta = {
  id: 'id-1',
  network: 'CA',
  country: 'Uzbekistan',
  role: 'nfp',
  language: 'ru',
  version: 2,
  completedAt: '2025-01-01T00:00:00.000Z',
};

describe('export columns and codebook', () => {
  const columns = exportColumns(buildQuestionPlan(definition).questions, [2]);

  it('has a column per choice, per ranked item, per matrix row and cell', () => {
    expect(columns.map((column) => column.key)).toEqual([
      'response_id',
      'network',
      'country',
      'role',
      'language',
      'version',
      'completed_at',
      'colour',
      'colour/other_text',
      'tasks/a',
      'tasks/b',
      'order/x',
      'order/y',
      'grid/r1',
      'md/m1/score',
      'topics.topic',
    ]);
  });

  it('fills cells from the answers, with labels in a locale on request', () => {
    const data = {
      colour: 'r',
      'colour-Comment': '',
      tasks: ['b'],
      order: ['y', 'x'],
      grid: { r1: 'c2' },
      md: { m1: { score: 4 } },
      topics: [{ topic: 'A' }, { topic: 'B' }],
    };
    const raw = columns.map((column) => cellValue(column, meta, data, null));
    expect(raw).toEqual([
      'id-1',
      'CA',
      'Uzbekistan',
      'nfp',
      'ru',
      2,
      '2025-01-01T00:00:00.000Z',
      'r',
      '',
      0,
      1,
      2,
      1,
      'c2',
      4,
      'A; B',
    ]);
    expect(cellValue(columns[7], meta, data, 'fr')).toBe('Rouge');
    expect(cellValue(columns[7], meta, { colour: 'g' }, 'fr')).toBe('g');
    expect(cellValue(columns[9], meta, {}, null)).toBeNull();
  });

  it('describes every column in the codebook', () => {
    const rows = codebookRows(columns);
    expect(rows).toHaveLength(columns.length);
    expect(rows[7]).toEqual(['colour', 'colour', 'Colour', 'radiogroup', 'answer', 'r=Red; g=g; other=Other', '2']);
    expect(rows[9]).toEqual([
      'tasks/a',
      'tasks',
      'tasks: a',
      'checkbox',
      'selected',
      '1=selected; 0=not selected',
      '2',
    ]);
  });
});

import { RESPONSE_COLUMNS } from '../../../test/support/exports';
import { buildQuestionPlan } from './question-plan';
import fc from 'fast-check';
import {
  cellValue,
  codebookRows,
  type ExportColumn,
  exportColumns,
  type ResponseMeta,
  uniqueColumnKeys,
} from './export-columns';

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
  status: 'complete',
  completedAt: new Date('2025-01-01T00:00:00.000Z'),
};

describe('export columns and codebook', () => {
  const columns = exportColumns(buildQuestionPlan(definition).questions, [2]);
  const column = (index: number): (typeof columns)[number] => {
    const found = columns[index];
    if (found === undefined) throw new Error(`No column ${index}`);
    return found;
  };

  it('has a column per choice, per ranked item, per matrix row and cell', () => {
    expect(columns.map((column) => column.key)).toEqual([
      ...RESPONSE_COLUMNS,
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
      'complete',
      new Date('2025-01-01T00:00:00.000Z'),
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
    expect(cellValue(column(8), meta, data, 'fr')).toBe('Rouge');
    expect(cellValue(column(8), meta, { colour: 'g' }, 'fr')).toBe('g');
    expect(cellValue(column(10), meta, {}, null)).toBeNull();
  });

  it('describes every column in the codebook', () => {
    const rows = codebookRows(columns);
    expect(rows).toHaveLength(columns.length);
    expect(rows[8]).toEqual(['colour', 'colour', 'Colour', 'radiogroup', 'answer', 'r=Red; g=g; other=Other', '2']);
    expect(rows[10]).toEqual([
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

describe('column names', () => {
  it('never repeats a name: respondent fields are prefixed, questions named like them keep their names', () => {
    const plan = buildQuestionPlan({
      elements: [
        { type: 'dropdown', name: 'country', choices: ['fr', 'de'] },
        { type: 'text', name: 'network' },
        { type: 'text', name: 'response_network' },
        { type: 'checkbox', name: 'a', choices: ['b'] },
        { type: 'text', name: 'A/B' },
      ],
    });
    const keys = exportColumns(plan.questions, [1]).map((column) => column.key);
    expect(keys).toEqual([...RESPONSE_COLUMNS, 'country', 'network', 'response_network_2', 'a/b', 'A/B_2']);
  });

  it('keys are unique ignoring case for any list of keys, and unchanged keys stay in place', () => {
    const column = (key: string): ExportColumn => ({
      key,
      question: key,
      title: key,
      type: 'text',
      holds: 'answer',
      choices: [],
      valueType: 'text',
      versions: [1],
    });
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'A', 'a_2', 'b', 'B_2', 'a_3'), { maxLength: 12 }), (keys) => {
        const unique = uniqueColumnKeys(keys.map(column)).map((c) => c.key);
        expect(new Set(unique.map((key) => key.toLowerCase())).size).toBe(keys.length);
        unique.forEach((key, index) => expect(key.startsWith(keys[index] ?? '')).toBe(true));
        expect(unique[0]).toBe(keys[0]);
      }),
    );
  });
});

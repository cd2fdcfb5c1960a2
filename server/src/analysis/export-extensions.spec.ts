import type { ExportColumn } from './export-columns';
import { placeDerivedColumns } from './export-extensions';

const column = (key: string, question: string, holds: ExportColumn['holds'] = 'answer'): ExportColumn => ({
  key,
  question,
  title: key,
  type: 'x',
  holds,
  choices: [],
  valueType: 'text',
  versions: [1],
});

describe('placeDerivedColumns', () => {
  it('puts each derived column after the last column of its question, unknown ones at the end', () => {
    const base = [column('response_id', '', 'meta'), column('a/1', 'a'), column('a/2', 'a'), column('b', 'b')];
    const placed = placeDerivedColumns(base, [
      column('b_t1', 'b'),
      column('a_t1', 'a'),
      column('z_t1', 'z'),
      column('a_t2', 'a'),
    ]);
    expect(placed.map((c) => c.key)).toEqual(['response_id', 'a/1', 'a/2', 'a_t1', 'a_t2', 'b', 'b_t1', 'z_t1']);
  });
});

import { type CharterClause, newTextOf, oldTextOf } from '@concord/shared';
import fc from 'fast-check';
import { diffClauses, diffText } from './clause-diff';

const word = fc.constantFrom(
  'the',
  'network',
  'Focal',
  'Point',
  'shall',
  'may',
  'Round',
  'Table',
  'état',
  'сеть',
  '—',
  ',',
  '.',
  '**bold**',
);
const separator = fc.constantFrom(' ', ' ', '  ', '\n', '\n\n', '\n\n\n', '\t');
const text = fc
  .array(fc.tuple(word, separator), { maxLength: 60 })
  .map((parts) => parts.map(([w, s]) => w + s).join(''));

/** A text and an edit of it: words replaced, inserted and deleted at random. */
const textAndEdit = fc
  .tuple(
    fc.array(fc.tuple(word, separator), { maxLength: 60 }),
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 2 }), word, separator), { maxLength: 10 }),
  )
  .map(([parts, edits]) => {
    const edited = [...parts];
    for (const [at, kind, newWord, newSeparator] of edits) {
      const index = edited.length === 0 ? 0 : at % edited.length;
      if (kind === 0) edited.splice(index, 0, [newWord, newSeparator]);
      else if (kind === 1) edited.splice(index, 1);
      else edited[index] = [newWord, newSeparator];
    }
    const join = (list: Array<[string, string]>) => list.map(([w, s]) => w + s).join('');
    return [join(parts), join(edited)] as const;
  });

/** The ops of one run of text replaced by another: the old text deleted, then the new one inserted. */
const replaced = (before: string, after: string) => [
  { op: 'delete', text: before },
  { op: 'insert', text: after },
];

describe('diffText', () => {
  it('gives word-level ops for a changed word', () => {
    expect(diffText('The network meets once a year.', 'The network meets twice a year.')).toEqual([
      { op: 'equal', text: 'The network meets ' },
      ...replaced('once', 'twice'),
      { op: 'equal', text: ' a year.' },
    ]);
  });

  it('keeps unchanged paragraphs whole and diffs words only inside the changed one', () => {
    const ops = diffText(
      'First paragraph.\n\nSecond one here.\n\nThird.',
      'First paragraph.\n\nSecond one there.\n\nThird.',
    );
    expect(ops).toEqual([
      { op: 'equal', text: 'First paragraph.\n\nSecond one ' },
      ...replaced('here', 'there'),
      { op: 'equal', text: '.\n\nThird.' },
    ]);
  });

  it('falls back to delete whole and insert whole when the edit is beyond the bound', () => {
    const ops = diffText('a b c d e f', 'u v w x y z', {
      paragraphEdits: 100,
      wordEdits: 2,
      wordEditShare: 1,
      timeoutMs: 1_000,
    });
    expect(ops).toEqual(replaced('a b c d e f', 'u v w x y z'));
  });

  it('reconstructs both sides exactly for random texts (property)', () => {
    fc.assert(
      fc.property(text, text, (before, after) => {
        const ops = diffText(before, after);
        expect(oldTextOf(ops)).toBe(before);
        expect(newTextOf(ops)).toBe(after);
      }),
      { numRuns: 300 },
    );
  });

  it('reconstructs both sides exactly for random edits, also under tight bounds (property)', () => {
    fc.assert(
      fc.property(textAndEdit, fc.integer({ min: 0, max: 20 }), ([before, after], bound) => {
        for (const ops of [
          diffText(before, after),
          diffText(before, after, { paragraphEdits: bound, wordEdits: bound, wordEditShare: 0.5, timeoutMs: 50 }),
        ]) {
          expect(oldTextOf(ops)).toBe(before);
          expect(newTextOf(ops)).toBe(after);
          expect(ops.every((op) => op.text !== '')).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('diffClauses', () => {
  const clause = (id: string, heading = id, body = `${id} body`): CharterClause => ({ id, heading, body });

  it('classifies added, removed, moved, modified and unchanged clauses', () => {
    const from = [clause('a'), clause('b'), clause('c'), clause('d')];
    const to = [clause('a', 'A renamed'), clause('c'), clause('b'), clause('e')];
    expect(diffClauses(from, to)).toEqual([
      {
        id: 'a',
        status: 'modified',
        heading: 'A renamed',
        headingOps: replaced('a', 'A renamed'),
        ops: [{ op: 'equal', text: 'a body' }],
      },
      { id: 'c', status: 'unchanged', heading: 'c' },
      { id: 'd', status: 'removed', heading: 'd', body: 'd body' },
      { id: 'b', status: 'moved', heading: 'b' },
      { id: 'e', status: 'added', heading: 'e', body: 'e body' },
    ]);
  });

  it('marks a modified clause that also moved', () => {
    const result = diffClauses(
      [clause('a'), clause('b'), clause('c')],
      [clause('b'), clause('c'), clause('a', 'a', 'new')],
    );
    expect(result[2]).toMatchObject({ id: 'a', status: 'modified', moved: true });
  });
});

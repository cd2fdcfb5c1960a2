import type { CharterClause } from '@concord/shared';
import fc from 'fast-check';
import { elementAt } from '../common/rows';
import { blameRevisions, clauseHistory, type RevisionForBlame } from './blame';
import { joinParagraphs } from './paragraphs';

type Step = { clause: number; kind: 'modify' | 'insert' | 'delete'; at: number };

/**
 * Random histories in which every paragraph written in revision r carries the tag "r<r>." so the
 * expected attribution can be read off the text itself.
 */
function replay(clauseCount: number, steps: Step[][]): RevisionForBlame[] {
  let clauses: string[][] = Array.from({ length: clauseCount }, (_v, c) => [`r1. first of ${c}`, `r1. second of ${c}`]);
  const toRevision = (number: number): RevisionForBlame => ({
    number,
    clauses: clauses.map((paragraphs, c): CharterClause => ({
      id: `c${c}`,
      heading: `Clause ${c}`,
      body: joinParagraphs(paragraphs),
    })),
  });
  const revisions = [toRevision(1)];
  steps.forEach((edits, index) => {
    const number = index + 2;
    clauses = clauses.map((paragraphs) => [...paragraphs]);
    edits.forEach((edit, e) => {
      const paragraphs = elementAt(clauses, edit.clause % clauseCount, 'clauses');
      const at = paragraphs.length === 0 ? 0 : edit.at % paragraphs.length;
      const fresh = `r${number}. edit ${e} ${Math.random().toString(36).slice(2)}`;
      if (edit.kind === 'insert' || paragraphs.length === 0) paragraphs.splice(at, 0, fresh);
      else if (edit.kind === 'modify') paragraphs[at] = fresh;
      else paragraphs.splice(at, 1);
    });
    revisions.push(toRevision(number));
  });
  return revisions;
}

const step = fc.record({
  clause: fc.nat(),
  kind: fc.constantFrom<Step['kind']>('modify', 'insert', 'delete'),
  at: fc.nat(),
});

describe('blameRevisions', () => {
  it('attributes every paragraph to the revision that last changed it (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.array(step, { maxLength: 4 }), { maxLength: 8 }),
        (clauseCount, steps) => {
          const revisions = replay(clauseCount, steps);
          for (const clause of blameRevisions(revisions)) {
            for (const paragraph of clause.paragraphs) {
              expect(paragraph.revision).toBe(Number(/^r(\d+)\./.exec(paragraph.text)?.[1]));
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('tracks heading changes separately', () => {
    const result = blameRevisions([
      { number: 1, clauses: [{ id: 'a', heading: 'A', body: 'x' }] },
      { number: 2, clauses: [{ id: 'a', heading: 'A2', body: 'x' }] },
    ]);
    expect(result).toEqual([{ id: 'a', heading: 'A2', headingRevision: 2, paragraphs: [{ text: 'x', revision: 1 }] }]);
  });
});

describe('clauseHistory', () => {
  it('lists additions, edits, renames, moves and removal', () => {
    const a = (heading: string, body: string) => ({ id: 'a', heading, body });
    const b = { id: 'b', heading: 'B', body: 'b' };
    const history = clauseHistory(
      [
        { number: 1, clauses: [b] },
        { number: 2, clauses: [a('A', 'x'), b] },
        { number: 3, clauses: [a('A', 'y'), b] },
        { number: 4, clauses: [b, a('A2', 'y')] },
        { number: 5, clauses: [b] },
      ],
      'a',
    );
    expect(history.map((entry) => [entry.revision, entry.changes])).toEqual([
      [2, ['added']],
      [3, ['modified']],
      [4, ['renamed', 'moved']],
      [5, ['removed']],
    ]);
  });
});

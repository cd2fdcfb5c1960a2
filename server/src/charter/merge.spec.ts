import type { CharterClause } from '@concord/shared';
import fc from 'fast-check';
import { mergeLists, mergeRevisions } from './merge';
import { joinParagraphs, paragraphsOf } from './paragraphs';

const paragraph = (tag: string) => `Paragraph ${tag} of the text.`;

/**
 * A document (clauses of unique paragraphs) and, for each paragraph, who edits it: nobody, "ours"
 * or "theirs". Structural edits (deletions) are kept one paragraph away from the other side's edits,
 * which is what "non-overlapping" means for a line-based three-way merge.
 */
const scenario = fc
  .array(
    fc.array(fc.constantFrom<'none' | 'ours' | 'theirs'>('none', 'ours', 'theirs'), { minLength: 1, maxLength: 8 }),
    { minLength: 1, maxLength: 6 },
  )
  .chain((owners) =>
    fc.tuple(
      fc.constant(owners),
      fc.array(
        fc.array(fc.constantFrom<'modify' | 'delete'>('modify', 'modify', 'delete'), { minLength: 8, maxLength: 8 }),
        { minLength: 6, maxLength: 6 },
      ),
    ),
  );

function build(owners: Array<Array<'none' | 'ours' | 'theirs'>>, kinds: Array<Array<'modify' | 'delete'>>) {
  const base: CharterClause[] = owners.map((list, c) => ({
    id: `c${c}`,
    heading: `Clause ${c}`,
    body: joinParagraphs(list.map((_o, p) => paragraph(`${c}.${p}`))),
  }));
  const edit = (side: 'ours' | 'theirs', both: boolean) =>
    owners.map((list, c) => {
      const paragraphs: string[] = [];
      list.forEach((owner, p) => {
        const mine = owner === side || (both && owner !== 'none');
        const neighbourIsOther = (q: number) => list[q] !== undefined && list[q] !== 'none' && list[q] !== owner;
        const canDelete = !neighbourIsOther(p - 1) && !neighbourIsOther(p + 1);
        const kind = kinds[c]?.[p] === 'delete' && canDelete ? 'delete' : 'modify';
        if (!mine) paragraphs.push(paragraph(`${c}.${p}`));
        else if (kind === 'modify') paragraphs.push(`${paragraph(`${c}.${p}`)} Edited by ${owner}.`);
      });
      return { id: `c${c}`, heading: `Clause ${c}`, body: joinParagraphs(paragraphs) };
    });
  return { base, ours: edit('ours', false), theirs: edit('theirs', false), both: edit('ours', true) };
}

describe('mergeLists', () => {
  it('takes each side where only it changed', () => {
    expect(mergeLists(['a', 'b', 'c'], ['a', 'B', 'c'], ['a', 'b', 'C'])).toEqual({
      ok: true,
      result: ['a', 'B', 'C'],
    });
  });
  it('conflicts where both changed the same element differently', () => {
    expect(mergeLists(['a', 'b', 'c'], ['a', 'X', 'c'], ['a', 'Y', 'c'])).toEqual({ ok: false });
  });
  it('accepts the same change made on both sides', () => {
    expect(mergeLists(['a', 'b'], ['a', 'X'], ['a', 'X'])).toEqual({ ok: true, result: ['a', 'X'] });
  });
});

describe('mergeRevisions', () => {
  const clause = (id: string, body: string, heading = id): CharterClause => ({ id, heading, body });

  it('merges edits of different clauses and keeps additions of both sides in place', () => {
    const base = [clause('a', 'A'), clause('b', 'B')];
    const theirs = [clause('a', 'A2'), clause('t', 'T'), clause('b', 'B')];
    const yours = [clause('a', 'A'), clause('b', 'B2'), clause('y', 'Y')];
    expect(mergeRevisions(base, theirs, yours)).toEqual({
      ok: true,
      clauses: [clause('a', 'A2'), clause('t', 'T'), clause('b', 'B2'), clause('y', 'Y')],
    });
  });

  it('reports a clause deleted on one side and edited on the other', () => {
    const base = [clause('a', 'A'), clause('b', 'B')];
    const result = mergeRevisions(base, [clause('a', 'A')], [clause('a', 'A'), clause('b', 'B changed')]);
    expect(result).toEqual({
      ok: false,
      conflicts: [{ clauseId: 'b', base: clause('b', 'B'), theirs: null, yours: clause('b', 'B changed') }],
    });
  });

  it('reports different renames of one clause', () => {
    const result = mergeRevisions([clause('a', 'A')], [clause('a', 'A', 'x')], [clause('a', 'A', 'y')]);
    expect(result.ok).toBe(false);
  });

  it('follows a move made on one side', () => {
    const base = [clause('a', 'A'), clause('b', 'B'), clause('c', 'C')];
    const theirs = [clause('c', 'C'), clause('a', 'A'), clause('b', 'B')];
    const yours = [clause('a', 'A'), clause('b', 'B2'), clause('c', 'C')];
    expect(mergeRevisions(base, theirs, yours)).toEqual({
      ok: true,
      clauses: [clause('c', 'C'), clause('a', 'A'), clause('b', 'B2')],
    });
  });

  it('merging non-overlapping edits equals applying both (property)', () => {
    fc.assert(
      fc.property(scenario, ([owners, kinds]) => {
        const { base, ours, theirs, both } = build(owners, kinds);
        expect(mergeRevisions(base, theirs, ours)).toEqual({ ok: true, clauses: both });
      }),
      { numRuns: 300 },
    );
  });

  it('overlapping edits always conflict (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !s.includes('\n') && s.trim() === s),
          { minLength: 1, maxLength: 6 },
        ),
        fc.nat(),
        fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !s.includes('\n')),
        fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !s.includes('\n')),
        (paragraphs, at, mine, theirsText) => {
          fc.pre(mine !== theirsText);
          const index = at % paragraphs.length;
          const base = [clause('a', joinParagraphs(paragraphs))];
          const change = (suffix: string) => {
            const copy = [...paragraphs];
            copy[index] = `${copy[index]} <${suffix}>`;
            return [clause('a', joinParagraphs(copy))];
          };
          const result = mergeRevisions(base, change(theirsText), change(mine));
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.conflicts.map((conflict) => conflict.clauseId)).toEqual(['a']);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps paragraphs intact through split and join', () => {
    expect(paragraphsOf(joinParagraphs(['a', 'b']))).toEqual(['a', 'b']);
  });
});

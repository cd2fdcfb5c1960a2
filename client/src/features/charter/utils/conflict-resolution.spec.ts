import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';

import type { CharterClause, CharterMergeConflict } from '@concord/shared';

import { ApiError } from '@/lib/api-client';

import { applyResolutions, conflictsOf, draftAcceptingTheirs, resolutionsFor } from './conflict-resolution';

const clause = (id: string, body = `${id} body`, heading = `${id} heading`): CharterClause => ({ id, heading, body });

describe('resolutionsFor', () => {
  const conflicts: CharterMergeConflict[] = [
    { clauseId: 'a', base: clause('a', 'old'), theirs: clause('a', 'theirs'), yours: clause('a', 'mine') },
    { clauseId: 'b', base: clause('b', 'old'), theirs: null, yours: clause('b', 'mine', 'My heading') },
    { clauseId: 'c', base: clause('c', 'old', 'Base heading'), theirs: null, yours: null },
    { clauseId: null, base: ['a', 'b'], theirs: ['b', 'a'], yours: ['a', 'b', 'c'] },
  ];

  it('keeps theirs unless told otherwise, and asks nothing about the clause order', () => {
    expect(resolutionsFor(conflicts, {}, {})).toEqual([
      { clauseId: 'a', clause: clause('a', 'theirs') },
      { clauseId: 'b', clause: null },
      { clauseId: 'c', clause: null },
    ]);
  });

  it("takes the author's version, or text written now under the best heading at hand", () => {
    expect(resolutionsFor(conflicts, { a: 'yours', b: 'custom', c: 'custom' }, { b: 'Rewritten' })).toEqual([
      { clauseId: 'a', clause: clause('a', 'mine') },
      { clauseId: 'b', clause: { id: 'b', heading: 'My heading', body: 'Rewritten' } },
      // Nothing written yet and no side but the base: the base's heading and body are the start.
      { clauseId: 'c', clause: { id: 'c', heading: 'Base heading', body: 'old' } },
    ]);
  });
});

describe('draftAcceptingTheirs', () => {
  it("puts the head's version in place of each conflicting clause, removes what they deleted, adds what they added", () => {
    const draft = [clause('a', 'mine'), { heading: 'New', body: 'new' }, clause('b', 'mine'), clause('d')];
    const conflicts: CharterMergeConflict[] = [
      { clauseId: 'a', base: clause('a'), theirs: clause('a', 'theirs'), yours: clause('a', 'mine') },
      { clauseId: 'b', base: clause('b'), theirs: null, yours: clause('b', 'mine') },
      { clauseId: 'e', base: null, theirs: clause('e'), yours: null },
    ];
    expect(draftAcceptingTheirs(draft, conflicts)).toEqual([
      clause('a', 'theirs'),
      { heading: 'New', body: 'new' },
      clause('d'),
      clause('e'),
    ]);
  });

  it("takes the head's clause order, new clauses of the draft after it", () => {
    const draft = [clause('a'), { heading: 'New', body: '' }, clause('b'), clause('c')];
    const order: CharterMergeConflict = {
      clauseId: null,
      base: ['a', 'b', 'c'],
      theirs: ['c', 'a', 'b'],
      yours: ['b', 'a', 'c'],
    };
    expect(draftAcceptingTheirs(draft, [order]).map((row) => row.id ?? row.heading)).toEqual(['c', 'a', 'b', 'New']);
  });

  it('changes nothing but the conflicting clauses, and keeps the order of the others', () => {
    const ids = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { minLength: 1 });
    fc.assert(
      fc.property(ids, fc.func(fc.constantFrom('theirs', 'deleted', 'same')), (present, fate) => {
        const draft = present.map((id) => clause(id, 'mine'));
        const conflicting = present.filter((id) => fate(id) !== 'same');
        const conflicts = conflicting.map((id): CharterMergeConflict => ({
          clauseId: id,
          base: clause(id),
          theirs: fate(id) === 'theirs' ? clause(id, 'theirs') : null,
          yours: clause(id, 'mine'),
        }));
        const result = draftAcceptingTheirs(draft, conflicts);
        expect(result).toEqual(
          present.flatMap((id) =>
            fate(id) === 'same' ? [clause(id, 'mine')] : fate(id) === 'theirs' ? [clause(id, 'theirs')] : [],
          ),
        );
      }),
    );
  });
});

describe('applyResolutions', () => {
  const draft = [clause('a'), clause('b'), clause('c')];

  it('has nothing to change when every choice is what the merged head holds', () => {
    const head = [clause('a', 'theirs'), clause('c')];
    expect(
      applyResolutions(
        head,
        [
          { clauseId: 'a', clause: clause('a', 'theirs') },
          { clauseId: 'b', clause: null },
        ],
        draft,
      ),
    ).toBeNull();
  });

  it("replaces, deletes, and re-inserts a clause after the one that precedes it in the author's draft", () => {
    const head = [clause('a', 'theirs'), clause('c'), clause('z')];
    expect(
      applyResolutions(
        head,
        [
          { clauseId: 'a', clause: clause('a', 'mine') },
          { clauseId: 'b', clause: clause('b', 'mine') },
          { clauseId: 'z', clause: null },
        ],
        draft,
      ),
    ).toEqual([clause('a', 'mine'), clause('b', 'mine'), clause('c')]);
  });

  it('puts a re-inserted clause first when nothing before it in the draft is left', () => {
    expect(applyResolutions([clause('c')], [{ clauseId: 'a', clause: clause('a', 'mine') }], draft)).toEqual([
      clause('a', 'mine'),
      clause('c'),
    ]);
  });
});

describe('conflictsOf', () => {
  const conflicts: CharterMergeConflict[] = [{ clauseId: 'a', base: null, theirs: clause('a'), yours: null }];
  const refusal = (statusCode: number, code: 'charter_merge_conflict' | 'bad_request', details?: unknown) =>
    new ApiError({ statusCode, error: 'Conflict', code, message: 'Clause a changed meanwhile', details });

  it('reads the conflicts of a 409 that lists them', () => {
    expect(conflictsOf(refusal(409, 'charter_merge_conflict', { conflicts }))).toEqual(conflicts);
  });

  it('is null for any other error: another status, a 409 without conflicts, or no API error at all', () => {
    expect(conflictsOf(refusal(400, 'bad_request', { conflicts }))).toBeNull();
    expect(conflictsOf(refusal(409, 'charter_merge_conflict'))).toBeNull();
    expect(conflictsOf(new Error('network'))).toBeNull();
    expect(conflictsOf(null)).toBeNull();
  });
});

import fc from 'fast-check';
import { findInputProblem, hasLoneSurrogate, INTEGER_MAX, INTEGER_MIN } from './input-hygiene';

describe('findInputProblem', () => {
  it('names a nested field holding a lone surrogate', () => {
    expect(findInputProblem({ data: { comments: ['ok', 'bad \ud800 text'] } }, '', false)).toEqual({
      field: 'data.comments[1]',
      messages: ['data.comments[1] contains a lone UTF-16 surrogate, which is not valid text'],
    });
  });

  it('names a key holding a lone surrogate, and a parameter by its name', () => {
    expect(findInputProblem({ ['x\udc00']: 1 }, '', false)?.field).toBe('x\udc00');
    expect(findInputProblem('abc\udbff', 'id', true)?.field).toBe('id');
  });

  it('accepts every well-formed string, including astral characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(hasLoneSurrogate(text)).toBe(false);
        expect(findInputProblem({ name: text }, '', false)).toBeNull();
      }),
    );
  });

  it('finds every lone surrogate code unit wherever it sits in a string', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        fc.integer({ min: 0xd800, max: 0xdfff }),
        fc.string({ unit: 'grapheme' }),
        (before, unit, after) => {
          // A following low surrogate would pair with a high one; keep "after" from starting with one.
          expect(hasLoneSurrogate(`${before}${String.fromCharCode(unit)} ${after}`)).toBe(true);
        },
      ),
    );
  });

  it('refuses top-level whole numbers outside PostgreSQL integer, inclusive bounds accepted', () => {
    expect(findInputProblem({ quota: INTEGER_MAX }, '', false)).toBeNull();
    expect(findInputProblem({ quota: INTEGER_MIN }, '', false)).toBeNull();
    expect(findInputProblem({ quota: INTEGER_MAX + 1 }, '', false)).toEqual({
      field: 'quota',
      messages: ['quota must be a whole number from -2147483648 to 2147483647'],
    });
    expect(findInputProblem({ limit: '99999999999' }, '', true)?.field).toBe('limit');
    expect(findInputProblem('2147483648', 'version', true)?.field).toBe('version');
  });

  it('leaves nested numbers (answers, definitions) and digit text in bodies alone', () => {
    expect(findInputProblem({ data: { budget: 5_000_000_000 } }, '', false)).toBeNull();
    expect(findInputProblem({ phone: '99999999999' }, '', false)).toBeNull();
  });
});

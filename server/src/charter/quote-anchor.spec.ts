import type { CharterClause } from '@concord/shared';
import fc from 'fast-check';
import {
  clauseHasQuote,
  clauseReadingText,
  closestSubstring,
  editDistance,
  LIGHT_CHANGE_SIMILARITY,
  reanchorQuote,
} from './quote-anchor';

const meetings: CharterClause = {
  id: 'meetings',
  heading: 'Meetings',
  body: 'The **Round Table** meets once a year.\n\n1. It sets its agenda.\n2. It reports to the [Secretariat](https://example.org).',
};
const members: CharterClause = {
  id: 'members',
  heading: 'Members',
  body: 'Partner countries appoint a National Focal Point.',
};

describe('clauseReadingText', () => {
  it('is the heading and the rendered text, without markup, link targets or list numbers', () => {
    expect(clauseReadingText(meetings)).toBe(
      'Meetings The Round Table meets once a year. It sets its agenda. It reports to the Secretariat.',
    );
  });

  it('finds a selection made across emphasis and list items, white space aside', () => {
    expect(clauseHasQuote(meetings, 'Round Table meets')).toBe(true);
    expect(clauseHasQuote(meetings, 'once a year.\nIt sets')).toBe(true);
    expect(clauseHasQuote(meetings, '**Round Table**')).toBe(true);
    expect(clauseHasQuote(meetings, 'twice a year')).toBe(false);
    expect(clauseHasQuote(meetings, '   ')).toBe(false);
  });
});

describe('closestSubstring', () => {
  it('finds the closest passage and its edit distance', () => {
    const text = 'The Round Table meets twice a year in Brussels.';
    const match = closestSubstring('meets once a year', text);
    expect(text.slice(match.start, match.end)).toBe('meets twice a year');
    expect(match.distance).toBe(3);
  });

  it('returns the exact distance of the passage it names, never more than the pattern length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 40 }), (pattern, text) => {
        const match = closestSubstring(pattern, text);
        expect(match.distance).toBe(editDistance(pattern, text.slice(match.start, match.end)));
        expect(match.distance).toBeLessThanOrEqual(pattern.length);
      }),
    );
  });

  it('finds distance 0 for any passage of the text', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60 }), fc.nat(), fc.nat(), (text, a, b) => {
        const start = a % text.length;
        const end = start + 1 + (b % (text.length - start));
        expect(closestSubstring(text.slice(start, end), text).distance).toBe(0);
      }),
    );
  });
});

describe('reanchorQuote', () => {
  it('says exact, moved, changed or gone', () => {
    expect(reanchorQuote('once a year', 'meetings', [meetings, members])).toEqual({
      status: 'exact',
      clauseId: 'meetings',
      text: 'once a year',
      similarity: 1,
    });
    const moved = [
      { ...meetings, body: 'The Round Table meets.' },
      { ...members, body: 'Members meet once a year.' },
    ];
    expect(reanchorQuote('once a year', 'meetings', moved)).toEqual({
      status: 'moved',
      clauseId: 'members',
      text: 'once a year',
      similarity: 1,
    });
    const changed = [{ ...meetings, body: 'The Round Table meets twice a year.' }, members];
    expect(reanchorQuote('Round Table meets once a year', 'meetings', changed)).toEqual({
      status: 'changed',
      clauseId: 'meetings',
      text: 'Round Table meets twice a year',
      similarity: 1 - 3 / 30,
    });
    const rewritten = [{ ...meetings, body: 'Delegates gather whenever the chair calls them.' }, members];
    expect(reanchorQuote('Round Table meets once a year', 'meetings', rewritten)).toEqual({
      status: 'gone',
      clauseId: null,
      text: null,
      similarity: 0,
    });
    expect(reanchorQuote('once a year', 'meetings', [members])).toMatchObject({ status: 'gone' });
  });

  it('finds a lightly changed passage in another clause when its own clause was removed', () => {
    const later = [members, { id: 'assembly', heading: 'Assembly', body: 'The Round Table meets twice a year.' }];
    expect(reanchorQuote('The Round Table meets once a year', 'meetings', later)).toMatchObject({
      status: 'changed',
      clauseId: 'assembly',
      text: 'The Round Table meets twice a year',
    });
  });

  const textOf = (alphabet: string, minLength: number, maxLength: number) =>
    fc
      .array(fc.constantFrom(...alphabet), { minLength, maxLength })
      .map((characters) => characters.join('').trim())
      .filter((text) => text.length >= minLength);

  const words = fc.array(fc.constantFrom('network', 'focal', 'point', 'round', 'table', 'meets', 'year', 'risk'), {
    minLength: 3,
    maxLength: 12,
  });

  it('is exact for any passage still in its clause', () => {
    fc.assert(
      fc.property(words, fc.nat(), fc.nat(), (list, a, b) => {
        const body = list.join(' ');
        const start = a % list.length;
        const end = start + 1 + (b % (list.length - start));
        const quote = list.slice(start, end).join(' ');
        expect(reanchorQuote(quote, 'c', [{ id: 'c', heading: 'H', body }]).status).toBe('exact');
      }),
    );
  });

  it('is changed, with a similarity at or above the threshold, after one character of a long passage changes', () => {
    fc.assert(
      fc.property(textOf('abcdefgh ', 12, 60), fc.nat(), (quote, at) => {
        const index = at % quote.length;
        const replacement = quote[index] === 'x' ? 'y' : 'x';
        const edited = `${quote.slice(0, index)}${replacement}${quote.slice(index + 1)}`;
        const result = reanchorQuote(quote, 'c', [{ id: 'c', heading: 'Heading', body: `Before. ${edited} After.` }]);
        if (result.status === 'exact') return; // the quote may still occur elsewhere in the text
        expect(result.status).toBe('changed');
        expect(result.similarity).toBeGreaterThanOrEqual(LIGHT_CHANGE_SIMILARITY);
        expect(result.clauseId).toBe('c');
      }),
    );
  });

  it('is gone when no clause shares anything with the quote', () => {
    fc.assert(
      fc.property(textOf('abcdefghijklm', 4, 30), (quote) => {
        const clauses = [{ id: 'c', heading: 'XYZ', body: 'nopq rstu vwxyz' }];
        expect(reanchorQuote(quote, 'c', clauses).status).toBe('gone');
      }),
    );
  });
});

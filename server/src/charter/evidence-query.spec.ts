import type { EvidenceFigures, QuestionTally } from '@concord/shared';
import fc from 'fast-check';
import { parseTallyQuery } from '../analysis';
import { evidenceTallyQuery, figuresChanged } from './evidence-query';

const QUESTION = {
  name: 'q',
  type: 'radiogroup',
  kind: 'choice',
  title: 'Q',
  answered: 3,
  skipped: 0,
  choices: [{ value: 'yes', label: 'Yes', count: 3, share: 1 }],
} as unknown as QuestionTally;

function figures(asOf: string, responses: number): EvidenceFigures {
  return { asOf, responses, suppressed: false, minCellSize: 3, question: QUESTION };
}

describe('evidenceTallyQuery', () => {
  it('writes grouping, weighting and every filter as the tally query string', () => {
    expect(
      evidenceTallyQuery({
        groupBy: 'network',
        weighting: 'regional',
        filters: {
          network: ['CA', 'ME'],
          country: ['Uzbekistan'],
          role: ['National Focal Point'],
          language: ['ru'],
          version: [1, 2],
          from: '2025-01-01',
          to: '2025-12-31',
          includePartial: true,
          answers: { q: ['yes', 'partly'] },
        },
      }),
    ).toEqual({
      groupBy: 'network',
      weighting: 'regional',
      network: 'CA,ME',
      country: 'Uzbekistan',
      role: 'National Focal Point',
      language: 'ru',
      version: '1,2',
      from: '2025-01-01',
      to: '2025-12-31',
      includePartial: 'true',
      'answer[q]': 'yes,partly',
    });
  });

  it('names the filter that is not a list, or not a filter at all', () => {
    expect(() => evidenceTallyQuery({ filters: { network: 'CA' } as never })).toThrow(
      'filters.network must be a non-empty list of strings',
    );
    expect(() => evidenceTallyQuery({ filters: { colour: ['red'] } as never })).toThrow(
      'filters.colour is not a tally filter',
    );
    expect(() => evidenceTallyQuery({ filters: { includePartial: 'yes' } as never })).toThrow(
      'filters.includePartial must be true or false',
    );
  });

  it('reads back, through the tally parser, as the same lists it was given (any values without commas)', () => {
    const value = fc
      .string({ minLength: 1, maxLength: 12 })
      .filter((text) => !text.includes(',') && text.trim() === text && text !== '');
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 4 }),
        fc.array(value, { minLength: 1, maxLength: 4 }),
        (countries, roles) => {
          const parsed = parseTallyQuery(evidenceTallyQuery({ filters: { country: countries, role: roles } }));
          expect(parsed.filters.country).toEqual(countries);
          expect(parsed.filters.role).toEqual(roles);
        },
      ),
    );
  });
});

describe('figuresChanged', () => {
  it('ignores the moment the figures were taken, not the figures', () => {
    expect(figuresChanged(figures('2026-01-01T00:00:00.000Z', 3), figures('2026-02-01T00:00:00.000Z', 3))).toBe(false);
    expect(figuresChanged(figures('2026-01-01T00:00:00.000Z', 3), figures('2026-01-01T00:00:00.000Z', 4))).toBe(true);
    expect(figuresChanged(null, figures('2026-01-01T00:00:00.000Z', 3))).toBe(true);
  });
});

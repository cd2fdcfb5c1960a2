import fc from 'fast-check';
import { themeColumns, themeSlug } from './theme-export-columns';

describe('themeSlug', () => {
  it.each([
    ['Unclear mandate', 1, 'unclear_mandate'],
    ['  Training & exercises! ', 2, 'training_exercises'],
    ['Équipes nationales', 3, 'equipes_nationales'],
    ['Деньги', 4, '4'],
    ['التمويل', 5, '5'],
  ])('%s → %s', (name, position, slug) => {
    expect(themeSlug(name, position)).toBe(slug);
  });

  it('always gives a non-empty run of ASCII letters, digits and single underscores', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 1000 }), (name, position) => {
        expect(themeSlug(name, position)).toMatch(/^[a-z0-9]+(_[a-z0-9]+)*$/);
      }),
    );
  });
});

describe('themeColumns', () => {
  /** The two values every theme column takes, with their codebook labels. */
  const CODED_VALUES = [
    { value: '1', label: 'coded with this theme' },
    { value: '0', label: 'coded, not with this theme' },
  ];

  it('a 1/0 column per theme, after the question the answer belongs to', () => {
    const columns = themeColumns(
      [
        {
          name: 'pick-Comment',
          question: 'pick',
          title: 'Pick (other)',
          themes: [{ id: 't1', name: 'Funding', position: 1 }],
        },
        { name: 'why', question: 'why', title: 'Why?', themes: [] },
      ],
      [2],
    );
    expect(columns).toEqual([
      {
        key: 'pick-Comment__theme_funding',
        question: 'pick',
        title: 'Pick (other): theme Funding',
        type: 'theme',
        holds: 'theme',
        choice: 't1',
        choices: CODED_VALUES,
        valueType: 'choice',
        versions: [2],
        derived: { set: 0, id: 'pick-Comment\u0001t1' },
      },
    ]);
  });
});

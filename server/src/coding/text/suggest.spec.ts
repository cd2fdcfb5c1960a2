import { defaultClusterCount, suggestThemes } from './suggest';

const ANSWERS = [
  { id: 't1', text: 'More training courses for the national teams', language: 'en' },
  { id: 't2', text: 'Training of trainers and more courses', language: 'en' },
  { id: 't3', text: 'Organise training courses every year', language: 'en' },
  { id: 'f1', text: 'The budget and funding of projects is unclear', language: 'en' },
  { id: 'f2', text: 'Funding for projects should come with a clear budget', language: 'en' },
  { id: 'f3', text: 'Project funding arrives late; budget rules', language: 'en' },
  { id: 'r1', text: 'Больше учений и тренингов для национальных групп', language: 'ru' },
  { id: 'r2', text: 'Проводить учения и тренинги чаще', language: 'ru' },
  { id: 'x', text: 'OK', language: 'en' },
];

describe('suggestThemes', () => {
  it('clusters answers by what they talk about, per language, labelled by the commonest spelling of each stem', () => {
    const result = suggestThemes(ANSWERS, { count: 3 });
    expect(result.unclustered).toBe(1);
    const groups = result.suggestions.map((suggestion) => [...suggestion.answerIds].sort());
    expect(groups).toEqual([
      ['f1', 'f2', 'f3'],
      ['t1', 't2', 't3'],
      ['r1', 'r2'],
    ]);
    const [funding, training, russian] = result.suggestions;
    expect(funding?.terms.slice(0, 3).sort()).toEqual(['budget', 'funding', 'projects']);
    expect(funding?.label.split(', ').sort()).toEqual(['budget', 'funding', 'projects']);
    expect(training?.terms.slice(0, 2).sort()).toEqual(['courses', 'training']);
    expect(russian?.terms.slice(0, 2).sort()).toEqual(['тренинги', 'учений']);
    expect(funding?.examples).toHaveLength(3);
    expect(russian?.examples.map((example) => example.responseId).sort()).toEqual(['r1', 'r2']);
    expect(russian?.examples.find((example) => example.responseId === 'r2')?.text).toBe(
      'Проводить учения и тренинги чаще',
    );
  });

  it('shows examples of different wording only', () => {
    const repeated = [
      ...ANSWERS,
      { id: 't4', text: 'More training courses for the national teams', language: 'en' },
      { id: 't5', text: 'more training courses for the national teams ', language: 'en' },
    ];
    const training = suggestThemes(repeated, { count: 3 }).suggestions.find((suggestion) =>
      suggestion.answerIds.includes('t4'),
    );
    expect(training?.answerIds).toHaveLength(5);
    const texts = training?.examples.map((example) => example.text.trim().toLowerCase()) ?? [];
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('gives the same suggestions for the same answers', () => {
    expect(suggestThemes(ANSWERS)).toEqual(suggestThemes(ANSWERS));
  });

  it('copes with no answers and with answers that share nothing', () => {
    expect(suggestThemes([])).toEqual({ suggestions: [], unclustered: 0 });
    expect(
      suggestThemes([
        { id: 'a', text: 'alpha', language: null },
        { id: 'b', text: 'beta', language: null },
      ]),
    ).toEqual({
      suggestions: [],
      unclustered: 2,
    });
  });
});

describe('defaultClusterCount', () => {
  it('grows with the square root of the answers, from 2 to 12', () => {
    expect([0, 1, 2, 10, 100, 400, 640, 10_000].map(defaultClusterCount)).toEqual([0, 1, 2, 2, 5, 10, 12, 12]);
  });
});

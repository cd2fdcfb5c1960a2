import { surveyLocales } from './survey-locales';

describe('surveyLocales', () => {
  it('collects the locales of localisable strings, default counting as English', () => {
    const definition = {
      title: { default: 'Charter review', fr: 'Révision de la Charte', ar: 'مراجعة الميثاق' },
      pages: [{ elements: [{ type: 'text', name: 'q1', title: { en: 'Name', ru: 'Имя' } }] }],
    };
    expect(surveyLocales(definition)).toEqual(['en', 'fr', 'ru', 'ar']);
  });

  it('answers English alone for a definition with plain strings', () => {
    expect(surveyLocales({ title: 'x', pages: [{ name: 'p1', elements: [{ type: 'text', name: 'q' }] }] })).toEqual([
      'en',
    ]);
  });
});

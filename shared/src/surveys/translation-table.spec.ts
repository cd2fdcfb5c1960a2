import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { SurveyDefinition } from './definition-types';
import { importTranslations, setTranslation, sortForTranslators, translationRows } from './translation-table';
import { collectStrings } from './translations';

const DEFINITION: SurveyDefinition = {
  title: { default: 'Review', fr: 'Révision' },
  pages: [
    {
      name: 'intro',
      title: 'About you',
      elements: [
        {
          type: 'radiogroup',
          name: 'q1',
          title: { default: 'Your role?', fr: 'Votre rôle ?' },
          choices: [{ value: 'yes', text: { default: 'Yes', fr: 'Oui' } }, { value: 'no', text: 'No' }, 'plain'],
          validators: [{ type: 'expression', expression: '{q1} notempty', text: 'Answer please' }],
        },
        {
          type: 'matrixdropdown',
          name: 'm',
          rows: [{ value: 'r1', text: 'Row one' }],
          columns: [{ name: 'c1', title: 'Column one', cellType: 'text' }],
        },
      ],
    },
  ],
};

describe('translationRows', () => {
  const done = (key: string, source: string, translation: string) => ({ key, source, translation, status: 'done' });
  const missing = (key: string, source: string) => ({ key, source, translation: '', status: 'missing' });

  it('lists every string with source text under the keys collectStrings gives, in document order', () => {
    const rows = translationRows(DEFINITION, 'fr');
    expect(rows).toEqual([
      done('survey.title', 'Review', 'Révision'),
      missing('page:intro.title', 'About you'),
      done('q1.title', 'Your role?', 'Votre rôle ?'),
      done('q1.choices.yes', 'Yes', 'Oui'),
      missing('q1.choices.no', 'No'),
      missing('q1.validators[0]', 'Answer please'),
      missing('m.rows.r1', 'Row one'),
      missing('m.columns.c1', 'Column one'),
    ]);
    expect(rows.map((row) => row.key)).toEqual(collectStrings(DEFINITION).map((entry) => entry.key));
  });

  it('marks a translation stale when the source changed since the previous version and it did not', () => {
    const next = setTranslation(DEFINITION, 'q1.title', 'default', 'What is your role?');
    expect(next).not.toBeNull();
    const rows = translationRows(next!, 'fr', DEFINITION);
    expect(rows.find((row) => row.key === 'q1.title')).toEqual({
      key: 'q1.title',
      source: 'What is your role?',
      translation: 'Votre rôle ?',
      status: 'stale',
    });
    expect(sortForTranslators(rows).map((row) => row.status)).toEqual([
      'missing',
      'missing',
      'missing',
      'missing',
      'missing',
      'stale',
      'done',
      'done',
    ]);
  });
});

describe('setTranslation', () => {
  it('turns a plain string into localized texts, removes with "", and refuses unknown keys', () => {
    const translated = setTranslation(DEFINITION, 'q1.choices.no', 'ar', 'لا');
    expect(translated?.pages?.[0]?.elements?.[0]?.choices?.[1]).toEqual({
      value: 'no',
      text: { default: 'No', ar: 'لا' },
    });
    const removed = setTranslation(DEFINITION, 'q1.title', 'fr', '');
    expect(removed?.pages?.[0]?.elements?.[0]?.title).toEqual({ default: 'Your role?' });
    expect(setTranslation(DEFINITION, 'q9.title', 'fr', 'x')).toBeNull();
    expect(setTranslation(DEFINITION, 'q1.description', 'fr', 'x')).toBeNull();
    // The original is never changed.
    expect(DEFINITION.pages?.[0]?.elements?.[0]?.title).toEqual({ default: 'Your role?', fr: 'Votre rôle ?' });
  });

  it('reads back whatever text was set, for any key and any text', () => {
    const keys = translationRows(DEFINITION, 'ru').map((row) => row.key);
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.string({ minLength: 1 }), (key, text) => {
        const next = setTranslation(DEFINITION, key, 'ru', text);
        const row = translationRows(next!, 'ru').find((candidate) => candidate.key === key);
        expect(row?.translation).toBe(text);
      }),
    );
  });
});

describe('importTranslations', () => {
  it('takes new translations, reports unknown keys and changed sources exactly, and skips both', () => {
    const result = importTranslations(DEFINITION, 'fr', [
      { key: 'q1.choices.no', source: 'No', translation: 'Non' },
      { key: 'q1.title', source: 'Your role?', translation: 'Votre rôle ?' },
      { key: 'page:intro.title', source: 'About us', translation: 'À propos de nous' },
      { key: 'q7.title', source: 'Gone', translation: 'Parti' },
      { key: 'm.rows.r1', source: 'Row one', translation: '' },
    ]);
    expect(result.updated).toBe(1);
    expect(result.unknownKeys).toEqual(['q7.title']);
    expect(result.staleSources).toEqual([{ key: 'page:intro.title', exported: 'About us', current: 'About you' }]);
    const rows = translationRows(result.definition, 'fr');
    expect(rows.find((row) => row.key === 'q1.choices.no')?.translation).toBe('Non');
    expect(rows.find((row) => row.key === 'page:intro.title')?.translation).toBe('');
  });
});

import { describe, expect, it } from '@jest/globals';
import type { SurveyDefinition } from './definition-types';
import { listQuestions } from './definition-model';
import { diffVersions } from './version-diff';
import { analyzeTranslations } from './translations';

const before: SurveyDefinition = {
  pages: [
    {
      name: 'one',
      elements: [
        {
          type: 'radiogroup',
          name: 'role',
          title: { default: 'Your role?', fr: 'Votre rôle ?', ru: 'Ваша роль?' },
          choices: [{ value: 'nfp', text: 'NFP' }, 'expert', 'observer'],
        },
        { type: 'text', name: 'city' },
        { type: 'panel', name: 'box', elements: [{ type: 'boolean', name: 'agree' }] },
        { type: 'matrix', name: 'm', rows: ['a'], columns: [1, 2] },
      ],
    },
    { name: 'two', elements: [{ type: 'comment', name: 'gone' }] },
  ],
};

const after: SurveyDefinition = {
  pages: [
    {
      name: 'one',
      elements: [
        {
          type: 'radiogroup',
          name: 'role',
          isRequired: true,
          visibleIf: '{city} notempty',
          title: { default: 'What is your role?', fr: 'Quel est votre rôle ?', ru: 'Ваша роль?' },
          choices: [{ value: 'nfp', text: 'National Focal Point' }, 'expert', 'staff'],
        },
        { type: 'text', name: 'city', inputType: 'email', validators: [{ type: 'email' }] },
        { type: 'matrix', name: 'm', rows: ['a', 'b'], columns: [1, 2, 3] },
      ],
    },
    {
      name: 'two',
      elements: [
        { type: 'panel', name: 'other_box', elements: [{ type: 'boolean', name: 'agree' }] },
        { type: 'rating', name: 'new_one' },
      ],
    },
  ],
};

describe('diffVersions', () => {
  it('lists added, removed and changed questions with the fields that changed', () => {
    expect(diffVersions(before, after)).toEqual({
      changes: [
        {
          question: 'role',
          kind: 'changed',
          fields: ['title.default', 'title.fr', 'isRequired', 'visibleIf', 'choices'],
          choicesAdded: ['staff'],
          choicesRemoved: ['observer'],
          choicesRelabelled: [{ value: 'nfp', from: 'NFP', to: 'National Focal Point' }],
          staleTranslations: ['title.ru'],
        },
        { question: 'city', kind: 'changed', fields: ['validators', 'inputType'] },
        { question: 'm', kind: 'changed', fields: ['rows', 'columns'] },
        {
          question: 'agree',
          kind: 'changed',
          fields: ['page', 'panel'],
          movedFrom: { page: 'one', panel: 'box' },
          movedTo: { page: 'two', panel: 'other_box' },
        },
        { question: 'new_one', kind: 'added' },
        { question: 'gone', kind: 'removed' },
      ],
    });
  });

  it('finds nothing between a definition and itself', () => {
    expect(diffVersions(after, JSON.parse(JSON.stringify(after)) as SurveyDefinition)).toEqual({ changes: [] });
  });
});

describe('analyzeTranslations', () => {
  // Bare choice values (no text) are shown as they are, so they are not strings to translate.
  it('lists locales, missing strings per locale and stale ones against the previous version', () => {
    expect(analyzeTranslations(after, before)).toEqual({
      defaultLocale: 'en',
      locales: ['en', 'fr', 'ru'],
      missing: {
        fr: ['role.choices.nfp'],
        ru: ['role.choices.nfp'],
      },
      stale: { ru: ['role.title'] },
    });
  });
});

describe('listQuestions', () => {
  /** A choice, row or column as listed: its value and its default-language text (the value when untitled). */
  const option = (value: string | number, text = String(value)) => ({ value, text });
  /** A question descriptor on page "p", titled by its name unless the details say otherwise. */
  const onPageP = (name: string, type: string, details: Record<string, unknown> = {}) => ({
    name,
    type,
    title: name,
    page: 'p',
    ...details,
  });

  it('flattens pages, panels and dynamic panels into question descriptors', () => {
    expect(
      listQuestions({
        pages: [
          {
            name: 'p',
            elements: [
              { type: 'html', name: 'intro', html: 'Hi' },
              {
                type: 'dropdown',
                name: 'd',
                title: { default: 'Pick', fr: 'Choisir' },
                choices: ['a', { value: 'b', text: { default: 'Bee' } }],
              },
              { type: 'matrix', name: 'm', rows: ['r'], columns: [{ value: 1, text: 'One' }] },
              { type: 'matrixdropdown', name: 'md', rows: ['r'], columns: [{ name: 'c', title: 'Col' }] },
              { type: 'paneldynamic', name: 'pd', templateElements: [{ type: 'text', name: 't' }] },
            ],
          },
        ],
      }),
    ).toEqual([
      onPageP('d', 'dropdown', { title: 'Pick', choices: [option('a'), option('b', 'Bee')] }),
      onPageP('m', 'matrix', { rows: [option('r')], columns: [option(1, 'One')] }),
      onPageP('md', 'matrixdropdown', { rows: [option('r')], columns: [option('c', 'Col')] }),
      onPageP('pd', 'paneldynamic'),
      onPageP('t', 'text', { panel: 'pd', dynamicPanel: 'pd' }),
    ]);
  });
});

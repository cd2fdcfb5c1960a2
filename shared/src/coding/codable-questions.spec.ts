import { describe, expect, it } from '@jest/globals';

import { codableQuestions, codableQuestionsAcrossVersions } from './codable-questions';

const DEFINITION = {
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'text', name: 'plain', title: { default: 'Say something', fr: 'Dites' } },
        { type: 'text', name: 'email', inputType: 'email' },
        { type: 'text', name: 'count', inputType: 'number' },
        { type: 'text', name: 'typed_text', inputType: 'text' },
        { type: 'comment', name: 'long' },
        { type: 'radiogroup', name: 'pick', title: 'Pick', showOtherItem: true, choices: ['a'] },
        { type: 'checkbox', name: 'legacy', hasOther: true, choices: ['a'] },
        { type: 'dropdown', name: 'no_other', choices: ['a'] },
        {
          type: 'panel',
          name: 'box',
          elements: [{ type: 'comment', name: 'inside_panel', title: 'In a panel' }],
        },
        {
          type: 'paneldynamic',
          name: 'repeat',
          templateElements: [{ type: 'comment', name: 'per_panel' }],
        },
        { type: 'html', name: 'note', html: '<p>x</p>' },
      ],
    },
  ],
};

describe('codableQuestions', () => {
  it('lists prose text, comments and "other" texts in document order, nothing else', () => {
    expect(codableQuestions(DEFINITION)).toEqual([
      { name: 'plain', question: 'plain', source: 'text', title: 'Say something' },
      { name: 'typed_text', question: 'typed_text', source: 'text', title: 'typed_text' },
      { name: 'long', question: 'long', source: 'comment', title: 'long' },
      { name: 'pick-Comment', question: 'pick', source: 'other', title: 'Pick (other)' },
      { name: 'legacy-Comment', question: 'legacy', source: 'other', title: 'legacy (other)' },
      { name: 'inside_panel', question: 'inside_panel', source: 'comment', title: 'In a panel' },
    ]);
  });

  it('tolerates definitions of the wrong shape', () => {
    expect(codableQuestions({})).toEqual([]);
    expect(codableQuestions({ pages: [null as never, { elements: [{ type: 'comment' } as never] }] })).toEqual([]);
  });
});

describe('codableQuestionsAcrossVersions', () => {
  it('merges by name, keeps the latest wording and lists the versions that ask each question', () => {
    const v1 = {
      elements: [
        { type: 'comment', name: 'why', title: 'Why?' },
        { type: 'text', name: 'gone' },
      ],
    };
    const v2 = {
      elements: [
        { type: 'comment', name: 'why', title: 'Why so?' },
        { type: 'comment', name: 'new' },
      ],
    };
    expect(
      codableQuestionsAcrossVersions([
        { version: 2, definition: v2 },
        { version: 1, definition: v1 },
      ]),
    ).toEqual([
      { name: 'why', question: 'why', source: 'comment', title: 'Why so?', versions: [1, 2] },
      { name: 'gone', question: 'gone', source: 'text', title: 'gone', versions: [1] },
      { name: 'new', question: 'new', source: 'comment', title: 'new', versions: [2] },
    ]);
  });
});

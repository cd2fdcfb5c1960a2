import { describe, expect, it } from '@jest/globals';
import { compileValidator, validateAnswers, type AnswerProblem } from './answer-validator';
import type { ElementJson, SurveyDefinition } from './definition-types';

function survey(...elements: ElementJson[]): SurveyDefinition {
  return { pages: [{ name: 'p', elements }] };
}

function check(
  definition: SurveyDefinition,
  data: unknown,
  mode: 'partial' | 'complete' = 'complete',
): AnswerProblem[] {
  return validateAnswers(compileValidator(definition), data, mode);
}

type Case = [string, ElementJson, unknown[], Array<[unknown, AnswerProblem[]]>];

const CASES: Case[] = [
  [
    'radiogroup with other',
    { type: 'radiogroup', name: 'q', choices: ['a', { value: 'b', text: 'B' }], showOtherItem: true },
    ['a', 'b'],
    [
      ['c', [{ question: 'q', message: '"c" is not one of the choices' }]],
      [['a'], [{ question: 'q', message: 'Expected a single choice' }]],
      ['other', [{ question: 'q-Comment', message: 'Describe the "other" answer' }]],
    ],
  ],
  [
    'dropdown with generated numbers',
    { type: 'dropdown', name: 'q', choicesMin: 1, choicesMax: 3 },
    [1, 3],
    [[4, [{ question: 'q', message: '4 is not one of the choices' }]]],
  ],
  [
    'checkbox with none and limits',
    {
      type: 'checkbox',
      name: 'q',
      choices: ['a', 'b', 'c'],
      showNoneItem: true,
      maxSelectedChoices: 2,
      minSelectedChoices: 1,
    },
    [['a'], ['a', 'c'], ['none']],
    [
      ['a', [{ question: 'q', message: 'Expected a list of choices' }]],
      [['a', 'x'], [{ question: 'q', message: '"x" is not one of the choices' }]],
      [['a', 'a'], [{ question: 'q', message: '"a" is chosen twice' }]],
      [['a', 'none'], [{ question: 'q', message: '"none" cannot be combined with other choices' }]],
      [['a', 'b', 'c'], [{ question: 'q', message: 'Choose at most 2' }]],
    ],
  ],
  [
    'tagbox',
    { type: 'tagbox', name: 'q', choices: ['en', 'fr'] },
    [['en', 'fr']],
    [[['de'], [{ question: 'q', message: '"de" is not one of the choices' }]]],
  ],
  [
    'ranking',
    { type: 'ranking', name: 'q', choices: ['a', 'b', 'c'] },
    [['c', 'a', 'b']],
    [
      [['a', 'b'], [{ question: 'q', message: 'Rank all 3 choices' }]],
      [['a', 'a', 'b'], [{ question: 'q', message: '"a" is ranked twice' }]],
      [['a', 'b', 'z'], [{ question: 'q', message: '"z" is not one of the choices' }]],
      ['a', [{ question: 'q', message: 'Expected a ranked list of choices' }]],
    ],
  ],
  [
    'rating with range and step',
    { type: 'rating', name: 'q', rateMin: 0, rateMax: 10, rateStep: 2 },
    [0, 4, 10],
    [
      [11, [{ question: 'q', message: 'Must be between 0 and 10' }]],
      [3, [{ question: 'q', message: '3 is not one of the rating values' }]],
      ['4', [{ question: 'q', message: '"4" is not one of the rating values' }]],
    ],
  ],
  [
    'rating with rateValues',
    { type: 'rating', name: 'q', rateValues: [{ value: 'lo', text: 'Low' }, 'hi'] },
    ['lo', 'hi'],
    [['mid', [{ question: 'q', message: '"mid" is not one of the rating values' }]]],
  ],
  [
    'boolean',
    { type: 'boolean', name: 'q' },
    [true, false],
    [['yes', [{ question: 'q', message: 'Expected true or false' }]]],
  ],
  [
    'boolean with own values',
    { type: 'boolean', name: 'q', valueTrue: 'Y', valueFalse: 'N' },
    ['Y', 'N'],
    [[true, [{ question: 'q', message: 'true is not a value of this question' }]]],
  ],
  [
    'text',
    { type: 'text', name: 'q', maxLength: 5 },
    ['hello'],
    [
      ['toolong', [{ question: 'q', message: 'Must be at most 5 characters' }]],
      [5, [{ question: 'q', message: 'Expected text' }]],
    ],
  ],
  [
    'text number with min and max',
    { type: 'text', name: 'q', inputType: 'number', min: 1, max: 10 },
    [1, 10],
    [
      [0, [{ question: 'q', message: 'Must be at least 1' }]],
      [11, [{ question: 'q', message: 'Must be at most 10' }]],
      ['5', [{ question: 'q', message: 'Expected a number' }]],
    ],
  ],
  [
    'text email',
    { type: 'text', name: 'q', inputType: 'email' },
    ['nfp@example.org'],
    [['not-an-email', [{ question: 'q', message: 'Expected an e-mail address' }]]],
  ],
  [
    'text date with bounds',
    { type: 'text', name: 'q', inputType: 'date', min: '2020-01-01' },
    ['2021-03-04'],
    [
      ['04/03/2021', [{ question: 'q', message: 'Expected a date (YYYY-MM-DD)' }]],
      ['2019-12-31', [{ question: 'q', message: 'Must be at least 2020-01-01' }]],
    ],
  ],
  [
    'comment',
    { type: 'comment', name: 'q', maxLength: 3 },
    ['abc'],
    [
      ['abcd', [{ question: 'q', message: 'Must be at most 3 characters' }]],
      [42, [{ question: 'q', message: 'Expected text' }]],
    ],
  ],
  [
    'matrix',
    { type: 'matrix', name: 'q', rows: ['r1', 'r2'], columns: [1, 2], isAllRowRequired: true },
    [{ r1: 1, r2: 2 }],
    [
      [
        { r1: 1, r3: 2 },
        [
          { question: 'q', message: '"r3" is not a row' },
          { question: 'q.r2', message: 'An answer is required' },
        ],
      ],
      [{ r1: 3, r2: 1 }, [{ question: 'q.r1', message: '3 is not a column' }]],
      [['r1'], [{ question: 'q', message: 'Expected an object of row answers' }]],
    ],
  ],
  [
    'matrixdropdown',
    {
      type: 'matrixdropdown',
      name: 'q',
      rows: ['r1'],
      columns: [
        { name: 'score', cellType: 'rating', rateMin: 1, rateMax: 5 },
        { name: 'grade', choices: ['good', 'poor'], isRequired: true },
        { name: 'note', cellType: 'text' },
      ],
    },
    [{ r1: { score: 3, grade: 'good' } }, { r1: { grade: 'poor', note: 'ok' } }],
    [
      [{ r1: { score: 9, grade: 'good' } }, [{ question: 'q.r1.score', message: 'Must be between 1 and 5' }]],
      [{ r1: { grade: 'meh' } }, [{ question: 'q.r1.grade', message: '"meh" is not one of the choices' }]],
      [{ r1: { score: 2 } }, [{ question: 'q.r1.grade', message: 'An answer is required' }]],
      [
        { r2: { grade: 'good' } },
        [
          { question: 'q', message: '"r2" is not a row' },
          { question: 'q.r1.grade', message: 'An answer is required' },
        ],
      ],
      [{ r1: { grade: 'good', extra: 1 } }, [{ question: 'q.r1', message: '"extra" is not a column' }]],
    ],
  ],
  [
    'matrixdynamic',
    {
      type: 'matrixdynamic',
      name: 'q',
      maxRowCount: 2,
      minRowCount: 1,
      columns: [
        { name: 'agency', cellType: 'text' },
        { name: 'count', cellType: 'text', inputType: 'number' },
      ],
    },
    [[{ agency: 'Customs', count: 3 }]],
    [
      [[{ agency: 'a' }, { agency: 'b' }, { agency: 'c' }], [{ question: 'q', message: 'At most 2 rows are allowed' }]],
      [[{ count: 'three' }], [{ question: 'q[0].count', message: 'Expected a number' }]],
      [{ agency: 'a' }, [{ question: 'q', message: 'Expected a list of rows' }]],
    ],
  ],
  [
    'paneldynamic',
    {
      type: 'paneldynamic',
      name: 'q',
      maxPanelCount: 2,
      templateElements: [
        { type: 'text', name: 'topic', isRequired: true },
        { type: 'dropdown', name: 'priority', choices: ['high', 'low'], visibleIf: '{panel.topic} notempty' },
      ],
    },
    [[{ topic: 'Stockpiles', priority: 'high' }], [{ topic: 'Exercises' }, { topic: 'Borders', priority: 'low' }]],
    [
      [[{ topic: 'a' }, { topic: 'b' }, { topic: 'c' }], [{ question: 'q', message: 'At most 2 panels are allowed' }]],
      [
        [{ priority: 'high' }],
        [
          { question: 'q[0].topic', message: 'An answer is required' },
          { question: 'q[0].priority', message: 'The question is hidden, so it must not be answered' },
        ],
      ],
      [
        [{ topic: 'x', priority: 'urgent' }],
        [{ question: 'q[0].priority', message: '"urgent" is not one of the choices' }],
      ],
      [[{ topic: 'x', other: 1 }], [{ question: 'q[0].other', message: 'Unknown question' }]],
    ],
  ],
  [
    'multipletext',
    {
      type: 'multipletext',
      name: 'q',
      items: [
        { name: 'first', isRequired: true },
        { name: 'age', inputType: 'number' },
      ],
    },
    [{ first: 'Ana', age: 40 }],
    [
      [{ first: 'Ana', nick: 'A' }, [{ question: 'q', message: '"nick" is not an item of this question' }]],
      [{ age: 40 }, [{ question: 'q.first', message: 'An answer is required' }]],
      [{ first: 'Ana', age: 'forty' }, [{ question: 'q.age', message: 'Expected a number' }]],
    ],
  ],
  [
    'file',
    { type: 'file', name: 'q' },
    [[{ name: 'plan.pdf', type: 'application/pdf', content: 'data:application/pdf;base64,JVBERi0=' }]],
    [
      ['plan.pdf', [{ question: 'q', message: 'Expected a list of files' }]],
      [
        [
          { name: 'a', type: 'text/plain', content: 'data:text/plain;base64,YQ==' },
          { name: 'b', type: 'text/plain', content: 'data:text/plain;base64,Yg==' },
        ],
        [{ question: 'q', message: 'Only one file is allowed' }],
      ],
      [[{ name: 'a' }], [{ question: 'q[0]', message: 'Expected a file: {name, type, content}' }]],
    ],
  ],
];

describe('validateAnswers, question by question', () => {
  describe.each(CASES)('%s', (_name, element, valid, invalid) => {
    it.each(valid.map((value) => [value]))('accepts %j', (value) => {
      expect(check(survey(element), { q: value })).toEqual([]);
    });
    it.each(invalid)('rejects %j', (value, problems) => {
      expect(check(survey(element), { q: value })).toEqual(problems);
    });
  });
});

describe('validateAnswers, across questions', () => {
  const definition: SurveyDefinition = {
    pages: [
      {
        name: 'p1',
        elements: [
          { type: 'boolean', name: 'attended', isRequired: true },
          {
            type: 'radiogroup',
            name: 'format',
            choices: ['online', 'in_person'],
            visibleIf: '{attended} = true',
            isRequired: true,
          },
          { type: 'text', name: 'city', requiredIf: "{format} = 'in_person'" },
          { type: 'text', name: 'locked', enableIf: '{attended} = true', isRequired: true },
          { type: 'html', name: 'note', html: '<p>Hi</p>' },
          { type: 'checkbox', name: 'chosen', choices: ['a', 'b', 'c'] },
          { type: 'dropdown', name: 'favourite', choicesFromQuestion: 'chosen', choicesFromQuestionMode: 'selected' },
        ],
      },
      {
        name: 'p2',
        visibleIf: '{attended} = true',
        elements: [{ type: 'comment', name: 'impressions', isRequired: true }],
      },
    ],
  };
  const compiled = compileValidator(definition);

  it('accepts a complete response that follows the conditions', () => {
    expect(validateAnswers(compiled, { attended: false }, 'complete')).toEqual([]);
    expect(
      validateAnswers(compiled, { attended: true, format: 'online', locked: 'x', impressions: 'Good' }, 'complete'),
    ).toEqual([]);
  });

  it('requires visible required questions in complete mode only', () => {
    expect(validateAnswers(compiled, { attended: true }, 'complete')).toEqual([
      { question: 'format', message: 'An answer is required' },
      { question: 'locked', message: 'An answer is required' },
      { question: 'impressions', message: 'An answer is required' },
    ]);
    expect(validateAnswers(compiled, { attended: true }, 'partial')).toEqual([]);
  });

  it('applies requiredIf', () => {
    expect(
      validateAnswers(compiled, { attended: true, format: 'in_person', locked: 'x', impressions: 'ok' }, 'complete'),
    ).toEqual([{ question: 'city', message: 'An answer is required' }]);
  });

  it('rejects answers to hidden questions, on hidden pages too, in both modes', () => {
    const expected = [
      { question: 'format', message: 'The question is hidden, so it must not be answered' },
      { question: 'impressions', message: 'The question is hidden, so it must not be answered' },
    ];
    expect(validateAnswers(compiled, { attended: false, format: 'online', impressions: 'x' }, 'complete')).toEqual(
      expected,
    );
    expect(validateAnswers(compiled, { attended: false, format: 'online', impressions: 'x' }, 'partial')).toEqual(
      expected,
    );
  });

  it('does not require a disabled question', () => {
    expect(validateAnswers(compiled, { attended: false }, 'complete')).toEqual([]);
  });

  it('rejects unknown names, including html elements, which take no answer', () => {
    expect(validateAnswers(compiled, { attended: false, note: 'x', age: 3 }, 'partial')).toEqual([
      { question: 'note', message: 'Unknown question' },
      { question: 'age', message: 'Unknown question' },
    ]);
  });

  it('limits choicesFromQuestion in "selected" mode to the chosen values', () => {
    expect(validateAnswers(compiled, { attended: false, chosen: ['a', 'b'], favourite: 'b' }, 'partial')).toEqual([]);
    expect(validateAnswers(compiled, { attended: false, chosen: ['a'], favourite: 'c' }, 'partial')).toEqual([
      { question: 'favourite', message: '"c" is not one of the choices' },
    ]);
  });

  it('rejects answers that are not an object', () => {
    expect(validateAnswers(compiled, [1], 'partial')).toEqual([
      { question: '', message: 'Answers must be a JSON object' },
    ]);
  });

  it('accepts a comment only where the question allows one, and only as text', () => {
    const withComment = compileValidator(
      survey({ type: 'radiogroup', name: 'q', choices: ['a'], showCommentArea: true }),
    );
    expect(validateAnswers(withComment, { q: 'a', 'q-Comment': 'because' }, 'complete')).toEqual([]);
    expect(validateAnswers(withComment, { q: 'a', 'q-Comment': 5 }, 'complete')).toEqual([
      { question: 'q-Comment', message: 'Expected text' },
    ]);
    const without = compileValidator(survey({ type: 'radiogroup', name: 'q', choices: ['a'] }));
    expect(validateAnswers(without, { q: 'a', 'q-Comment': 'x' }, 'complete')).toEqual([
      { question: 'q-Comment', message: 'Unknown question' },
    ]);
  });
});

describe('validators declared in the definition', () => {
  const definition = survey(
    { type: 'text', name: 'age', inputType: 'number', validators: [{ type: 'numeric', minValue: 18, maxValue: 99 }] },
    {
      type: 'text',
      name: 'code',
      validators: [
        {
          type: 'regex',
          regex: '^[A-Z]{3}$',
          text: { default: 'Use a three-letter code', fr: 'Code à trois lettres' },
        },
      ],
    },
    { type: 'text', name: 'mail', validators: [{ type: 'email' }] },
    { type: 'comment', name: 'story', validators: [{ type: 'text', minLength: 10, allowDigits: false }] },
    {
      type: 'text',
      name: 'until',
      inputType: 'number',
      validators: [{ type: 'expression', expression: '{until} > {age}' }],
    },
    { type: 'checkbox', name: 'picks', choices: ['a', 'b', 'c'], validators: [{ type: 'answercount', minCount: 2 }] },
  );
  const compiled = compileValidator(definition);

  it('accepts answers that satisfy them', () => {
    expect(
      validateAnswers(
        compiled,
        { age: 30, code: 'UZB', mail: 'a@b.org', story: 'a long enough story', until: 40, picks: ['a', 'b'] },
        'complete',
      ),
    ).toEqual([]);
  });

  it('reports each failure with the declared text or a plain message', () => {
    expect(
      validateAnswers(
        compiled,
        { age: 12, code: 'uz', mail: 'nope', story: 'short', until: 10, picks: ['a'] },
        'complete',
      ),
    ).toEqual([
      { question: 'age', message: 'Must be at least 18' },
      { question: 'code', message: 'Use a three-letter code' },
      { question: 'mail', message: 'Expected an e-mail address' },
      { question: 'story', message: 'Must be at least 10 characters' },
      { question: 'until', message: 'Does not satisfy: {until} > {age}' },
      { question: 'picks', message: 'Choose at least 2' },
    ]);
    expect(validateAnswers(compiled, { story: 'has 3 digits in it' }, 'partial')).toEqual([
      { question: 'story', message: 'Must not contain digits' },
    ]);
  });
});

describe('validateAnswers on oversized answers', () => {
  const definition: SurveyDefinition = {
    pages: [
      {
        name: 'p',
        elements: [
          { type: 'checkbox', name: 'pick', choices: ['a', 'b'] },
          ...Array.from({ length: 150 }, (_unused, index) => ({
            type: 'text',
            name: `t${index}`,
            inputType: 'number',
          })),
        ],
      },
    ],
  };

  it('reports one problem for a long list of bad choices', () => {
    const compiled = compileValidator(definition);
    expect(validateAnswers(compiled, { pick: Array.from({ length: 100_000 }, () => 0) }, 'partial')).toEqual([
      { question: 'pick', message: '0 is not one of the choices' },
    ]);
  });

  it('lists at most 100 problems and counts the rest', () => {
    const compiled = compileValidator(definition);
    const data = Object.fromEntries(Array.from({ length: 150 }, (_unused, index) => [`t${index}`, 'not a number']));
    const problems = validateAnswers(compiled, data, 'partial');
    expect(problems).toHaveLength(101);
    expect(problems[100]).toEqual({ question: '', message: '50 more problems not listed' });
  });
});

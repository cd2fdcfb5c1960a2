import { describe, expect, it } from '@jest/globals';
import { compileValidator, validateAnswers, withComputedAnswers, type AnswerProblem } from './answer-validator';
import { checkDefinition } from './definition-check';
import type { SurveyDefinition } from './definition-types';

// Each case is a definition and answers on which the validator disagreed with survey-core 3.0.0.

function check(
  elements: unknown[],
  data: Record<string, unknown>,
  mode: 'partial' | 'complete' = 'complete',
  extra: Record<string, unknown> = {},
): AnswerProblem[] {
  return validateAnswers(
    compileValidator({ ...extra, pages: [{ name: 'p', elements }] } as SurveyDefinition),
    data,
    mode,
  );
}

const hidden = (question: string): AnswerProblem => ({
  question,
  message: 'The question is hidden, so it must not be answered',
});
const required = (question: string): AnswerProblem => ({ question, message: 'An answer is required' });

const numbers = [
  { type: 'text', name: 'a', inputType: 'number' },
  { type: 'text', name: 'b', inputType: 'number' },
];
const PNG = 'data:image/png;base64,iVBORw0KGgo=';

describe('answers survey-core accepts and the validator used to reject', () => {
  it('stores calculated values with includeIntoResult, computed from the answers', () => {
    const calculatedValues = [{ name: 'total', expression: '{a} + {b}', includeIntoResult: true }];
    expect(check(numbers, { a: 1, b: 2, total: 3 }, 'complete', { calculatedValues })).toEqual([]);
    expect(check(numbers, { a: 1, b: 2, total: 0 }, 'complete', { calculatedValues })).toEqual([
      { question: 'total', message: 'Must equal the value computed from the other answers (3)' },
    ]);
  });

  it('writes computed answers into the stored answers as survey-core has them, hidden ones left out', () => {
    const definition = {
      calculatedValues: [
        { name: 'total', expression: '{a} + {b}', includeIntoResult: true },
        { name: 'internal', expression: '{a} * 2' },
      ],
      elements: [
        ...numbers,
        { type: 'expression', name: 'double', expression: '{a} * 2' },
        { type: 'expression', name: 'triple', expression: '{a} * 3', visibleIf: '{b} > 5' },
        {
          type: 'paneldynamic',
          name: 'd',
          templateElements: [
            { type: 'text', name: 'x', inputType: 'number' },
            { type: 'expression', name: 'y', expression: '{panel.x} + 1' },
          ],
        },
      ],
    } as SurveyDefinition;
    const compiled = compileValidator(definition);
    const sent = { a: 2, b: 3, d: [{ x: 1 }, { x: 5 }] };
    const stored = withComputedAnswers(compiled, sent);
    expect(stored).toEqual({
      a: 2,
      b: 3,
      d: [
        { x: 1, y: 2 },
        { x: 5, y: 6 },
      ],
      double: 4,
      total: 5,
    });
    expect(sent).toEqual({ a: 2, b: 3, d: [{ x: 1 }, { x: 5 }] });
    expect(validateAnswers(compiled, stored, 'complete')).toEqual([]);
    // survey-core reads a missing number as 0.
    expect(withComputedAnswers(compiled, { b: 1 })).toEqual({ b: 1, double: 0, total: 1 });
  });

  it('evaluates conditions on calculated values', () => {
    const calculatedValues = [{ name: 'total', expression: '{a} + {b}' }];
    const elements = [...numbers, { type: 'comment', name: 'why', visibleIf: '{total} > 5', isRequired: true }];
    expect(check(elements, { a: 4, b: 3 }, 'complete', { calculatedValues })).toEqual([required('why')]);
    expect(check(elements, { a: 1, b: 1, why: 'x' }, 'complete', { calculatedValues })).toEqual([hidden('why')]);
    expect(check(elements, { a: 1, b: 1, total: 2 }, 'complete', { calculatedValues })).toEqual([
      { question: 'total', message: 'Unknown question' },
    ]);
  });

  it('lets several questions share one valueName, hidden or not', () => {
    const elements = [
      { type: 'boolean', name: 'show' },
      { type: 'text', name: 'first', valueName: 'shared', visibleIf: '{show} = true' },
      { type: 'text', name: 'second', valueName: 'shared' },
    ];
    expect(check(elements, { show: false, shared: 'x' })).toEqual([]);
    expect(check(elements, { show: true, shared: 'x', first: 'y' })).toEqual([
      { question: 'first', message: 'Unknown question' },
    ]);
  });

  it('reads every chosen item as {value} once one choice has its own comment area', () => {
    const checkbox = { type: 'checkbox', name: 'c', choices: [{ value: 'a', showCommentArea: true }, 'b'] };
    expect(check([checkbox], { c: [{ value: 'a', comment: 'why' }, { value: 'b' }] })).toEqual([]);
    expect(check([checkbox], { c: [{ value: 'b', comment: 'why' }] })).toEqual([
      { question: 'c', message: '{"value":"b","comment":"why"} is not one of the choices' },
    ]);
  });

  it('runs no validators on read-only or disabled questions, and requires nothing inside them', () => {
    const email = { type: 'text', name: 't', validators: [{ type: 'email' }] };
    expect(check([{ ...email, readOnly: true }], { t: 'zzz' })).toEqual([]);
    const a = { type: 'text', name: 'a' };
    const disabled = { ...email, enableIf: "{a} = 'on'" };
    expect(check([a, disabled], { t: 'zzz' })).toEqual([]);
    expect(check([a, disabled], { a: 'on', t: 'zzz' })).toEqual([
      { question: 't', message: 'Expected an e-mail address' },
    ]);
    const items = [{ name: 'x', isRequired: true }, { name: 'y' }];
    expect(check([a, { type: 'multipletext', name: 'm', enableIf: "{a} = 'on'", items }], { m: { y: 'k' } })).toEqual(
      [],
    );
    // The shape is still checked.
    expect(check([{ ...email, readOnly: true }], { t: 5 })).toEqual([{ question: 't', message: 'Expected text' }]);
  });

  it('offers the rows of a dynamic matrix or panel named by choicesFromQuestion', () => {
    const matrix = {
      type: 'matrixdynamic',
      name: 'm',
      columns: [
        { name: 'c0', cellType: 'dropdown', choices: ['x', 'y'] },
        { name: 'c1', cellType: 'text' },
      ],
    };
    const rows = [{ c0: 'y', c1: 'k' }, { c1: 'z' }];
    // Without choiceValuesFromQuestion, each row's first key.
    const first = { type: 'dropdown', name: 'd', choicesFromQuestion: 'm' };
    expect(check([matrix, first], { m: rows, d: 'z' })).toEqual([]);
    expect(check([matrix, first], { m: rows, d: 'k' })).toEqual([
      { question: 'd', message: '"k" is not one of the choices' },
    ]);
    const named = { ...first, choiceValuesFromQuestion: 'c1' };
    expect(check([matrix, named], { m: rows, d: 'k' })).toEqual([]);
    const panels = { type: 'paneldynamic', name: 'p', templateElements: [{ type: 'text', name: 't' }] };
    const checkbox = { type: 'checkbox', name: 'c', choicesFromQuestion: 'p' };
    expect(check([panels, checkbox], { p: [{ t: 'a' }, { t: 'b' }], c: ['a', 'b'] })).toEqual([]);
  });

  it('finds condition variables in any case, in nested answers and in panels, whichever lookup serves them', () => {
    const elements = [
      { type: 'text', name: 'Age', inputType: 'number' },
      { type: 'matrix', name: 'm', rows: ['r'], columns: ['c', 'd'] },
      { type: 'text', name: 'older', isRequired: true, visibleIf: '{age} > 5' },
      { type: 'text', name: 'picked', isRequired: true, visibleIf: "{m.r} = 'd'" },
      {
        type: 'paneldynamic',
        name: 'p',
        templateElements: [
          { type: 'text', name: 'x' },
          { type: 'text', name: 'y', isRequired: true, visibleIf: "{panel.x} = 'on' and {Age} > 5" },
        ],
      },
    ];
    expect(check(elements, { Age: 7, m: { r: 'd' }, p: [{ x: 'on' }, { x: 'off' }] })).toEqual([
      required('older'),
      required('picked'),
      required('p[0].y'),
    ]);
    expect(check(elements, { Age: 3, m: { r: 'c' }, p: [{ x: 'on' }] })).toEqual([]);
  });

  it('reads a dynamic panel of empty panels as empty in conditions, as survey-core does', () => {
    const panels = { type: 'paneldynamic', name: 'p', templateElements: [{ type: 'text', name: 't' }] };
    const shown = { type: 'text', name: 'f', isRequired: true, visibleIf: '{p} notempty' };
    expect(check([panels, shown], { p: [{}] })).toEqual([]);
    expect(check([panels, shown], { p: [{}, { t: 'a' }] })).toEqual([required('f')]);
    expect(check([panels, { ...shown, visibleIf: '{p} empty' }], { p: [{}] })).toEqual([required('f')]);
    // Expressions and calculated values read it so too.
    const calculatedValues = [{ name: 'calc', expression: 'iif({p} notempty, 1, 0)' }];
    const byCalc = { ...shown, visibleIf: '{calc} = 1' };
    expect(check([panels, byCalc], { p: [{}] }, 'complete', { calculatedValues })).toEqual([]);
    expect(check([panels, byCalc], { p: [{ t: 'a' }] }, 'complete', { calculatedValues })).toEqual([required('f')]);
  });

  it('takes the "other" text as the item itself in a multiple choice written as {value} items', () => {
    const checkbox = {
      type: 'checkbox',
      name: 'c',
      choices: [{ value: 'a', showCommentArea: true }, 'b'],
      showOtherItem: true,
    };
    expect(check([checkbox], { c: [{ value: 'a' }, { value: 'my own' }] })).toEqual([]);
    expect(check([checkbox], { c: [{ value: 'other' }], 'c-Comment': 'my own' })).toEqual([
      { question: 'c', message: 'Describe the "other" answer' },
    ]);
    // A single choice keeps its "other" text beside it.
    expect(check([{ ...checkbox, type: 'radiogroup' }], { c: 'other', 'c-Comment': 'my own' })).toEqual([]);
  });

  it('limits the length of text inputs only, as survey-core does', () => {
    expect(check([{ type: 'text', name: 'd', inputType: 'date', maxLength: 5 }], { d: '2024-05-02' })).toEqual([]);
    expect(check([{ type: 'text', name: 't', inputType: 'tel', maxLength: 5 }], { t: '123456' })).toEqual([
      { question: 't', message: 'Must be at most 5 characters' },
    ]);
  });

  it('reads valuePropertyName in rankings', () => {
    const ranking = { type: 'ranking', name: 'r', choices: ['a', 'c'], valuePropertyName: 'id' };
    expect(check([ranking], { r: [{ id: 'c' }, { id: 'a' }] })).toEqual([]);
    expect(check([ranking], { r: [{ id: 'c' }, { id: 'c' }] })).toEqual([
      { question: 'r', message: '"c" is ranked twice' },
    ]);
  });

  it('reads a checkbox matrix: each row holds a list of columns', () => {
    const elements = [{ type: 'matrix', name: 'm', cellType: 'checkbox', rows: ['r1'], columns: ['c1', 'c2'] }];
    expect(check(elements, { m: { r1: ['c1', 'c2'] } })).toEqual([]);
    expect(check(elements, { m: { r1: 'c1' } })).toEqual([{ question: 'm.r1', message: 'Expected a list of columns' }]);
  });

  it('accepts matrix cell "other" comments, detail panels and column totals', () => {
    const dropdownMatrix = {
      type: 'matrixdropdown',
      name: 'x',
      rows: ['r'],
      columns: [{ name: 'c', cellType: 'dropdown', choices: ['a'], showOtherItem: true }],
    };
    expect(check([dropdownMatrix], { x: { r: { c: 'other', 'c-Comment': 'mine' } } })).toEqual([]);
    const dynamic = {
      type: 'matrixdynamic',
      name: 'd',
      columns: [{ name: 'n', cellType: 'text', inputType: 'number', totalType: 'sum' }],
      detailElements: [{ type: 'text', name: 'note' }],
      detailPanelMode: 'underRow',
    };
    expect(check([dynamic], { d: [{ n: 1, note: 'first' }, { n: 2 }], 'd-total': { n: 3 } })).toEqual([]);
    expect(check([dynamic], { d: [{ n: 1, note: 5 }] })).toEqual([{ question: 'd[0].note', message: 'Expected text' }]);
  });

  it('reads valuePropertyName, per-choice comments and custom choices', () => {
    const wrapped = [{ type: 'checkbox', name: 'r', valuePropertyName: 'x', choices: ['a', 'b'] }];
    expect(check(wrapped, { r: [{ x: 'a' }] })).toEqual([]);
    expect(check(wrapped, { r: ['a'] })).toEqual([{ question: 'r', message: 'Expected {"x": value} for each choice' }]);
    const choices = [{ value: 'a', showCommentArea: true }, 'b'];
    expect(check([{ type: 'checkbox', name: 'r', choices }], { r: [{ value: 'a', comment: 'why' }, 'b'] })).toEqual([]);
    expect(check([{ type: 'radiogroup', name: 'r', choices }], { r: { value: 'a', comment: 'why' } })).toEqual([]);
    expect(check([{ type: 'radiogroup', name: 'r', choices }], { r: { value: 'b', comment: 'why' } })).toEqual([
      { question: 'r', message: '{"value":"b","comment":"why"} is not one of the choices' },
    ]);
    expect(check([{ type: 'dropdown', name: 'x', choices: ['a'], allowCustomChoices: true }], { x: 'typed' })).toEqual(
      [],
    );
  });

  it('never requires questions that are statically hidden or read-only', () => {
    const elements = [
      { type: 'text', name: 'x', visible: false, isRequired: true },
      { type: 'text', name: 'y', readOnly: true, isRequired: true },
      { type: 'panel', name: 'box', readOnly: true, elements: [{ type: 'text', name: 'z', isRequired: true }] },
    ];
    expect(check(elements, {})).toEqual([]);
  });

  it('follows rowsVisibleIf and row and column visibleIf', () => {
    const matrix = {
      type: 'matrix',
      name: 'm',
      rows: ['r1', { value: 'r2', visibleIf: '{show} = true' }, 'r3'],
      rowsVisibleIf: "{item} != 'r3'",
      columns: ['c'],
      eachRowRequired: true,
    };
    const show = { type: 'boolean', name: 'show' };
    expect(check([show, matrix], { show: false, m: { r1: 'c' } })).toEqual([]);
    expect(check([show, matrix], { show: true, m: { r1: 'c' } })).toEqual([required('m.r2')]);
    expect(check([show, matrix], { show: false, m: { r1: 'c', r3: 'c' } })).toEqual([
      { question: 'm.r3', message: 'The row is hidden, so it must not be answered' },
    ]);
    const columns = {
      type: 'matrixdropdown',
      name: 'x',
      rows: ['r'],
      columns: [{ name: 'c', cellType: 'text', isRequired: true, visibleIf: '{show} = true' }],
    };
    expect(check([show, columns], { show: false })).toEqual([]);
    expect(check([show, columns], { show: true })).toEqual([required('x.r.c')]);
  });

  it('reads boolean properties written as strings, and trims names, as survey-core does', () => {
    const elements = [{ type: 'radiogroup', name: ' q ', choices: ['a'], showOtherItem: 'true', isRequired: 'true' }];
    expect(check(elements, {})).toEqual([required('q')]);
    expect(check(elements, { q: 'other', 'q-Comment': 'mine' })).toEqual([]);
  });

  it('stores a number for numeric and currency masks', () => {
    expect(check([{ type: 'text', name: 'x', maskType: 'currency' }], { x: 12.5 })).toEqual([]);
    expect(check([{ type: 'text', name: 'x', maskType: 'numeric' }], { x: '12' })).toEqual([
      { question: 'x', message: 'Expected a number' },
    ]);
  });

  it('offers the source\'s "other" answer in choicesFromQuestion "selected" mode', () => {
    const elements = [
      { type: 'checkbox', name: 'src', choices: ['a'], showOtherItem: true, showNoneItem: true },
      { type: 'dropdown', name: 'x', choicesFromQuestion: 'src', choicesFromQuestionMode: 'selected' },
    ];
    expect(check(elements, { src: ['a', 'other'], 'src-Comment': 'mine', x: 'other' })).toEqual([]);
    expect(check(elements, { src: ['none'], x: 'none' })).toEqual([
      { question: 'x', message: '"none" is not one of the choices' },
    ]);
  });

  it('gives column validators the row and dynamic panels their index', () => {
    const matrix = {
      type: 'matrixdropdown',
      name: 'm',
      rows: ['r'],
      columns: [
        { name: 'from', cellType: 'text', inputType: 'number' },
        {
          name: 'to',
          cellType: 'text',
          inputType: 'number',
          validators: [{ type: 'expression', expression: '{row.to} > {row.from}' }],
        },
      ],
    };
    expect(check([matrix], { m: { r: { from: 1, to: 2 } } })).toEqual([]);
    expect(check([matrix], { m: { r: { from: 3, to: 2 } } })).toEqual([
      { question: 'm.r.to', message: 'Does not satisfy: {row.to} > {row.from}' },
    ]);
    const panels = {
      type: 'paneldynamic',
      name: 'p',
      templateElements: [
        { type: 'text', name: 't', visibleIf: '{panelIndex} = 0' },
        { type: 'text', name: 'u', visibleIf: '{prevPanel.t} notempty' },
      ],
    };
    expect(check([panels], { p: [{ t: 'x' }, { u: 'y' }] })).toEqual([]);
    expect(check([panels], { p: [{ u: 'x' }, { t: 'y' }] })).toEqual([hidden('p[0].u'), hidden('p[1].t')]);
  });

  it('reads {panel} and {row} as the panel and row even beside answers named Panel and Row', () => {
    // survey-core matches variable names case-insensitively; its panel and row contexts come first.
    const elements = [
      { type: 'text', name: 'Panel' },
      { type: 'text', name: 'Row' },
      {
        type: 'paneldynamic',
        name: 'p',
        templateElements: [
          { type: 'text', name: 'x' },
          { type: 'text', name: 'y', visibleIf: "{panel.x} = 'a'" },
        ],
      },
      {
        type: 'matrixdropdown',
        name: 'm',
        rows: ['r'],
        columns: [
          { name: 'x', cellType: 'text' },
          { name: 'y', cellType: 'text', visibleIf: "{row.x} = 'a'" },
        ],
      },
    ];
    const others = { Panel: 'other', Row: 'other' };
    expect(check(elements, { ...others, p: [{ x: 'a', y: 'v' }], m: { r: { x: 'a', y: 'v' } } })).toEqual([]);
    expect(check(elements, { ...others, p: [{ x: 'b', y: 'v' }], m: { r: { x: 'b', y: 'v' } } })).toEqual([
      hidden('p[0].y'),
      { question: 'm.r.y', message: 'The column is hidden, so it must not be answered' },
    ]);
  });
});

describe('answers survey-core rejects and the validator used to accept', () => {
  it('requires the required parts of an unanswered composite question', () => {
    expect(
      check(
        [
          {
            type: 'matrixdropdown',
            name: 'x',
            rows: ['r'],
            columns: [
              { name: 'c', choices: [1], isRequired: true },
              { name: 'd', cellType: 'text', requiredIf: '{row.c} empty' },
            ],
          },
        ],
        {},
      ),
    ).toEqual([required('x.r.c'), required('x.r.d')]);
    expect(check([{ type: 'multipletext', name: 'x', items: [{ name: 'a', isRequired: true }] }], {})).toEqual([
      required('x.a'),
    ]);
    expect(check([{ type: 'matrix', name: 'x', rows: ['a', 'b'], columns: ['c'], eachRowRequired: true }], {})).toEqual(
      [required('x.a'), required('x.b')],
    );
    expect(
      check([{ type: 'matrixdynamic', name: 'd', columns: [{ name: 'c', cellType: 'text', isRequired: true }] }], {}),
    ).toEqual([required('d[0].c'), required('d[1].c')]);
    expect(check([{ type: 'panel', isRequired: true, elements: [{ type: 'text', name: 'x' }] }], {})).toEqual([
      { question: 'panel1', message: 'Answer at least one question of this panel' },
    ]);
  });

  it('calls answers empty as survey-core does: a dynamic panel of empty panels, blank text, objects of empty values', () => {
    const dynamic = {
      type: 'paneldynamic',
      name: 'd',
      readOnly: true,
      templateElements: [{ type: 'text', name: 'topic', isRequired: true }],
    };
    const panel = { type: 'panel', name: 'P', isRequired: true, elements: [dynamic] };
    expect(check([panel], { d: [{}] })).toEqual([
      { question: 'P', message: 'Answer at least one question of this panel' },
    ]);
    expect(check([panel], { d: [{ topic: 'a' }] })).toEqual([]);
    // Read-only, the dynamic panel itself is never required.
    expect(check([{ ...dynamic, isRequired: true }], { d: [{}] })).toEqual([]);
    expect(check([{ type: 'text', name: 't', isRequired: true }], { t: '   ' })).toEqual([required('t')]);
    expect(
      check([{ type: 'panel', name: 'P', isRequired: true, elements: [{ type: 'text', name: 't' }] }], { t: ' ' }),
    ).toEqual([{ question: 'P', message: 'Answer at least one question of this panel' }]);
    expect(
      check([{ type: 'multipletext', name: 'm', isRequired: true, items: [{ name: 'a' }] }], { m: { a: '' } }),
    ).toEqual([required('m')]);
  });

  it('sees the empty rows survey-core writes into an unanswered dynamic matrix whose minRowCount differs from rowCount', () => {
    const matrix = { type: 'matrixdynamic', name: 'm', columns: [{ name: 'c', cellType: 'text' }], minRowCount: 1 };
    const follow = { type: 'text', name: 'f', isRequired: true, visibleIf: '{m} notempty' };
    expect(check([matrix, follow], {})).toEqual([required('f')]);
    expect(check([matrix, follow], { f: 'x' })).toEqual([]);
    // minRowCount equal to rowCount: survey-core writes nothing, so the follow-up stays hidden.
    expect(check([{ ...matrix, rowCount: 1 }, follow], {})).toEqual([]);
    // A hidden matrix builds no rows.
    expect(
      check(
        [
          { ...matrix, visibleIf: '{f} = 1' },
          { ...follow, visibleIf: '{m} notempty and {f} = 1' },
        ],
        {},
      ),
    ).toEqual([]);
  });

  it('lets requiredIf decide instead of isRequired, on questions, cells and panels', () => {
    const a = { type: 'text', name: 'a', inputType: 'number' };
    expect(check([a, { type: 'text', name: 't', isRequired: true, requiredIf: '{a} = 1' }], { a: 2 })).toEqual([]);
    expect(check([a, { type: 'text', name: 't', isRequired: true, requiredIf: '{a} = 1' }], { a: 1 })).toEqual([
      required('t'),
    ]);
    const columns = [
      { name: 'c0', cellType: 'dropdown', choices: ['x'], isRequired: true, requiredIf: '{row.c1} notempty' },
      { name: 'c1', cellType: 'text' },
    ];
    const matrix = { type: 'matrixdropdown', name: 'm', rows: ['r1'], columns };
    expect(check([matrix], { m: { r1: { c0: 'x' } } })).toEqual([]);
    expect(check([matrix], { m: { r1: { c1: 'k' } } })).toEqual([required('m.r1.c0')]);
    const panel = { type: 'panel', name: 'P', requiredIf: '{a} = 1', elements: [{ type: 'text', name: 't' }] };
    expect(check([a, panel], { a: 1 })).toEqual([
      { question: 'P', message: 'Answer at least one question of this panel' },
    ]);
    expect(check([a, { ...panel, isRequired: true }], { a: 2 })).toEqual([]);
  });

  it('reads a required dynamic matrix as survey-core does: [{}] answers it, rows of empty cells do not', () => {
    const columns = [{ name: 'c', cellType: 'text' }];
    const matrix = { type: 'matrixdynamic', name: 'm', isRequired: true, columns };
    expect(check([matrix], { m: [{}] })).toEqual([]);
    expect(check([matrix], { m: [{ c: ' ' }, {}] })).toEqual([required('m')]);
    expect(check([matrix], { m: [{ c: 'x' }, { c: '' }] })).toEqual([]);
    expect(check([{ ...matrix, minRowCount: 1 }], { m: [{}] })).toEqual([
      { question: 'm', message: 'Fill in at least 1 row' },
    ]);
    // Answered rows are padded up to minRowCount; an empty list is no rows.
    const padded = { type: 'matrixdynamic', name: 'm', minRowCount: 2, columns: [{ ...columns[0], isRequired: true }] };
    expect(check([padded], { m: [{ c: 'x' }] })).toEqual([required('m[1].c')]);
    expect(check([{ ...padded, columns }], { m: [{ c: 'x' }] })).toEqual([]);
    expect(check([padded], { m: [] })).toEqual([]);
  });

  it('computes no read-only or disabled expression question, as survey-core does', () => {
    const a = { type: 'text', name: 'a' };
    const follow = { type: 'text', name: 'f', isRequired: true, visibleIf: '{e} = 1' };
    const expression = { type: 'expression', name: 'e', expression: 'iif({a} notempty, 1, 0)' };
    expect(check([a, expression, follow], { a: 'x' })).toEqual([required('f')]);
    expect(check([a, { ...expression, readOnly: true }, follow], { a: 'x' })).toEqual([]);
    expect(
      check([a, { type: 'panel', name: 'P', readOnly: true, elements: [expression] }, follow], { a: 'x' }),
    ).toEqual([]);
    expect(check([a, { ...expression, enableIf: "{a} = 'y'" }, follow], { a: 'x' })).toEqual([]);
    expect(check([a, { ...expression, enableIf: "{a} = 'y'" }, follow], { a: 'y' })).toEqual([required('f')]);
  });

  it('runs e-mail and regex validators on any value as text, as survey-core does', () => {
    const masked = (validator: unknown) => [{ type: 'text', name: 'n', maskType: 'numeric', validators: [validator] }];
    expect(check(masked({ type: 'email' }), { n: 1 })).toEqual([
      { question: 'n', message: 'Expected an e-mail address' },
    ]);
    expect(check(masked({ type: 'regex', regex: '^[a-z]+$' }), { n: 1 })).toEqual([
      { question: 'n', message: 'Does not match the expected format' },
    ]);
    // A list is tested item by item and then comma-joined.
    const list = (regex: string) => [
      { type: 'checkbox', name: 'c', choices: ['a', 'b'], validators: [{ type: 'regex', regex }] },
    ];
    expect(check(list('^[a-z]+$'), { c: ['a'] })).toEqual([]);
    expect(check(list('^[a-z]+$'), { c: ['a', 'b'] })).toEqual([
      { question: 'c', message: 'Does not match the expected format' },
    ]);
    expect(check(list('^[a-z,]+$'), { c: ['a', 'b'] })).toEqual([]);
  });

  it('runs multipletext item validators, and expression validators on empty answers', () => {
    const items = [{ name: 'a', inputType: 'number', validators: [{ type: 'numeric', maxValue: 3 }] }];
    expect(check([{ type: 'multipletext', name: 'x', items }], { x: { a: 5 } })).toEqual([
      { question: 'x.a', message: 'Must be at most 3' },
    ]);
    const elements = [{ type: 'text', name: 'x', validators: [{ type: 'expression', expression: '{x} notempty' }] }];
    expect(check(elements, {})).toEqual([{ question: 'x', message: 'Does not satisfy: {x} notempty' }]);
    expect(check(elements, {}, 'partial')).toEqual([]);
  });

  it('refuses a choice its visibleIf hides', () => {
    const elements = [
      { type: 'boolean', name: 'show' },
      { type: 'radiogroup', name: 'c', choices: ['a', { value: 'b', visibleIf: '{show} = true' }] },
    ];
    expect(check(elements, { show: true, c: 'b' })).toEqual([]);
    expect(check(elements, { show: false, c: 'b' })).toEqual([
      { question: 'c', message: '"b" is not one of the choices' },
    ]);
  });

  it('offers the rating values survey-core shows', () => {
    expect(check([{ type: 'rating', name: 'r', rateMax: 30 }], { r: 20 })).toEqual([]);
    expect(check([{ type: 'rating', name: 'r', rateMax: 30 }], { r: 25 })).toEqual([
      { question: 'r', message: 'Must be between 1 and 20' },
    ]);
    expect(check([{ type: 'rating', name: 'r', rateCount: 3, rateMax: 10 }], { r: 5 })).toEqual([
      { question: 'r', message: 'Must be between 8 and 10' },
    ]);
  });

  it('checks number steps and e-mail addresses as survey-core does', () => {
    expect(check([{ type: 'text', name: 'n', inputType: 'number', step: 2 }], { n: 3 })).toEqual([
      { question: 'n', message: 'Must be a multiple of 2' },
    ]);
    expect(check([{ type: 'text', name: 'n', inputType: 'number', step: 0.5 }], { n: 1.5 })).toEqual([]);
    expect(check([{ type: 'text', name: 'e', inputType: 'email' }], { e: 'a@b.c' })).toEqual([
      { question: 'e', message: 'Expected an e-mail address' },
    ]);
  });

  it('computes expression questions from the other answers instead of trusting the client', () => {
    const elements = [
      { type: 'text', name: 'a', inputType: 'number' },
      { type: 'expression', name: 't', expression: '{a} * 2' },
      { type: 'comment', name: 'why', visibleIf: '{t} > 0', isRequired: true },
    ];
    expect(check(elements, { a: 3, t: 6, why: 'x' })).toEqual([]);
    expect(check(elements, { a: 3, why: 'x' })).toEqual([]);
    expect(check(elements, { a: 3, t: 0 })).toEqual([
      { question: 't', message: 'Must equal the value computed from the other answers (6)' },
      required('why'),
    ]);
  });

  it('checks signatures and files', () => {
    expect(check([{ type: 'signaturepad', name: 's' }], { s: PNG })).toEqual([]);
    expect(check([{ type: 'signaturepad', name: 's' }], { s: 'hello' })).toEqual([
      { question: 's', message: 'Expected a signature image (data URL)' },
    ]);
    const file = { type: 'file', name: 'f', maxSize: 4 };
    expect(check([file], { f: [{ name: 'a.png', type: 'image/png', content: PNG }] })).toEqual([
      { question: 'f[0]', message: 'The file is larger than 4 bytes' },
    ]);
    expect(check([file], { f: [{ name: 'a.png' }] })).toEqual([
      { question: 'f[0]', message: 'Expected a file: {name, type, content}' },
    ]);
  });
});

describe('definitions survey-core loads', () => {
  const page = (elements: unknown[]): Record<string, unknown> => ({ pages: [{ name: 'p', elements }] });

  it('accepts unnamed panels and dropdowns with generated choices', () => {
    expect(
      checkDefinition(
        page([
          { type: 'panel', elements: [{ type: 'text', name: 'a' }] },
          { type: 'dropdown', name: 'b', choicesMin: 1, choicesMax: 5 },
        ]),
      ),
    ).toEqual([]);
  });

  it('accepts variables in any case, matrix totals, and template questions reusing names of other scopes', () => {
    const elements = [
      { type: 'text', name: 'Age', inputType: 'number' },
      { type: 'text', name: 'name', visibleIf: '{age} > 5' },
      { type: 'matrixdynamic', name: 'm', columns: [{ name: 'c', cellType: 'text', totalType: 'sum' }] },
      { type: 'text', name: 'big', visibleIf: '{m-total.c} > 5' },
      { type: 'paneldynamic', name: 'kids', templateElements: [{ type: 'text', name: 'name' }] },
      { type: 'paneldynamic', name: 'pets', templateElements: [{ type: 'text', name: 'name' }] },
    ];
    expect(checkDefinition(page(elements))).toEqual([]);
    expect(check(elements, { Age: 7, name: 'Ann', kids: [{ name: 'Bo' }], pets: [{ name: 'Rex' }] })).toEqual([]);
    expect(checkDefinition(page([...elements, { type: 'text', name: 'name' }]))).toEqual([
      {
        path: '$.pages[0].elements[6].name',
        message: 'Duplicate question name "name"; it is also used at $.pages[0].elements[1]',
      },
    ]);
  });

  it('accepts conditions on calculated values, shared value names and panel indexes', () => {
    expect(
      checkDefinition({
        calculatedValues: [{ name: 'total', expression: '{a} + 1' }],
        pages: [
          {
            name: 'p',
            elements: [
              { type: 'text', name: 'a', valueName: 'shared' },
              { type: 'text', name: 'b', visibleIf: '{total} > 1 and {shared} notempty' },
              {
                type: 'paneldynamic',
                name: 'd',
                templateElements: [{ type: 'text', name: 'c', visibleIf: '{panelIndex} > 0' }],
              },
            ],
          },
        ],
      }),
    ).toEqual([]);
  });

  it('refuses the types whose answers cannot be checked, saying why', () => {
    expect(
      checkDefinition(
        page([
          { type: 'imagemap', name: 'map' },
          { type: 'textbase', name: 't' },
        ]),
      ),
    ).toEqual([
      {
        path: '$.pages[0].elements[0].type',
        message:
          'Question type "imagemap" is not supported: its answers are areas of an image, which Concord cannot check',
      },
      {
        path: '$.pages[0].elements[1].type',
        message:
          'Question type "textbase" cannot be used: it is a base type of survey-core, not a question a respondent can answer',
      },
    ]);
  });
});

import { describe, expect, it } from '@jest/globals';
import { checkDefinition } from './definition-check';

const page = (elements: unknown[]): Record<string, unknown> => ({ pages: [{ name: 'p', elements }] });

describe('checkDefinition', () => {
  it('accepts a well-formed definition', () => {
    expect(
      checkDefinition(
        page([
          { type: 'radiogroup', name: 'a', choices: ['x', 'y'] },
          { type: 'text', name: 'b', visibleIf: "{a} = 'x'", requiredIf: '{a-Comment} notempty' },
          {
            type: 'paneldynamic',
            name: 'd',
            templateElements: [{ type: 'text', name: 'c', enableIf: '{panel.c} empty' }],
          },
          { type: 'dropdown', name: 'e', choicesFromQuestion: 'a' },
          { type: 'matrixdropdown', name: 'm', rows: ['r'], columns: [{ name: 'k', cellType: 'text' }] },
        ]),
      ),
    ).toEqual([]);
  });

  it('locates every problem by JSON path', () => {
    expect(
      checkDefinition(
        page([
          { type: 'mystery', name: 'a' },
          { type: 'text' },
          { type: 'text', name: 'b', visibleIf: '{ghost} = 1' },
          { type: 'panel', name: 'box', elements: [{ type: 'text', name: 'b' }] },
          { type: 'matrix', name: 'm', columns: [1, 1] },
          { type: 'ranking', name: 'r', choices: [] },
          { type: 'matrixdropdown', name: 'md', rows: ['x'], columns: [{ name: 'c' }] },
          { type: 'text', name: 'v', validators: [{ type: 'expression', expression: '{v} >' }] },
        ]),
      ),
    ).toEqual([
      { path: '$.pages[0].elements[0].type', message: 'Unknown question type "mystery"' },
      { path: '$.pages[0].elements[1].name', message: 'The question has no name' },
      {
        path: '$.pages[0].elements[3].elements[0].name',
        message: 'Duplicate question name "b"; it is also used at $.pages[0].elements[2]',
      },
      {
        path: '$.pages[0].elements[2].visibleIf',
        message:
          'visibleIf refers to "ghost", which no question sets; declare it (for example as a calculated value) if the form sets it otherwise',
      },
      { path: '$.pages[0].elements[4].rows', message: 'Matrix "m" has no rows' },
      { path: '$.pages[0].elements[4].columns[1]', message: 'Duplicate column value 1' },
      { path: '$.pages[0].elements[5].choices', message: 'Question "r" of type ranking has no choices' },
      { path: '$.pages[0].elements[6].columns[0].choices', message: 'Column "c" of matrix "md" has no choices' },
      {
        path: '$.pages[0].elements[7].validators[0].expression',
        message: 'expression is not a valid expression (error at character 5)',
      },
    ]);
  });

  it('rejects what is not an object, and surveys without questions', () => {
    expect(checkDefinition([])).toEqual([{ path: '$', message: 'The definition must be a JSON object' }]);
    expect(checkDefinition({})).toEqual([{ path: '$', message: 'The survey has no questions' }]);
    expect(checkDefinition({ elements: [{ type: 'text', name: 'solo' }] })).toEqual([]);
  });

  it('reports survey-core serializer errors at the property', () => {
    expect(checkDefinition(page([{ type: 'checkbox', name: 'a', choices: ['x'], colCont: 2 }]))).toEqual([
      { path: '$.pages[0].elements[0].colCont', message: "Unknown property in class 'checkbox': 'colCont'." },
    ]);
  });
});

describe('checkDefinition on hostile expressions', () => {
  it('refuses a condition longer than the limit without parsing it', () => {
    const long = Array.from({ length: 400 }, () => "{a} = 'x'").join(' or ');
    expect(long.length).toBeGreaterThan(2_000);
    expect(
      checkDefinition(
        page([
          { type: 'radiogroup', name: 'a', choices: ['x', 'y'] },
          { type: 'text', name: 'b', visibleIf: long },
        ]),
      ),
    ).toEqual([{ path: '$.pages[0].elements[1].visibleIf', message: 'visibleIf is longer than 2000 characters' }]);
  });
});

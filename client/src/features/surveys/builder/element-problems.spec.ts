import { describe, expect, it } from '@jest/globals';
import { checkDefinition } from '@concord/shared';

import { fieldProblems, groupProblems, placeProblem } from './element-problems';

describe('placing definition problems on elements', () => {
  it('finds the innermost element and the field within it', () => {
    expect(placeProblem({ path: '$.pages[0].elements[2].templateElements[1].choices[0]', message: 'm' })).toEqual({
      element: ['pages', 0, 'elements', 2, 'templateElements', 1],
      field: '.choices[0]',
      message: 'm',
    });
    expect(placeProblem({ path: '$.pages[1].visibleIf', message: 'm' })).toEqual({
      element: null,
      field: '.pages[1].visibleIf',
      message: 'm',
    });
  });

  it('puts what the definition check reports on the element at fault', () => {
    const problems = checkDefinition({
      pages: [
        {
          name: 'p',
          elements: [
            { type: 'text', name: 'a' },
            { type: 'radiogroup', name: 'b', choices: [] },
            { type: 'text', name: 'c', visibleIf: '{nobody} = 1' },
          ],
        },
      ],
    });
    const { byElement, general } = groupProblems(problems);
    expect(general).toEqual([]);
    // The wording is the definition check's own; what matters here is where each problem lands.
    expect(fieldProblems(byElement.get('pages/0/elements/1') ?? [], '.choices')).toHaveLength(1);
    expect(fieldProblems(byElement.get('pages/0/elements/1') ?? [], '.visibleIf')).toHaveLength(0);
    expect(fieldProblems(byElement.get('pages/0/elements/2') ?? [], '.visibleIf')).toEqual([
      expect.stringContaining('nobody'),
    ]);
    expect(byElement.has('pages/0/elements/0')).toBe(false);
  });
});

import { describe, expect, it } from '@jest/globals';

import type { ThemeDto } from '@concord/shared';

import { orderThemes, sameSelection, toggleTheme } from './theme-order';

function theme(id: string, position: number, parentId: string | null = null): ThemeDto {
  return {
    id,
    surveyId: 's',
    question: 'q',
    name: id,
    description: null,
    parentId,
    position,
    mergedIntoId: null,
    codedAnswers: 0,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
  };
}

describe('orderThemes', () => {
  it('lists each parent before its sub-themes, by position, and numbers the first ten 1…9, 0', () => {
    const themes = [
      theme('b', 2),
      theme('a', 1),
      theme('a2', 5, 'a'),
      theme('a1', 4, 'a'),
      theme('orphan', 3, 'gone'),
      ...Array.from({ length: 8 }, (_, i) => theme(`z${i}`, 10 + i)),
    ];
    const ordered = orderThemes(themes);
    expect(ordered.map((entry) => [entry.theme.id, entry.depth, entry.key])).toEqual([
      ['a', 0, '1'],
      ['a1', 1, '2'],
      ['a2', 1, '3'],
      ['b', 0, '4'],
      ['orphan', 0, '5'],
      ['z0', 0, '6'],
      ['z1', 0, '7'],
      ['z2', 0, '8'],
      ['z3', 0, '9'],
      ['z4', 0, '0'],
      ['z5', 0, null],
      ['z6', 0, null],
      ['z7', 0, null],
    ]);
  });
});

describe('toggleTheme', () => {
  it('adds and removes a theme, keeping list order', () => {
    const order = orderThemes([theme('a', 1), theme('b', 2), theme('c', 3)]);
    expect(toggleTheme(['c'], 'a', order)).toEqual(['a', 'c']);
    expect(toggleTheme(['a', 'c'], 'a', order)).toEqual(['c']);
    expect(sameSelection(['a', 'c'], ['c', 'a'])).toBe(true);
    expect(sameSelection(['a'], ['a', 'c'])).toBe(false);
  });
});

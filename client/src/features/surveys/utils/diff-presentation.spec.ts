import { describe, expect, it } from '@jest/globals';
import type { ChoiceSnapshot, QuestionSnapshot } from '@concord/shared';

import { choiceRows, conditionRows, wordingRows } from './diff-presentation';

const snapshot = (changes: Partial<QuestionSnapshot>): QuestionSnapshot => ({
  type: 'radiogroup',
  title: {},
  description: {},
  choices: [],
  rows: [],
  columns: [],
  isRequired: false,
  conditions: {},
  ...changes,
});

describe('diff presentation', () => {
  it('sets the wording of each locale side by side, the default first', () => {
    const before = snapshot({ title: { default: 'Old', ru: 'Старый', fr: 'Ancien' } });
    const after = snapshot({ title: { default: 'New', ru: 'Старый', ar: 'جديد' } });
    expect(wordingRows(before, after)).toEqual([
      { field: 'title', locale: 'default', before: 'Old', after: 'New', changed: true },
      { field: 'title', locale: 'ar', before: '', after: 'جديد', changed: true },
      { field: 'title', locale: 'fr', before: 'Ancien', after: '', changed: true },
      { field: 'title', locale: 'ru', before: 'Старый', after: 'Старый', changed: false },
    ]);
  });

  it('names choices added, removed and relabelled by their labels in the chosen locale', () => {
    const before: ChoiceSnapshot[] = [
      { value: 'yes', text: { default: 'Yes', fr: 'Oui' } },
      { value: 'three', text: { default: 'Three times' } },
      { value: 2, text: {} },
    ];
    const after: ChoiceSnapshot[] = [
      { value: 'yes', text: { default: 'Yes, fully', fr: 'Oui' } },
      { value: 2, text: {} },
      { value: 'new', text: { default: 'New one', fr: 'Nouveau' } },
    ];
    expect(choiceRows(before, after, 'default')).toEqual([
      { value: 'yes', change: 'relabelled', before: 'Yes', after: 'Yes, fully' },
      { value: '2', change: 'unchanged', before: '2', after: '2' },
      { value: 'new', change: 'added', before: '', after: 'New one' },
      { value: 'three', change: 'removed', before: 'Three times', after: '' },
    ]);
    expect(choiceRows(before, after, 'fr').map((row) => [row.value, row.change, row.after])).toEqual([
      ['yes', 'unchanged', 'Oui'],
      ['2', 'unchanged', '2'],
      ['new', 'added', 'Nouveau'],
      ['three', 'removed', ''],
    ]);
  });

  it('lists conditions before and after, and a change of the required flag', () => {
    const before = snapshot({ conditions: { visibleIf: "{a} = 'x'" }, isRequired: true });
    const after = snapshot({ conditions: { visibleIf: "{a} = 'y'", enableIf: '{b} notempty' } });
    expect(conditionRows(before, after)).toEqual([
      { property: 'visibleIf', before: "{a} = 'x'", after: "{a} = 'y'" },
      { property: 'enableIf', before: '', after: '{b} notempty' },
      { property: 'isRequired', before: 'required', after: 'optional' },
    ]);
    expect(conditionRows(before, before)).toEqual([]);
  });
});

import type { ElementJson } from '@concord/shared';

export interface QuestionType {
  type: string;
  label: string;
  /** What a new element of this type starts with (besides type and name). */
  template: () => Partial<ElementJson>;
  /** Holds other elements instead of an answer. */
  container?: boolean;
}

const choices = (...labels: string[]) =>
  labels.map((label, index) => ({ value: `item${String(index + 1)}`, text: label }));

/** Every element type the strict answer validator checks, as the builder offers them. */
export const QUESTION_TYPES: readonly QuestionType[] = [
  { type: 'radiogroup', label: 'Single choice', template: () => ({ choices: choices('Yes', 'No') }) },
  { type: 'checkbox', label: 'Multiple choice', template: () => ({ choices: choices('First', 'Second', 'Third') }) },
  { type: 'dropdown', label: 'Dropdown', template: () => ({ choices: choices('First', 'Second', 'Third') }) },
  { type: 'tagbox', label: 'Tag box', template: () => ({ choices: choices('First', 'Second', 'Third') }) },
  { type: 'buttongroup', label: 'Button group', template: () => ({ choices: choices('Yes', 'No') }) },
  { type: 'ranking', label: 'Ranking', template: () => ({ choices: choices('First', 'Second', 'Third') }) },
  { type: 'rating', label: 'Rating', template: () => ({ rateMin: 1, rateMax: 5 }) },
  { type: 'boolean', label: 'Yes / no', template: () => ({}) },
  { type: 'text', label: 'Short text', template: () => ({}) },
  { type: 'comment', label: 'Long text', template: () => ({ maxLength: 2000 }) },
  {
    type: 'multipletext',
    label: 'Several short texts',
    template: () => ({
      items: [
        { name: 'first', title: 'First' },
        { name: 'second', title: 'Second' },
      ],
    }),
  },
  {
    type: 'matrix',
    label: 'Matrix (one choice per row)',
    template: () => ({ rows: choices('First row', 'Second row'), columns: choices('Agree', 'Neutral', 'Disagree') }),
  },
  {
    type: 'matrixdropdown',
    label: 'Matrix of questions',
    template: () => ({
      rows: choices('First row', 'Second row'),
      columns: [{ name: 'rating', title: 'Rating', cellType: 'rating', rateMin: 1, rateMax: 5 }],
    }),
  },
  {
    type: 'matrixdynamic',
    label: 'Table with rows to add',
    template: () => ({ columns: [{ name: 'item', title: 'Item', cellType: 'text' }], rowCount: 1 }),
  },
  {
    type: 'imagepicker',
    label: 'Image choice',
    template: () => ({ choices: [{ value: 'image1', text: 'First image', imageLink: '' }] }),
  },
  { type: 'slider', label: 'Slider', template: () => ({ min: 0, max: 100 }) },
  { type: 'file', label: 'File upload', template: () => ({}) },
  { type: 'signaturepad', label: 'Signature', template: () => ({}) },
  { type: 'expression', label: 'Calculated value', template: () => ({ expression: '' }) },
  { type: 'html', label: 'Text block (HTML)', template: () => ({ html: '<p>Information for respondents</p>' }) },
  { type: 'panel', label: 'Panel', container: true, template: () => ({ elements: [] }) },
  { type: 'paneldynamic', label: 'Repeating panel', container: true, template: () => ({ templateElements: [] }) },
];

export function questionType(type: string): QuestionType | undefined {
  return QUESTION_TYPES.find((candidate) => candidate.type === type);
}

export const CHOICE_QUESTION_TYPES = new Set([
  'radiogroup',
  'checkbox',
  'dropdown',
  'tagbox',
  'buttongroup',
  'ranking',
  'imagepicker',
]);
/** Choice types that can offer "other", "none" and "don't know" items. */
export const SPECIAL_ITEM_TYPES = new Set(['radiogroup', 'checkbox', 'dropdown', 'tagbox']);
export const TEXT_INPUT_TYPES = [
  'text',
  'number',
  'email',
  'date',
  'datetime-local',
  'time',
  'month',
  'week',
  'url',
  'tel',
  'color',
  'range',
] as const;
export const CELL_TYPES = [
  'dropdown',
  'checkbox',
  'radiogroup',
  'tagbox',
  'text',
  'comment',
  'boolean',
  'rating',
  'expression',
] as const;

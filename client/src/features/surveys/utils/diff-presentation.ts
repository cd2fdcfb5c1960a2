import type { ChoiceSnapshot, LocalizedTexts, QuestionSnapshot } from '@concord/shared';

/** Locales in a stable order: the survey's own (`default`) first, then the others alphabetically. */
export function localesOf(...texts: Array<LocalizedTexts | undefined>): string[] {
  const locales = new Set<string>();
  for (const entry of texts) for (const locale of Object.keys(entry ?? {})) locales.add(locale);
  return [...locales].sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b)));
}

export interface WordingRow {
  field: 'title' | 'description';
  locale: string;
  before: string;
  after: string;
  changed: boolean;
}

/** The wording of a question in each locale, before and after, side by side. */
export function wordingRows(before: QuestionSnapshot | undefined, after: QuestionSnapshot | undefined): WordingRow[] {
  const rows: WordingRow[] = [];
  for (const field of ['title', 'description'] as const) {
    for (const locale of localesOf(before?.[field], after?.[field])) {
      const old = before?.[field][locale] ?? '';
      const current = after?.[field][locale] ?? '';
      if (field === 'description' && old === current) continue;
      rows.push({ field, locale, before: old, after: current, changed: old !== current });
    }
  }
  return rows;
}

export type ChoiceChange = 'added' | 'removed' | 'relabelled' | 'unchanged';

export interface ChoiceRow {
  value: string;
  change: ChoiceChange;
  before: string;
  after: string;
}

function label(choice: ChoiceSnapshot | undefined, locale: string): string {
  if (choice === undefined) return '';
  return choice.text[locale] ?? choice.text.default ?? String(choice.value);
}

/** Choices (or rows, or columns) by value: added, removed, relabelled in `locale`, or unchanged; newer order first. */
export function choiceRows(before: ChoiceSnapshot[], after: ChoiceSnapshot[], locale: string): ChoiceRow[] {
  const key = (choice: ChoiceSnapshot) => JSON.stringify(choice.value);
  const old = new Map(before.map((choice) => [key(choice), choice]));
  const current = new Set(after.map(key));
  const rows: ChoiceRow[] = after.map((choice) => {
    const previous = old.get(key(choice));
    const text = label(choice, locale);
    if (previous === undefined) return { value: String(choice.value), change: 'added', before: '', after: text };
    const was = label(previous, locale);
    return { value: String(choice.value), change: was === text ? 'unchanged' : 'relabelled', before: was, after: text };
  });
  for (const choice of before) {
    if (!current.has(key(choice)))
      rows.push({ value: String(choice.value), change: 'removed', before: label(choice, locale), after: '' });
  }
  return rows;
}

export interface ConditionRow {
  property: string;
  before: string;
  after: string;
}

/** Conditions and the required flag that differ between the two states. */
export function conditionRows(
  before: QuestionSnapshot | undefined,
  after: QuestionSnapshot | undefined,
): ConditionRow[] {
  const rows: ConditionRow[] = [];
  for (const property of ['visibleIf', 'enableIf', 'requiredIf'] as const) {
    const old = before?.conditions[property] ?? '';
    const current = after?.conditions[property] ?? '';
    if (old !== current) rows.push({ property, before: old, after: current });
  }
  const wasRequired = before?.isRequired ?? false;
  const isRequired = after?.isRequired ?? false;
  if (before !== undefined && after !== undefined && wasRequired !== isRequired) {
    rows.push({
      property: 'isRequired',
      before: wasRequired ? 'required' : 'optional',
      after: isRequired ? 'required' : 'optional',
    });
  }
  return rows;
}

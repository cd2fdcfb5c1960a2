import type { ElementJson } from '@concord/shared';

import { defaultTextOf, withDefaultText } from './definition-edits';
import { fieldProblems, type PlacedProblem } from './element-problems';
import { CheckboxField, NumberField, TextField } from './fields';
import { ItemListEditor } from './item-list-editor';

/** Changes properties of the element being edited; edits with the same `coalesce` key merge into one undo step. */
export type SetProperties = (changes: Record<string, unknown>, coalesce?: string) => void;

interface PropertyProps {
  element: ElementJson;
  set: SetProperties;
  /** The element's property the field edits. */
  name: string;
  label: string;
  /** The undo key of its edits (the property name unless given). */
  coalesce?: string;
}

export const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : []);

/** A number property; left out of the element when emptied. */
export function NumberProperty({
  element,
  set,
  name,
  label,
  coalesce = name,
  fallback,
}: PropertyProps & { fallback?: number }) {
  return (
    <NumberField
      label={label}
      value={element[name] ?? fallback}
      onChange={(value) => set({ [name]: value }, coalesce)}
    />
  );
}

/** A translatable text property: edits its default text and keeps its translations. */
export function LocalizedTextProperty({
  element,
  set,
  name,
  label,
  coalesce = name,
  multiline,
  problems,
}: PropertyProps & { multiline?: boolean; problems?: string[] }) {
  return (
    <TextField
      label={label}
      multiline={multiline}
      value={defaultTextOf(element[name])}
      onChange={(text) => set({ [name]: withDefaultText(element[name], text) }, coalesce)}
      problems={problems}
    />
  );
}

/** A yes/no property, stored only when true. */
export function FlagProperty({ element, set, name, label }: Omit<PropertyProps, 'coalesce'>) {
  return (
    <CheckboxField
      label={label}
      checked={element[name] === true}
      onChange={(checked) => set({ [name]: checked ? true : undefined })}
    />
  );
}

/** A list property (choices, rows, columns, items) with the problems found under it. */
export function ItemsProperty({
  element,
  set,
  name,
  label,
  problems,
  keyKind,
}: Omit<PropertyProps, 'coalesce'> & { problems: readonly PlacedProblem[]; keyKind?: 'value' | 'name' }) {
  return (
    <ItemListEditor
      label={label}
      keyKind={keyKind}
      items={listOf(element[name])}
      onChange={(items) => set({ [name]: items }, name)}
      problems={fieldProblems(problems, `.${name}`)}
    />
  );
}

import { useId } from 'react';

import { SmallButton } from '@/components/small-button';

import { defaultTextOf, withDefaultText } from './definition-edits';
import { ProblemMessages } from './fields';

type Item = unknown;

interface ItemListEditorProps {
  /** Shown as the group's legend, e.g. "Choices", "Rows". */
  label: string;
  items: readonly Item[];
  /** `value`: choices and rows (`{value, text}`); `name`: matrix columns and text items (`{name, title}`). */
  keyKind?: 'value' | 'name';
  onChange: (items: Item[]) => void;
  problems?: string[];
  /** What a new item's label starts as. */
  newLabel?: string;
}

function keyOf(item: Item, keyKind: 'value' | 'name'): string {
  if (item !== null && typeof item === 'object') {
    const key = (item as Record<string, unknown>)[keyKind];
    return typeof key === 'string' || typeof key === 'number' || typeof key === 'boolean' ? String(key) : '';
  }
  return typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean' ? String(item) : '';
}

function labelOf(item: Item, keyKind: 'value' | 'name'): string {
  if (item !== null && typeof item === 'object')
    return defaultTextOf((item as Record<string, unknown>)[keyKind === 'value' ? 'text' : 'title']);
  return '';
}

/** Typed numbers stay numbers when the item's value was one (rating-like choices such as 1…5). */
function typedKey(text: string, previous: Item, keyKind: 'value' | 'name'): string | number {
  const before =
    previous !== null && typeof previous === 'object' ? (previous as Record<string, unknown>)[keyKind] : previous;
  return typeof before === 'number' && /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

function withKey(item: Item, keyKind: 'value' | 'name', key: string | number): Item {
  if (item !== null && typeof item === 'object') return { ...(item as Record<string, unknown>), [keyKind]: key };
  return keyKind === 'value' ? key : { name: key };
}

function withLabel(item: Item, keyKind: 'value' | 'name', label: string): Item {
  const property = keyKind === 'value' ? 'text' : 'title';
  const record: Record<string, unknown> =
    item !== null && typeof item === 'object' ? { ...(item as Record<string, unknown>) } : { [keyKind]: item };
  const text = withDefaultText(record[property], label);
  if (text === undefined) delete record[property];
  else record[property] = text;
  return record;
}

function nextKey(items: readonly Item[], keyKind: 'value' | 'name'): string {
  const taken = new Set(items.map((item) => keyOf(item, keyKind)));
  for (let counter = items.length + 1; ; counter++) {
    const key = `item${String(counter)}`;
    if (!taken.has(key)) return key;
  }
}

/** Rows of value (or name) and label, to add, edit, reorder and remove. */
export function ItemListEditor({
  label,
  items,
  keyKind = 'value',
  onChange,
  problems = [],
  newLabel = 'New item',
}: ItemListEditorProps) {
  const id = useId();
  const keyLabel = keyKind === 'value' ? 'Value' : 'Name';
  const update = (index: number, item: Item) => onChange(items.map((current, at) => (at === index ? item : current)));
  const move = (index: number, offset: number) => {
    const target = index + offset;
    if (target < 0 || target >= items.length) return;
    const next = [...items];
    const [moved] = next.splice(index, 1);
    next.splice(target, 0, moved);
    onChange(next);
  };
  return (
    <fieldset className="item-list" aria-invalid={problems.length > 0}>
      <legend>{label}</legend>
      {items.length > 0 ? (
        <div className="item-list__head" aria-hidden="true">
          <span>{keyLabel}</span>
          <span>Label</span>
        </div>
      ) : null}
      {items.map((item, index) => {
        const key = keyOf(item, keyKind);
        return (
          <div className="item-list__row" key={index}>
            <input
              aria-label={`${label} ${String(index + 1)} ${keyLabel.toLowerCase()}`}
              value={key}
              onChange={(event) => update(index, withKey(item, keyKind, typedKey(event.target.value, item, keyKind)))}
            />
            <input
              aria-label={`${label} ${String(index + 1)} label`}
              value={labelOf(item, keyKind)}
              placeholder={key}
              onChange={(event) => update(index, withLabel(item, keyKind, event.target.value))}
            />
            <button
              type="button"
              className="icon-button"
              aria-label={`Move ${label.toLowerCase()} ${String(index + 1)} up`}
              disabled={index === 0}
              onClick={() => move(index, -1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={`Move ${label.toLowerCase()} ${String(index + 1)} down`}
              disabled={index === items.length - 1}
              onClick={() => move(index, 1)}
            >
              ↓
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove ${label.toLowerCase()} ${String(index + 1)}`}
              onClick={() => onChange(items.filter((_item, at) => at !== index))}
            >
              ×
            </button>
          </div>
        );
      })}
      <SmallButton
        id={`${id}-add`}
        onClick={() => {
          const key = nextKey(items, keyKind);
          onChange([...items, keyKind === 'value' ? { value: key, text: newLabel } : { name: key, title: newLabel }]);
        }}
      >
        Add {label.toLowerCase().replace(/s$/, '')}
      </SmallButton>
      <ProblemMessages problems={problems} />
    </fieldset>
  );
}

import type { InputHTMLAttributes, ReactNode } from 'react';

import { Field } from './field';
import { describedBy, FieldErrorText } from './field-error-text';

interface InputFieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'value' | 'onChange' | 'aria-describedby'
> {
  id: string;
  label: ReactNode;
  value: string;
  /** The new value, with the input itself for custom validity. */
  onValue: (value: string, input: HTMLInputElement) => void;
  /** Shown under the input and read with it (id `<id>-hint`). */
  hint?: ReactNode;
  /** The failed call whose problems with `field` are shown beside the input (id `<id>-error`). */
  error?: unknown;
  /** The field's path as the server names it. */
  field?: string;
}

/** A labelled text input in the form layout, with its hint and the server's problems with it. */
export function InputField({ id, label, value, onValue, hint, error, field, ...input }: InputFieldProps) {
  const hintIds = hint === undefined ? [] : [`${id}-hint`];
  const described =
    field === undefined
      ? hintIds.length === 0
        ? undefined
        : hintIds.join(' ')
      : describedBy(error, field, `${id}-error`, ...hintIds);
  return (
    <Field id={id} label={label}>
      <input
        {...input}
        id={id}
        value={value}
        aria-describedby={described}
        onChange={(event) => {
          onValue(event.target.value, event.target);
        }}
      />
      {hint === undefined ? null : (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {field === undefined ? null : <FieldErrorText error={error} field={field} id={`${id}-error`} />}
    </Field>
  );
}

import { useId, type ReactNode } from 'react';

interface FieldProps {
  label: string;
  problems?: string[];
  hint?: ReactNode;
}

/** The builder's problems with one field or fieldset, one message a line, under what they are about. */
export function ProblemMessages({ problems }: { problems: readonly string[] | undefined }) {
  return (
    <>
      {(problems ?? []).map((message) => (
        <p key={message} className="field__error">
          {message}
        </p>
      ))}
    </>
  );
}

export function TextField({
  label,
  value,
  onChange,
  problems,
  hint,
  multiline = false,
}: FieldProps & { value: string; onChange: (value: string) => void; multiline?: boolean }) {
  const id = useId();
  const invalid = (problems ?? []).length > 0;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea id={id} value={value} aria-invalid={invalid} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input id={id} value={value} aria-invalid={invalid} onChange={(event) => onChange(event.target.value)} />
      )}
      {hint === undefined ? null : <span className="field__hint">{hint}</span>}
      <ProblemMessages problems={problems} />
    </div>
  );
}

/** A number, or nothing (the property is then left out). */
export function NumberField({
  label,
  value,
  onChange,
  problems,
  hint,
}: FieldProps & { value: unknown; onChange: (value: number | undefined) => void }) {
  const id = useId();
  return (
    <div className="field field--narrow">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        value={typeof value === 'number' ? String(value) : ''}
        aria-invalid={(problems ?? []).length > 0}
        onChange={(event) => onChange(event.target.value === '' ? undefined : Number(event.target.value))}
      />
      {hint === undefined ? null : <span className="field__hint">{hint}</span>}
      <ProblemMessages problems={problems} />
    </div>
  );
}

export function CheckboxField({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const id = useId();
  return (
    <div className="field field--checkbox">
      <input id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

export function SelectField({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="field field--narrow">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

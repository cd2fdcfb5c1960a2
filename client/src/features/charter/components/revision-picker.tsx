import { useId } from 'react';

export function RevisionPicker({
  label,
  head,
  value,
  onChange,
}: {
  label: string;
  head: number;
  value: number;
  onChange: (value: number) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="select--compact"
        value={value}
        onChange={(event) => onChange(Number(event.target.value))}
      >
        {Array.from({ length: head }, (_v, index) => head - index).map((number) => (
          <option key={number} value={number}>
            Revision {number}
          </option>
        ))}
      </select>
    </div>
  );
}

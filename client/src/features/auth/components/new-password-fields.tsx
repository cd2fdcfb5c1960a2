import { useState } from 'react';

export const MIN_PASSWORD_LENGTH = 12;

interface NewPasswordFieldsProps {
  idPrefix: string;
  value: string;
  onChange: (value: string) => void;
}

/** The new password typed twice; the second field tells the browser when they differ. */
export function NewPasswordFields({ idPrefix, value, onChange }: NewPasswordFieldsProps) {
  const [repeated, setRepeated] = useState('');
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-new`}>New password</label>
        <input
          id={`${idPrefix}-new`}
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          maxLength={1024}
          aria-describedby={`${idPrefix}-hint`}
          value={value}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        />
        <p id={`${idPrefix}-hint`} className="field__hint">
          At least {MIN_PASSWORD_LENGTH} characters.
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-repeat`}>Repeat the new password</label>
        <input
          id={`${idPrefix}-repeat`}
          type="password"
          autoComplete="new-password"
          required
          value={repeated}
          onChange={(event) => {
            setRepeated(event.target.value);
            event.target.setCustomValidity(event.target.value === value ? '' : 'The two passwords differ.');
          }}
        />
      </div>
    </>
  );
}

import { useState } from 'react';

import { InputField } from '@/components/input-field';

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
      <InputField
        id={`${idPrefix}-new`}
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        maxLength={1024}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        value={value}
        onValue={onChange}
      />
      <InputField
        id={`${idPrefix}-repeat`}
        label="Repeat the new password"
        type="password"
        autoComplete="new-password"
        required
        value={repeated}
        onValue={(text, input) => {
          setRepeated(text);
          input.setCustomValidity(text === value ? '' : 'The two passwords differ.');
        }}
      />
    </>
  );
}

import { useState } from 'react';

import { InputField } from '@/components/input-field';

export const MIN_PASSWORD_LENGTH = 12;

/** Both fields take a new password: hidden while typed, offered to password managers, required. */
const NEW_PASSWORD_INPUT = { type: 'password', autoComplete: 'new-password', required: true } as const;

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
        {...NEW_PASSWORD_INPUT}
        minLength={MIN_PASSWORD_LENGTH}
        maxLength={1024}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        value={value}
        onValue={onChange}
      />
      <InputField
        id={`${idPrefix}-repeat`}
        label="Repeat the new password"
        {...NEW_PASSWORD_INPUT}
        value={repeated}
        onValue={(text, input) => {
          setRepeated(text);
          input.setCustomValidity(text === value ? '' : 'The two passwords differ.');
        }}
      />
    </>
  );
}

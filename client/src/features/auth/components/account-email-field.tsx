import { InputField } from '@/components/input-field';

interface AccountEmailFieldProps {
  id: string;
  /** The form field's name, where the form is also posted by password managers. */
  name?: string;
  value: string;
  onValue: (value: string) => void;
}

/** The e-mail address that names an account when signed out; password managers fill it in as the user name. */
export function AccountEmailField({ id, name, value, onValue }: AccountEmailFieldProps) {
  return (
    <InputField
      id={id}
      label="E-mail"
      name={name}
      type="email"
      autoComplete="username"
      required
      value={value}
      onValue={onValue}
    />
  );
}

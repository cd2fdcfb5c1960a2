import { useId, useState, type SubmitEvent } from 'react';

import type { StaffRole, UserDto } from '@concord/shared';
import { STAFF_ROLES } from '@concord/shared/auth/roles';

import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/field';
import { describedBy, FieldErrorText } from '@/components/field-error-text';
import { InputField } from '@/components/input-field';
import { roleLabel } from '@/lib/roles';

import { useCreateUser } from '../api/create-user';

interface FormValues {
  name: string;
  email: string;
  role: StaffRole;
  password: string;
}

/** The fields whose server-side problems show beside their inputs. */
const FORM_FIELDS = ['name', 'email', 'role', 'password'] as const;

const EMPTY_FORM: FormValues = { name: '', email: '', role: 'secretariat', password: '' };

export function CreateUserForm() {
  const createUser = useCreateUser();
  const [values, setValues] = useState<FormValues>(EMPTY_FORM);
  const [added, setAdded] = useState<UserDto | null>(null);
  const id = useId();

  function update<K extends keyof FormValues>(key: K, value: FormValues[K]) {
    setValues((current) => ({ ...current, [key]: value }));
  }

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setAdded(null);
    createUser.mutate(
      { name: values.name.trim(), email: values.email.trim(), role: values.role, password: values.password },
      {
        onSuccess: (user) => {
          setValues(EMPTY_FORM);
          setAdded(user);
        },
      },
    );
  }

  return (
    <section className="panel stack" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Add user</h2>
      <form className="stack" onSubmit={handleSubmit}>
        <div className="form-grid">
          <InputField
            id={`${id}-name`}
            label="Name"
            name="name"
            error={createUser.error}
            field="name"
            autoComplete="off"
            required
            value={values.name}
            onValue={(text) => update('name', text)}
          />
          <InputField
            id={`${id}-email`}
            label="E-mail"
            name="email"
            error={createUser.error}
            field="email"
            type="email"
            autoComplete="off"
            required
            value={values.email}
            onValue={(text) => update('email', text)}
          />
          <Field id={`${id}-role`} label="Role">
            <select
              id={`${id}-role`}
              name="role"
              aria-describedby={describedBy(createUser.error, 'role', `${id}-role-error`)}
              value={values.role}
              onChange={(event) => {
                update('role', event.target.value as StaffRole);
              }}
            >
              {STAFF_ROLES.map((role) => (
                <option key={role} value={role}>
                  {roleLabel(role)}
                </option>
              ))}
            </select>
            <FieldErrorText error={createUser.error} field="role" id={`${id}-role-error`} />
          </Field>
          <InputField
            id={`${id}-password`}
            label="Password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            error={createUser.error}
            field="password"
            hint="Their first password; pass it on through a safe channel."
            value={values.password}
            onValue={(text) => update('password', text)}
          />
        </div>
        <ErrorAlert error={createUser.error} title="Could not add the user" fieldsShownBeside={FORM_FIELDS} />
        {added ? (
          <p className="alert alert--success" role="status">
            Added {added.name} ({added.email}) as {roleLabel(added.role)}.
          </p>
        ) : null}
        <div>
          <button type="submit" className="button button--primary" disabled={createUser.isPending}>
            Add user
          </button>
        </div>
      </form>
    </section>
  );
}

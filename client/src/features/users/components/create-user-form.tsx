import { useId, useState, type SubmitEvent } from 'react';

import type { StaffRole, UserDto } from '@concord/shared';
import { STAFF_ROLES } from '@concord/shared/auth/roles';

import { ErrorAlert } from '@/components/error-alert';
import { describedBy, FieldErrorText } from '@/components/field-error-text';
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
          <div className="field">
            <label htmlFor={`${id}-name`}>Name</label>
            <input
              id={`${id}-name`}
              name="name"
              aria-describedby={describedBy(createUser.error, 'name', `${id}-name-error`)}
              autoComplete="off"
              required
              value={values.name}
              onChange={(event) => {
                update('name', event.target.value);
              }}
            />
            <FieldErrorText error={createUser.error} field="name" id={`${id}-name-error`} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-email`}>E-mail</label>
            <input
              id={`${id}-email`}
              name="email"
              aria-describedby={describedBy(createUser.error, 'email', `${id}-email-error`)}
              type="email"
              autoComplete="off"
              required
              value={values.email}
              onChange={(event) => {
                update('email', event.target.value);
              }}
            />
            <FieldErrorText error={createUser.error} field="email" id={`${id}-email-error`} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-role`}>Role</label>
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
          </div>
          <div className="field">
            <label htmlFor={`${id}-password`}>Password</label>
            <input
              id={`${id}-password`}
              name="password"
              type="password"
              autoComplete="new-password"
              required
              aria-describedby={describedBy(
                createUser.error,
                'password',
                `${id}-password-error`,
                `${id}-password-hint`,
              )}
              value={values.password}
              onChange={(event) => {
                update('password', event.target.value);
              }}
            />
            <p id={`${id}-password-hint`} className="field__hint">
              Their first password; pass it on through a safe channel.
            </p>
            <FieldErrorText error={createUser.error} field="password" id={`${id}-password-error`} />
          </div>
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

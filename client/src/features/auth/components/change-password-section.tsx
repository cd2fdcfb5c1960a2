import { useState, type SubmitEvent } from 'react';

import { ErrorAlert } from '@/components/error-alert';
import { InputField } from '@/components/input-field';

import { useChangePassword } from '../api/change-password';

import { NewPasswordFields } from './new-password-fields';

export function ChangePasswordSection() {
  const changePassword = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [formKey, setFormKey] = useState(0);

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    changePassword.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrentPassword('');
          setNewPassword('');
          // A fresh form also clears the repeated password.
          setFormKey((key) => key + 1);
        },
      },
    );
  }

  return (
    <section className="panel stack" aria-labelledby="password-heading">
      <h2 id="password-heading">Password</h2>
      <p>Changing your password signs you out everywhere else; this browser stays signed in.</p>
      <form key={formKey} className="stack" onSubmit={handleSubmit}>
        <InputField
          id="password-current"
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          value={currentPassword}
          onValue={setCurrentPassword}
        />
        <NewPasswordFields idPrefix="password" value={newPassword} onChange={setNewPassword} />
        <ErrorAlert error={changePassword.error} title="Could not change the password" />
        {changePassword.isSuccess ? (
          <p className="alert alert--success" role="status">
            Your password was changed. Your other sessions have ended.
          </p>
        ) : null}
        <div>
          <button type="submit" className="button button--primary" disabled={changePassword.isPending}>
            Change password
          </button>
        </div>
      </form>
    </section>
  );
}

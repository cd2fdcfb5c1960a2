import { useState, useSyncExternalStore, type SubmitEvent } from 'react';
import { Link } from 'react-router';

import { ErrorAlert } from '@/components/error-alert';
import { useDocumentTitle } from '@/hooks/use-document-title';

import { useConfirmPasswordReset } from '../api/confirm-password-reset';
import { useRequestPasswordReset } from '../api/request-password-reset';

import { AccountEmailField } from './account-email-field';
import { AuthCard } from './auth-card';
import { NewPasswordFields } from './new-password-fields';

import './auth.css';

/** The link in the e-mail carries its secret in the fragment, which browsers never send to a server. */
function tokenFromFragment(): string | null {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
  return token === null || token === '' ? null : token;
}

function subscribeToHash(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
  };
}

export function ResetPasswordPage() {
  useDocumentTitle('Reset your password');
  // Follows the fragment, so a link opened in a tab already showing this page is picked up too.
  const token = useSyncExternalStore(subscribeToHash, tokenFromFragment);
  return (
    <AuthCard stacked>
      {token === null ? <RequestLinkForm /> : <ChooseNewPasswordForm token={token} />}
      <p>
        <Link to="/login">Back to sign in</Link>
      </p>
    </AuthCard>
  );
}

function RequestLinkForm() {
  const requestReset = useRequestPasswordReset();
  const [email, setEmail] = useState('');

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    requestReset.mutate(email.trim());
  }

  if (requestReset.isSuccess) {
    return (
      <>
        <h1>Check your e-mail</h1>
        <p role="status">
          If <strong>{email.trim()}</strong> belongs to a Concord account, a link to choose a new password is on its
          way. The link works once, within one hour.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Forgotten password</h1>
      <p className="muted">Enter the e-mail address of your account and we will send you a link.</p>
      <form className="stack" onSubmit={handleSubmit}>
        <AccountEmailField id="reset-email" value={email} onValue={setEmail} />
        <ErrorAlert error={requestReset.error} />
        <button type="submit" className="button button--primary button--block" disabled={requestReset.isPending}>
          Send the link
        </button>
      </form>
    </>
  );
}

function ChooseNewPasswordForm({ token }: { token: string }) {
  const confirmReset = useConfirmPasswordReset();
  const [newPassword, setNewPassword] = useState('');

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    confirmReset.mutate(
      { token, newPassword },
      {
        onSuccess: () => {
          // The secret has been used; keep it out of the address bar and the history.
          window.history.replaceState(null, '', window.location.pathname);
        },
      },
    );
  }

  if (confirmReset.isSuccess) {
    return (
      <>
        <h1>Password changed</h1>
        <p role="status">Your new password is set and every earlier session has ended. Sign in with it now.</p>
      </>
    );
  }
  return (
    <>
      <h1>Choose a new password</h1>
      <form className="stack" onSubmit={handleSubmit}>
        <NewPasswordFields idPrefix="reset" value={newPassword} onChange={setNewPassword} />
        <ErrorAlert error={confirmReset.error} title="Could not set the password" />
        <button type="submit" className="button button--primary button--block" disabled={confirmReset.isPending}>
          Set the new password
        </button>
      </form>
    </>
  );
}

import { useState, type SubmitEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';

import { ErrorAlert } from '@/components/error-alert';
import { InputField } from '@/components/input-field';
import { isApiError } from '@/lib/api-client';
import { Loading } from '@/components/loading';
import { useDocumentTitle } from '@/hooks/use-document-title';

import { useLogin } from '../api/login';
import { useMe } from '../api/get-me';
import { useOidcInfo } from '../api/oidc';
import { redirectTargetFrom } from '../utils/login-redirect';

import { AccountEmailField } from './account-email-field';
import { AuthCard } from './auth-card';

import './auth.css';

export function LoginPage() {
  useDocumentTitle('Sign in');
  const [searchParams] = useSearchParams();
  const redirectTo = redirectTargetFrom(searchParams);
  const me = useMe();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const oidc = useOidcInfo();
  // The server asked for the second factor (or refused one): the code field stays from then on.
  const [codeAsked, setCodeAsked] = useState(false);
  const askingForCode =
    codeAsked || (login.error !== null && isApiError(login.error, 401) && login.error.code === 'totp_required');
  const ssoError = searchParams.get('sso_error');

  // Signed in already, or just now: useLogin puts the user into the session query. A role that
  // must use two-factor sign-in goes to the Account page to set it up first.
  if (me.data) return <Navigate to={login.data?.totpEnrolmentRequired ? '/account' : redirectTo} replace />;
  if (me.isPending) return <Loading label="Checking your session…" fullPage />;

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (askingForCode) setCodeAsked(true);
    login.mutate({ email: email.trim(), password, ...(askingForCode ? { totp: totp.trim() } : {}) });
  }

  return (
    <AuthCard>
      <h1>Sign in to Concord</h1>
      <p className="muted">For secretariat, drafting committee and administrator accounts.</p>
      <form className="stack" onSubmit={handleSubmit}>
        <AccountEmailField id="login-email" name="email" value={email} onValue={setEmail} />
        <InputField
          id="login-password"
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onValue={setPassword}
        />
        {askingForCode ? (
          <InputField
            id="login-totp"
            label="Code from your authenticator app (or a recovery code)"
            name="totp"
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            autoFocus
            value={totp}
            onValue={setTotp}
          />
        ) : null}
        {login.error !== null && isApiError(login.error, 401) && login.error.code === 'totp_required' ? (
          <p className="muted" role="status">
            This account uses two-factor sign-in: enter the code your authenticator app shows.
          </p>
        ) : (
          <ErrorAlert error={login.error} />
        )}
        <button type="submit" className="button button--primary button--block" disabled={login.isPending}>
          Sign in
        </button>
        {login.isPending ? (
          <p className="muted" role="status">
            Signing in…
          </p>
        ) : null}
      </form>
      {oidc.data?.enabled ? (
        <div className="stack">
          <a
            className="button button--secondary button--block"
            href={`/api/auth/oidc/login?${new URLSearchParams({ returnTo: redirectTo }).toString()}`}
          >
            Sign in with {oidc.data.name}
          </a>
        </div>
      ) : null}
      {ssoError ? (
        <p className="alert alert--error" role="alert">
          {ssoErrorMessage(ssoError)}
        </p>
      ) : null}
      <p>
        <Link to="/reset-password">Forgotten your password?</Link>
      </p>
    </AuthCard>
  );
}

/** Why single sign-on sent the user back here (`?sso_error=` from the server's callback). */
function ssoErrorMessage(code: string): string {
  switch (code) {
    case 'role_unmapped':
      return 'Your single sign-on account has no role in Concord. Ask an administrator to give you one.';
    case 'disabled':
      return 'Your Concord account is disabled.';
    case 'no_email':
      return 'Your single sign-on account has no verified e-mail address, so Concord cannot tell who you are.';
    default:
      return 'Single sign-on did not complete. Please try again.';
  }
}

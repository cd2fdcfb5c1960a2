import { useState, type SubmitEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';

import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { useDocumentTitle } from '@/hooks/use-document-title';

import { useLogin } from '../api/login';
import { useMe } from '../api/get-me';
import { redirectTargetFrom } from '../utils/login-redirect';

import './auth.css';

export function LoginPage() {
  useDocumentTitle('Sign in');
  const [searchParams] = useSearchParams();
  const redirectTo = redirectTargetFrom(searchParams);
  const me = useMe();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  // Signed in already, or just now: useLogin puts the user into the session query.
  if (me.data) return <Navigate to={redirectTo} replace />;
  if (me.isPending) return <Loading label="Checking your session…" fullPage />;

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    login.mutate({ email: email.trim(), password });
  }

  return (
    <main className="auth-page">
      <div className="auth-card">
        <p className="auth-card__brand" aria-hidden="true">
          Concord
        </p>
        <h1>Sign in to Concord</h1>
        <p className="muted">For secretariat, drafting committee and administrator accounts.</p>
        <form className="stack" onSubmit={handleSubmit}>
          <div className="field">
            <label htmlFor="login-email">E-mail</label>
            <input
              id="login-email"
              name="email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => {
                setEmail(event.target.value);
              }}
            />
          </div>
          <div className="field">
            <label htmlFor="login-password">Password</label>
            <input
              id="login-password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => {
                setPassword(event.target.value);
              }}
            />
          </div>
          <ErrorAlert error={login.error} />
          <button type="submit" className="button button--primary button--block" disabled={login.isPending}>
            Sign in
          </button>
          {login.isPending ? (
            <p className="muted" role="status">
              Signing in…
            </p>
          ) : null}
        </form>
        <p>
          <Link to="/reset-password">Forgotten your password?</Link>
        </p>
      </div>
    </main>
  );
}

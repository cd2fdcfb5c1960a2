import { Navigate, useLocation } from 'react-router';

import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { useMe } from '@/features/auth/api/get-me';
import { loginPath } from '@/features/auth/utils/login-redirect';
import { CurrentUserContext } from '@/lib/current-user';

import { AppLayout } from './layout/app-layout';

/** The signed-in part of the app: sends visitors without a session to /login, and back here afterwards. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();

  // A failed background refetch keeps the last known user: do not throw someone out over a blip.
  if (me.data) {
    return (
      <CurrentUserContext value={me.data}>
        <AppLayout user={me.data} />
      </CurrentUserContext>
    );
  }
  if (me.data === null) return <Navigate to={loginPath(location)} replace />;
  if (me.isError) {
    return (
      <main className="app-main app-main--centered">
        <h1>Concord is not available</h1>
        <ErrorAlert error={me.error} />
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            void me.refetch();
          }}
        >
          Try again
        </button>
      </main>
    );
  }
  return <Loading label="Checking your session…" fullPage />;
}

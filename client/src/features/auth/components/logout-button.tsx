import { errorMessage } from '@/components/error-alert';

import { useLogout } from '../api/logout';

export function LogoutButton() {
  const logout = useLogout();
  return (
    <>
      <button
        type="button"
        className="button button--on-dark"
        disabled={logout.isPending}
        onClick={() => {
          logout.mutate();
        }}
      >
        Log out
      </button>
      {logout.error ? (
        <span className="header-error" role="alert">
          Could not log out: {errorMessage(logout.error)}
        </span>
      ) : null}
    </>
  );
}

import type { ReactNode } from 'react';

/** The page around the signed-out forms (sign in, reset the password): one card under the product's name. */
export function AuthCard({ stacked = false, children }: { stacked?: boolean; children: ReactNode }) {
  return (
    <main className="auth-page">
      <div className={stacked ? 'auth-card stack' : 'auth-card'}>
        <p className="auth-card__brand" aria-hidden="true">
          Concord
        </p>
        {children}
      </div>
    </main>
  );
}

import { useDocumentTitle } from '@/hooks/use-document-title';
import { useCurrentUser } from '@/lib/current-user';
import { roleLabel } from '@/lib/roles';
import { formatDateTime } from '@/utils/format';

import { ApiTokensSection } from './api-tokens-section';
import { ChangePasswordSection } from './change-password-section';
import { TwoFactorSection } from './two-factor-section';

import './auth.css';

export function AccountPage() {
  useDocumentTitle('Account');
  const user = useCurrentUser();
  return (
    <>
      <h1>Account</h1>
      <section className="panel" aria-labelledby="profile-heading">
        <h2 id="profile-heading">Profile</h2>
        <dl className="definition-list">
          <dt>Name</dt>
          <dd>{user.name}</dd>
          <dt>E-mail</dt>
          <dd>{user.email}</dd>
          <dt>Role</dt>
          <dd>{roleLabel(user.role)}</dd>
          {user.createdAt ? (
            <>
              <dt>Member since</dt>
              <dd>
                <time dateTime={user.createdAt}>{formatDateTime(user.createdAt)}</time>
              </dd>
            </>
          ) : null}
        </dl>
      </section>
      <ChangePasswordSection />
      <TwoFactorSection />
      <ApiTokensSection />
    </>
  );
}

import { useDocumentTitle } from '@/hooks/use-document-title';

import { CreateUserForm } from './create-user-form';
import { DemoDataPanel } from './demo-data-panel';
import { UserCredentialsPanel } from './user-credentials-panel';
import { TotpPolicyPanel } from './totp-policy-panel';
import { UsersTable } from './users-table';

export function UsersPage() {
  useDocumentTitle('Users');
  return (
    <>
      <h1>Users</h1>
      <p className="muted">Staff accounts. Network members answer through links and have no account.</p>
      <UsersTable />
      <CreateUserForm />
      <UserCredentialsPanel />
      <TotpPolicyPanel />
      <DemoDataPanel />
    </>
  );
}

import type { ReactNode } from 'react';
import { Link } from 'react-router';

import { useDocumentTitle } from '@/hooks/use-document-title';
import { useCurrentUser } from '@/lib/current-user';

import { canOpen, type Section } from './navigation';

interface RequireRoleProps {
  section: Section;
  children: ReactNode;
}

/** Hides a section from roles that may not open it. The server enforces the same rule with 403. */
export function RequireRole({ section, children }: RequireRoleProps) {
  const user = useCurrentUser();
  if (canOpen(user.role, section)) return children;
  return <Forbidden />;
}

function Forbidden() {
  useDocumentTitle('Not allowed');
  return (
    <>
      <h1>You do not have access to this page</h1>
      <p>Your role does not include this section. Ask an administrator if you need it.</p>
      <p>
        <Link to="/">Back to the dashboard</Link>
      </p>
    </>
  );
}

import type { StaffRole, UserDto } from '@concord/shared';
import { STAFF_ROLES } from '@concord/shared/auth/roles';

import { DataTable } from '@/components/data-table';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { useCurrentUser } from '@/lib/current-user';
import { roleLabel } from '@/lib/roles';
import { formatDateTime } from '@/utils/format';

import { useUsers } from '../api/get-users';
import { useUpdateUser } from '../api/update-user';

export function UsersTable() {
  const users = useUsers();
  const currentUser = useCurrentUser();

  if (users.isPending) return <Loading label="Loading users…" />;
  if (users.isError) return <ErrorAlert error={users.error} title="Could not load the users" />;
  if (users.data.length === 0) return <p className="muted">There are no users yet.</p>;

  return (
    <DataTable
      label="Users"
      caption="Staff accounts"
      columns={[
        'Name',
        'E-mail',
        'Role',
        'Status',
        'Created',
        { label: <span className="visually-hidden">Actions</span> },
      ]}
    >
      {users.data.map((user) => (
        <UserRow key={user.id} user={user} isCurrentUser={user.id === currentUser.id} />
      ))}
    </DataTable>
  );
}

interface UserRowProps {
  user: UserDto;
  /** Admins may not demote or disable themselves here: that could lock the last admin out. */
  isCurrentUser: boolean;
}

function UserRow({ user, isCurrentUser }: UserRowProps) {
  const updateUser = useUpdateUser();
  const pendingRole = updateUser.isPending ? updateUser.variables.data.role : undefined;
  const roleSelectId = `user-role-${user.id}`;

  return (
    <tr className={user.disabled ? 'is-disabled' : undefined}>
      <th scope="row">
        {user.name}
        {isCurrentUser ? <span className="muted"> (you)</span> : null}
      </th>
      <td>{user.email}</td>
      <td>
        <label htmlFor={roleSelectId} className="visually-hidden">
          Role of {user.name}
        </label>
        <select
          id={roleSelectId}
          className="select--compact"
          value={pendingRole ?? user.role}
          disabled={isCurrentUser || updateUser.isPending}
          onChange={(event) => {
            updateUser.mutate({ userId: user.id, data: { role: event.target.value as StaffRole } });
          }}
        >
          {STAFF_ROLES.map((role) => (
            <option key={role} value={role}>
              {roleLabel(role)}
            </option>
          ))}
        </select>
      </td>
      <td>
        {user.disabled ? (
          <span className="badge badge--muted">Disabled</span>
        ) : (
          <span className="badge badge--success">Active</span>
        )}
      </td>
      <td>
        <time dateTime={user.createdAt}>{formatDateTime(user.createdAt)}</time>
      </td>
      <td className="data-table__actions">
        <button
          type="button"
          className={user.disabled ? 'button button--secondary button--small' : 'button button--danger button--small'}
          disabled={isCurrentUser || updateUser.isPending}
          aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.name}`}
          onClick={() => {
            updateUser.mutate({ userId: user.id, data: { disabled: !user.disabled } });
          }}
        >
          {user.disabled ? 'Enable' : 'Disable'}
        </button>
        <ErrorAlert error={updateUser.error} title={`Could not update ${user.name}`} className="alert--inline" />
      </td>
    </tr>
  );
}

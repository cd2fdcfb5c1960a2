import { useState } from 'react';

import type { UserDto } from '@concord/shared';

import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/field';
import { InputField } from '@/components/input-field';
import { TokenRow, TokenTable } from '@/components/token-use-cells';
import { Loading } from '@/components/loading';
import { MutationForm } from '@/components/mutation-form';

import { useUsers } from '../api/get-users';
import { useResetUserTotp } from '../api/totp-policy';
import { useUpdateUser } from '../api/update-user';
import { useRevokeUserToken, useUserTokens } from '../api/user-tokens';

/** An admin resets a user's password and sees and revokes the user's API tokens. */
export function UserCredentialsPanel() {
  const users = useUsers();
  const [userId, setUserId] = useState('');
  const selected = users.data?.find((user) => user.id === userId);
  return (
    <section className="panel stack" aria-labelledby="credentials-heading">
      <h2 id="credentials-heading">Passwords and API tokens</h2>
      <p>
        Resetting a password or disabling an account ends every session of that user and revokes all of their API tokens
        for good.
      </p>
      <Field id="credentials-user" label="User">
        <select
          id="credentials-user"
          value={userId}
          onChange={(event) => {
            setUserId(event.target.value);
          }}
        >
          <option value="">Choose a user…</option>
          {users.data?.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name} ({user.email})
            </option>
          ))}
        </select>
      </Field>
      {selected ? <UserCredentials key={selected.id} user={selected} /> : null}
    </section>
  );
}

function UserCredentials({ user }: { user: UserDto }) {
  const updateUser = useUpdateUser();
  const [password, setPassword] = useState('');

  return (
    <>
      <MutationForm
        layout="inline"
        mutation={updateUser}
        onSubmit={() => {
          updateUser.mutate({ userId: user.id, data: { password } }, { onSuccess: () => setPassword('') });
        }}
        submitLabel="Reset password"
        submitClassName="button--danger"
        errorTitle="Could not reset the password"
      >
        <InputField
          id="credentials-password"
          label={`New password for ${user.name}`}
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          maxLength={1024}
          value={password}
          onValue={setPassword}
        />
      </MutationForm>
      {updateUser.isSuccess ? (
        <p className="alert alert--success" role="status">
          The password of {user.name} was reset; their sessions ended and their API tokens were revoked.
        </p>
      ) : null}
      <ResetTotpButton user={user} />
      <UserTokensTable user={user} />
    </>
  );
}

/** For a user who lost both their phone and their recovery codes. */
function ResetTotpButton({ user }: { user: UserDto }) {
  const reset = useResetUserTotp();
  return (
    <div className="stack">
      <div>
        <button
          type="button"
          className="button"
          disabled={reset.isPending}
          onClick={() => {
            reset.mutate(user.id);
          }}
        >
          Turn off two-factor sign-in of {user.name}
        </button>
      </div>
      <ErrorAlert error={reset.error} title="Could not turn off two-factor sign-in" />
      {reset.isSuccess ? (
        <p className="alert alert--success" role="status">
          Two-factor sign-in of {user.name} is off; they sign in with their password and may set it up again.
        </p>
      ) : null}
    </div>
  );
}

function UserTokensTable({ user }: { user: UserDto }) {
  const tokens = useUserTokens(user.id);
  const revoke = useRevokeUserToken();

  if (tokens.isPending) return <Loading label="Loading API tokens…" />;
  if (tokens.isError) return <ErrorAlert error={tokens.error} title="Could not load the API tokens" />;
  if (tokens.data.length === 0) return <p className="muted">{user.name} has no API tokens.</p>;
  return (
    <TokenTable label={`API tokens of ${user.name}`} caption={`API tokens of ${user.name}`}>
      {tokens.data.map((token) => (
        <TokenRow
          key={token.id}
          token={token}
          revokeLabel={`Revoke token ${token.name} of ${user.name}`}
          revoking={revoke.isPending}
          onRevoke={() => {
            revoke.mutate({ userId: user.id, tokenId: token.id });
          }}
        />
      ))}
    </TokenTable>
  );
}

import { useEffect, useRef, useState } from 'react';

import type { ApiTokenCreated, ApiTokenDto } from '@concord/shared';

import { CopyButton } from '@/components/copy-button';
import { ErrorAlert } from '@/components/error-alert';
import { InputField } from '@/components/input-field';
import { TokenRow, TokenTable } from '@/components/token-use-cells';
import { Loading } from '@/components/loading';
import { MutationForm } from '@/components/mutation-form';

import { useCreateApiToken } from '../api/create-api-token';
import { useApiTokens } from '../api/get-api-tokens';
import { useRevokeApiToken } from '../api/revoke-api-token';

export function ApiTokensSection() {
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);
  return (
    <section className="panel stack" aria-labelledby="api-tokens-heading">
      <h2 id="api-tokens-heading">API tokens</h2>
      <p>
        A personal API token lets a script call the Concord API as you, with the header{' '}
        <code>Authorization: Bearer &lt;token&gt;</code>. Revoke a token as soon as it is no longer needed.
      </p>
      {created ? (
        <CreatedTokenNotice
          token={created}
          onDismiss={() => {
            setCreated(null);
          }}
        />
      ) : (
        <CreateTokenForm onCreated={setCreated} />
      )}
      <TokensTable />
    </section>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (token: ApiTokenCreated) => void }) {
  const createToken = useCreateApiToken();
  const [name, setName] = useState('');

  function handleSubmit() {
    createToken.mutate(
      { name: name.trim() },
      {
        onSuccess: (token) => {
          setName('');
          onCreated(token);
        },
      },
    );
  }

  return (
    <MutationForm
      layout="inline"
      mutation={createToken}
      onSubmit={handleSubmit}
      submitLabel="Create token"
      submitClassName="button--primary"
      errorTitle="Could not create the token"
    >
      <InputField
        id="api-token-name"
        label="Token name"
        name="name"
        required
        maxLength={100}
        placeholder="e.g. Nightly export script"
        value={name}
        onValue={setName}
      />
    </MutationForm>
  );
}

function CreatedTokenNotice({ token, onDismiss }: { token: ApiTokenCreated; onDismiss: () => void }) {
  const valueRef = useRef<HTMLInputElement>(null);
  // The form the user just submitted is gone; put focus (and the selection) on the token instead.
  useEffect(() => {
    valueRef.current?.focus();
  }, []);

  return (
    <div className="alert alert--success stack">
      <p className="alert__message" role="status">
        <strong>Token “{token.name}” created.</strong> Copy it now: it will not be shown again.
      </p>
      <div className="token-reveal">
        <label className="visually-hidden" htmlFor="api-token-value">
          New API token
        </label>
        <input
          id="api-token-value"
          ref={valueRef}
          className="token-reveal__value"
          readOnly
          value={token.token}
          onFocus={(event) => {
            event.currentTarget.select();
          }}
        />
        <CopyButton text={token.token} label="Copy token" />
      </div>
      <div>
        <button type="button" className="button button--secondary" onClick={onDismiss}>
          Done
        </button>
      </div>
    </div>
  );
}

function TokensTable() {
  const tokens = useApiTokens();

  if (tokens.isPending) return <Loading label="Loading API tokens…" />;
  if (tokens.isError) return <ErrorAlert error={tokens.error} title="Could not load your API tokens" />;
  if (tokens.data.length === 0) return <p className="muted">You have no API tokens.</p>;

  return (
    <TokenTable label="API tokens" caption="Your API tokens">
      {tokens.data.map((token) => (
        <RevocableTokenRow key={token.id} token={token} />
      ))}
    </TokenTable>
  );
}

function RevocableTokenRow({ token }: { token: ApiTokenDto }) {
  const revoke = useRevokeApiToken();

  function handleRevoke() {
    const confirmed = window.confirm(
      `Revoke the token “${token.name}”? Scripts that use it will stop working immediately.`,
    );
    if (confirmed) revoke.mutate(token.id);
  }

  return (
    <TokenRow
      token={token}
      revokeLabel={`Revoke token ${token.name}`}
      revoking={revoke.isPending}
      onRevoke={handleRevoke}
    >
      <ErrorAlert error={revoke.error} title="Could not revoke" className="alert--inline" />
    </TokenRow>
  );
}

import type { ApiTokenDto } from '@concord/shared';
import type { ReactNode } from 'react';

import { DataTable } from '@/components/data-table';
import { SmallButton } from '@/components/small-button';
import { formatDateTime } from '@/utils/format';

/** An API token table: name, created, last used and an actions column; `children` are its rows. */
export function TokenTable({ label, caption, children }: { label: string; caption: string; children: ReactNode }) {
  return (
    <DataTable
      label={label}
      caption={caption}
      columns={['Name', 'Created', 'Last used', { label: <span className="visually-hidden">Actions</span> }]}
    >
      {children}
    </DataTable>
  );
}

/** The "created" and "last used" cells of an API token's table row, as every token list shows them. */
export function TokenUseCells({ token }: { token: Pick<ApiTokenDto, 'createdAt' | 'lastUsedAt'> }) {
  return (
    <>
      <td>
        <time dateTime={token.createdAt}>{formatDateTime(token.createdAt)}</time>
      </td>
      <td>
        {token.lastUsedAt ? (
          <time dateTime={token.lastUsedAt}>{formatDateTime(token.lastUsedAt)}</time>
        ) : (
          <span className="muted">Never</span>
        )}
      </td>
    </>
  );
}

/**
 * An API token's table row: its name, its use cells and a Revoke button; `children` follow the
 * button in the actions cell.
 */
export function TokenRow({
  token,
  revokeLabel,
  revoking,
  onRevoke,
  children,
}: {
  token: Pick<ApiTokenDto, 'name' | 'createdAt' | 'lastUsedAt'>;
  /** The button's accessible name, e.g. "Revoke token Nightly". */
  revokeLabel: string;
  revoking: boolean;
  onRevoke: () => void;
  children?: ReactNode;
}) {
  return (
    <tr>
      <th scope="row">{token.name}</th>
      <TokenUseCells token={token} />
      <td className="data-table__actions">
        <SmallButton variant="danger" disabled={revoking} onClick={onRevoke} aria-label={revokeLabel}>
          Revoke
        </SmallButton>
        {children}
      </td>
    </tr>
  );
}

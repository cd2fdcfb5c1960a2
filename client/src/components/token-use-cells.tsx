import type { ApiTokenDto } from '@concord/shared';
import type { ReactNode } from 'react';

import { TableHead } from '@/components/table-head';
import { TableScroll } from '@/components/table-scroll';
import { formatDateTime } from '@/utils/format';

/** An API token table: name, created, last used and an actions column; `children` are its rows. */
export function TokenTable({ label, caption, children }: { label: string; caption: string; children: ReactNode }) {
  return (
    <TableScroll label={label}>
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <TableHead
          columns={['Name', 'Created', 'Last used', { label: <span className="visually-hidden">Actions</span> }]}
        />
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
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

import type { ApiTokenDto } from '@concord/shared';

import { formatDateTime } from '@/utils/format';

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

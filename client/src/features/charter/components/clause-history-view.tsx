import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { SmallButton } from '@/components/small-button';

import { useClauseHistory } from '../api/get-clause-history';

import { MarkdownView } from './markdown-view';

export function ClauseHistoryView({
  charterId,
  clauseId,
  onClose,
}: {
  charterId: string;
  clauseId: string;
  onClose: () => void;
}) {
  const history = useClauseHistory(charterId, clauseId);
  return (
    <aside className="panel charter-side" aria-label="Clause history">
      <h2>
        History of {clauseId} <SmallButton onClick={onClose}>Close</SmallButton>
      </h2>
      {history.isPending ? <Loading /> : null}
      <ErrorAlert error={history.error} />
      <ol className="charter-history">
        {history.data?.map((entry) => (
          <li key={entry.revision}>
            <strong>
              r{entry.revision} · {entry.changes.join(', ')}
            </strong>{' '}
            <span className="muted">
              {entry.author}, {new Date(entry.createdAt).toLocaleString()}: {entry.message}
            </span>
            {entry.body === null ? null : (
              <details>
                <summary>{entry.heading}</summary>
                <MarkdownView body={entry.body} />
              </details>
            )}
          </li>
        ))}
      </ol>
    </aside>
  );
}

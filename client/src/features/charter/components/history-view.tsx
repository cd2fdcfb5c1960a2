import { useState } from 'react';

import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';

import { useRevisions } from '../api/get-revisions';

export function HistoryView({
  charterId,
  onCompare,
}: {
  charterId: string;
  onCompare: (from: number, to: number) => void;
}) {
  const revisions = useRevisions(charterId);
  // Any two revisions: pick one as "from" and one as "to", then compare.
  const [picked, setPicked] = useState<{ from: number | null; to: number | null }>({ from: null, to: null });
  if (revisions.isPending) return <Loading />;
  if (revisions.error) return <ErrorAlert error={revisions.error} />;
  const { from, to } = picked;
  return (
    <div className="stack">
      <p className="inline-form">
        <button
          type="button"
          className="button button--small button--primary"
          disabled={from === null || to === null || from === to}
          onClick={() => {
            if (from !== null && to !== null) onCompare(Math.min(from, to), Math.max(from, to));
          }}
        >
          Compare selected revisions
        </button>
        <span className="muted">Choose a “from” and a “to” revision in the table.</span>
      </p>
      <table className="data-table">
        <thead>
          <tr>
            <th>From</th>
            <th>To</th>
            <th>Revision</th>
            <th>Author</th>
            <th>When</th>
            <th>Message</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {revisions.data.map((revision) => (
            <tr key={revision.number}>
              <td>
                <input
                  type="radio"
                  name="compare-from"
                  aria-label={`From revision ${String(revision.number)}`}
                  checked={from === revision.number}
                  onChange={() => setPicked({ from: revision.number, to })}
                />
              </td>
              <td>
                <input
                  type="radio"
                  name="compare-to"
                  aria-label={`To revision ${String(revision.number)}`}
                  checked={to === revision.number}
                  onChange={() => setPicked({ from, to: revision.number })}
                />
              </td>
              <td className="numeric">
                {revision.number} {revision.merged ? <span className="badge badge--muted">merged</span> : null}
              </td>
              <td>{revision.author.name}</td>
              <td className="nowrap">{new Date(revision.createdAt).toLocaleString()}</td>
              <td>{revision.message}</td>
              <td className="data-table__actions">
                {revision.parent === null ? null : (
                  <button
                    type="button"
                    className="button button--small button--secondary"
                    onClick={() => onCompare(revision.parent ?? 1, revision.number)}
                  >
                    Changes
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

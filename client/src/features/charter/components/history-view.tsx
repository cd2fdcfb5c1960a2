import { useState } from 'react';

import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { SmallButton } from '@/components/small-button';

import { useRevisions } from '../api/get-revisions';

/** The two ends of a comparison, each a column of radio buttons in the revisions table. */
const COMPARED_ENDS = [
  { end: 'from', label: 'From' },
  { end: 'to', label: 'To' },
] as const;

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
        <SmallButton
          variant="primary"
          disabled={from === null || to === null || from === to}
          onClick={() => {
            if (from !== null && to !== null) onCompare(Math.min(from, to), Math.max(from, to));
          }}
        >
          Compare selected revisions
        </SmallButton>
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
              {COMPARED_ENDS.map(({ end, label }) => (
                <td key={end}>
                  <input
                    type="radio"
                    name={`compare-${end}`}
                    aria-label={`${label} revision ${String(revision.number)}`}
                    checked={picked[end] === revision.number}
                    onChange={() => setPicked({ ...picked, [end]: revision.number })}
                  />
                </td>
              ))}
              <td className="numeric">
                {revision.number} {revision.merged ? <span className="badge badge--muted">merged</span> : null}
              </td>
              <td>{revision.author.name}</td>
              <td className="nowrap">{new Date(revision.createdAt).toLocaleString()}</td>
              <td>{revision.message}</td>
              <td className="data-table__actions">
                {revision.parent === null ? null : (
                  <SmallButton onClick={() => onCompare(revision.parent ?? 1, revision.number)}>Changes</SmallButton>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

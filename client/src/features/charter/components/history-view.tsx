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
  if (revisions.isPending) return <Loading />;
  if (revisions.error) return <ErrorAlert error={revisions.error} />;
  return (
    <table className="data-table">
      <thead>
        <tr>
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
  );
}

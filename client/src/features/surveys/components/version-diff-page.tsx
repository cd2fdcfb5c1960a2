import { Link, useParams } from 'react-router';

import type { QuestionChange } from '@concord/shared';

import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { TableScroll } from '@/components/table-scroll';
import { useDocumentTitle } from '@/hooks/use-document-title';

import { useVersionDiff } from '../api/get-version-diff';

function describe(change: QuestionChange): string {
  const parts: string[] = [];
  if (change.fields && change.fields.length > 0) parts.push(`fields: ${change.fields.join(', ')}`);
  if (change.choicesAdded) parts.push(`choices added: ${change.choicesAdded.map(String).join(', ')}`);
  if (change.choicesRemoved) parts.push(`choices removed: ${change.choicesRemoved.map(String).join(', ')}`);
  if (change.choicesRelabelled)
    parts.push(`relabelled: ${change.choicesRelabelled.map((item) => `${item.from} → ${item.to}`).join('; ')}`);
  if (change.movedFrom && change.movedTo) {
    const where = (location: { page: string; panel?: string }) =>
      location.panel ? `${location.page} / ${location.panel}` : location.page;
    parts.push(`moved from ${where(change.movedFrom)} to ${where(change.movedTo)}`);
  }
  return parts.join(' · ');
}

/** `/surveys/:surveyId/diff/:from/:to` — what changed between two versions, question by question. */
export function VersionDiffPage() {
  const { surveyId = '', from = '', to = '' } = useParams();
  const diff = useVersionDiff(surveyId, Number(from), Number(to));
  useDocumentTitle(`Versions ${from} → ${to}`);
  return (
    <>
      <p>
        <Link to={`/surveys/${surveyId}`}>← Version history</Link>
      </p>
      <h1>
        Version {from} → {to}
      </h1>
      {diff.isPending ? <Loading /> : null}
      <ErrorAlert error={diff.error} />
      {diff.data && diff.data.changes.length === 0 ? <p>No question changed.</p> : null}
      {diff.data && diff.data.changes.length > 0 ? (
        <TableScroll label="Changed questions">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col">Change</th>
                <th scope="col">Details</th>
                <th scope="col">Stale translations</th>
              </tr>
            </thead>
            <tbody>
              {diff.data.changes.map((change) => (
                <tr key={`${change.kind}:${change.question}`}>
                  <td>
                    <code>{change.question}</code>
                  </td>
                  <td>
                    <span
                      className={
                        change.kind === 'removed'
                          ? 'badge badge--danger'
                          : change.kind === 'added'
                            ? 'badge badge--success'
                            : 'badge'
                      }
                    >
                      {change.kind}
                    </span>
                  </td>
                  <td>{describe(change)}</td>
                  <td>{change.staleTranslations?.join(', ') ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </>
  );
}

import type { AmendmentDto } from '@concord/shared';

import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';

import { useAmendmentPreview } from '../api/get-amendment-preview';

import { DiffOpsView } from './diff-ops-view';

/** The change the chair's decision applies to the charter (or applied, once accepted). */
export function AmendmentDecisionPreview({ charterId, amendment }: { charterId: string; amendment: AmendmentDto }) {
  const preview = useAmendmentPreview(charterId, amendment.id, amendment.status !== 'rejected');
  if (amendment.status === 'rejected') return null;
  const title =
    amendment.status === 'accepted'
      ? `Applied to revision ${String(preview.data?.head ?? '')}, giving revision ${String(amendment.resultingRevision)}:`
      : `Accepting applies this to revision ${String(preview.data?.head ?? '')} (the latest):`;
  return (
    <section
      className="charter-decision-preview"
      aria-label={`Change applied by amendment ${String(amendment.number)}`}
    >
      {preview.isPending ? <Loading /> : null}
      <ErrorAlert error={preview.error} title="Accepting it now would conflict" />
      {preview.data === undefined ? null : (
        <>
          <p>
            <strong>{title}</strong>
          </p>
          {preview.data.clauses.map((clause) => (
            <div key={clause.id} className="charter-ops">
              <strong>
                {clause.headingOps === undefined ? clause.heading : <DiffOpsView ops={clause.headingOps} />}
              </strong>{' '}
              <span className="badge">{clause.status}</span>
              <br />
              {clause.ops !== undefined ? (
                <DiffOpsView ops={clause.ops} />
              ) : clause.status === 'added' ? (
                <ins>{clause.body}</ins>
              ) : clause.status === 'removed' ? (
                <del>{clause.body}</del>
              ) : null}
            </div>
          ))}
        </>
      )}
    </section>
  );
}

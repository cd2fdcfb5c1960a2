import { useState } from 'react';

import type { AmendmentDto, CharterCommentDto, CharterDocumentDto } from '@concord/shared';

import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/field';
import { InputField } from '@/components/input-field';
import { Loading } from '@/components/loading';
import { SmallButton } from '@/components/small-button';

import { useAddComment } from '../api/add-comment';
import { useChairs } from '../api/get-chairs';
import { useDecideAmendment } from '../api/decide-amendment';
import { useEvidence } from '../api/evidence';
import { useProposeAmendment } from '../api/propose-amendment';
import type { AmendmentRights } from '../utils/amendment-rights';

import { AmendmentDecisionPreview } from './amendment-decision-preview';
import { AmendmentVoices } from './amendment-voices';
import { ChairsPanel } from './chairs-panel';
import { ClauseEvidence } from './clause-evidence';
import { DiffOpsView } from './diff-ops-view';
import { EvidencePicker } from './evidence-picker';

const NEW_CLAUSE = '';

/** A short text and the small button that acts on it, disabled while the text is blank (or while `busy`). */
function TextAction({
  label,
  placeholder,
  value,
  onValue,
  action,
  variant,
  busy = false,
  onAction,
}: {
  label: string;
  placeholder: string;
  value: string;
  onValue: (value: string) => void;
  action: string;
  variant: 'secondary' | 'danger';
  busy?: boolean;
  onAction: () => void;
}) {
  return (
    <>
      <input
        aria-label={label}
        placeholder={placeholder}
        value={value}
        onChange={(event) => onValue(event.target.value)}
      />
      <SmallButton variant={variant} disabled={busy || value.trim() === ''} onClick={onAction}>
        {action}
      </SmallButton>
    </>
  );
}

interface AmendmentCardProps {
  charterId: string;
  amendment: AmendmentDto;
  comments: readonly CharterCommentDto[];
  rights: AmendmentRights;
}

function AmendmentCard({ charterId, amendment, comments, rights }: AmendmentCardProps) {
  const { canWrite, canDecide } = rights;
  const decide = useDecideAmendment(charterId);
  const add = useAddComment(charterId);
  const [reason, setReason] = useState('');
  const [comment, setComment] = useState('');
  const [citing, setCiting] = useState(false);
  const evidence = (useEvidence(charterId).data ?? []).filter((citation) => citation.amendmentId === amendment.id);
  const badge =
    amendment.status === 'accepted' ? 'badge--success' : amendment.status === 'rejected' ? 'badge--danger' : '';
  return (
    <article className="panel stack">
      <h3>
        Amendment {amendment.number}: {amendment.heading} <span className={`badge ${badge}`}>{amendment.status}</span>
      </h3>
      <p className="muted">
        {amendment.author.name}, against revision {amendment.baseRevision}
        {amendment.isNewClause ? ' · new clause' : ''}
        {amendment.resultingRevision === null ? '' : ` · became revision ${String(amendment.resultingRevision)}`}
      </p>
      <p>
        <strong>Rationale:</strong> {amendment.rationale}
      </p>
      <p className="charter-ops">
        {amendment.diff.ops !== undefined ? (
          <DiffOpsView ops={amendment.diff.ops} />
        ) : (
          <ins>{amendment.diff.body ?? amendment.body}</ins>
        )}
      </p>
      <AmendmentVoices charterId={charterId} amendment={amendment} canVote={canWrite} />
      {canDecide || amendment.status === 'accepted' ? (
        <AmendmentDecisionPreview charterId={charterId} amendment={amendment} />
      ) : null}
      {amendment.decisionReason === null ? null : (
        <p>
          <strong>Decision by {amendment.decidedBy?.name}:</strong> {amendment.decisionReason}
        </p>
      )}
      <ClauseEvidence evidence={evidence} />
      {canWrite && amendment.status === 'proposed' ? (
        citing ? (
          <EvidencePicker
            charterId={charterId}
            target={{ amendmentId: amendment.id }}
            onDone={() => setCiting(false)}
          />
        ) : (
          <p>
            <SmallButton onClick={() => setCiting(true)}>Cite evidence</SmallButton>
          </p>
        )
      ) : null}
      {comments.map((entry) => (
        <p key={entry.id}>
          <strong>{entry.author.name}</strong>: {entry.body}
        </p>
      ))}
      {canWrite ? (
        <p className="inline-form">
          <TextAction
            label="Comment on this amendment"
            placeholder="Comment"
            value={comment}
            onValue={setComment}
            action="Comment"
            variant="secondary"
            onAction={() =>
              add.mutate({ amendmentId: amendment.id, body: comment }, { onSuccess: () => setComment('') })
            }
          />
        </p>
      ) : null}
      {canDecide && amendment.status === 'proposed' ? (
        <p className="inline-form">
          <SmallButton
            variant="primary"
            disabled={decide.isPending}
            onClick={() => decide.mutate({ amendmentId: amendment.id, decision: 'accept' })}
          >
            Accept
          </SmallButton>
          <TextAction
            label="Reason for rejecting"
            placeholder="Reason for rejecting"
            value={reason}
            onValue={setReason}
            action="Reject"
            variant="danger"
            busy={decide.isPending}
            onAction={() => decide.mutate({ amendmentId: amendment.id, decision: 'reject', reason })}
          />
        </p>
      ) : null}
      <ErrorAlert error={decide.error} title="Could not decide" />
    </article>
  );
}

interface AmendmentsPanelProps {
  charter: CharterDocumentDto;
  amendments: readonly AmendmentDto[];
  comments: readonly CharterCommentDto[];
  rights: AmendmentRights;
}

export function AmendmentsPanel({ charter, amendments, comments, rights }: AmendmentsPanelProps) {
  const propose = useProposeAmendment(charter.id);
  const chairs = useChairs(charter.id);
  const [clauseId, setClauseId] = useState(charter.head.clauses[0]?.id ?? NEW_CLAUSE);
  const current = charter.head.clauses.find((clause) => clause.id === clauseId);
  const [heading, setHeading] = useState(current?.heading ?? '');
  const [body, setBody] = useState(current?.body ?? '');
  const [rationale, setRationale] = useState('');

  function pick(id: string) {
    setClauseId(id);
    const clause = charter.head.clauses.find((candidate) => candidate.id === id);
    setHeading(clause?.heading ?? '');
    setBody(clause?.body ?? '');
  }

  return (
    <div className="stack">
      {/* Until the chairs have loaded, nothing is said about them: "no chair" would be untrue. */}
      {chairs.isPending ? <Loading label="Loading the chairs…" /> : null}
      <ErrorAlert error={chairs.error} title="Could not load the chairs" />
      {chairs.data ? <ChairsPanel charterId={charter.id} chairs={chairs.data} rights={rights} /> : null}
      {amendments.length === 0 ? <p className="muted">No amendments yet.</p> : null}
      {amendments.map((amendment) => (
        <AmendmentCard
          key={amendment.id}
          charterId={charter.id}
          amendment={amendment}
          comments={comments.filter((comment) => comment.amendmentId === amendment.id)}
          rights={rights}
        />
      ))}
      {rights.canWrite ? (
        <form
          className="panel stack"
          onSubmit={(event) => {
            event.preventDefault();
            propose.mutate(
              {
                baseRevision: charter.head.number,
                heading,
                body,
                rationale,
                ...(clauseId === NEW_CLAUSE ? {} : { clauseId }),
              },
              { onSuccess: () => setRationale('') },
            );
          }}
        >
          <h2>Propose an amendment</h2>
          <Field id="amendment-clause" label="Clause">
            <select id="amendment-clause" value={clauseId} onChange={(event) => pick(event.target.value)}>
              {charter.head.clauses.map((clause) => (
                <option key={clause.id} value={clause.id}>
                  {clause.heading}
                </option>
              ))}
              <option value={NEW_CLAUSE}>A new clause (at the end)</option>
            </select>
          </Field>
          <InputField id="amendment-heading" label="Heading" required value={heading} onValue={setHeading} />
          <Field id="amendment-body" label="Proposed text (Markdown)">
            <textarea
              id="amendment-body"
              className="charter-textarea"
              value={body}
              onChange={(event) => setBody(event.target.value)}
            />
          </Field>
          <Field id="amendment-rationale" label="Rationale">
            <textarea
              id="amendment-rationale"
              value={rationale}
              required
              onChange={(event) => setRationale(event.target.value)}
            />
          </Field>
          <ErrorAlert error={propose.error} title="Could not propose" />
          <p>
            <button
              type="submit"
              className="button button--primary"
              disabled={propose.isPending || rationale.trim() === ''}
            >
              Propose
            </button>
          </p>
        </form>
      ) : null}
    </div>
  );
}

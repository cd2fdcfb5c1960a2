import type { AmendmentDto, AmendmentPosition } from '@concord/shared';

import { ErrorAlert } from '@/components/error-alert';

import { useVoteOnAmendment } from '../api/vote-amendment';

const LABELS: Record<AmendmentPosition, string> = { support: 'Support', oppose: 'Oppose' };

/** Support and opposition counts; a member presses one (again to withdraw) while the amendment is open. */
export function AmendmentVoices({
  charterId,
  amendment,
  canVote,
}: {
  charterId: string;
  amendment: AmendmentDto;
  canVote: boolean;
}) {
  const vote = useVoteOnAmendment(charterId);
  const open = amendment.status === 'proposed';
  return (
    <div className="inline-form" role="group" aria-label={`Voices on amendment ${String(amendment.number)}`}>
      {(['support', 'oppose'] as const).map((position) =>
        canVote && open ? (
          <button
            key={position}
            type="button"
            className={`button button--small ${amendment.votes.mine === position ? 'button--primary' : 'button--secondary'}`}
            aria-pressed={amendment.votes.mine === position}
            disabled={vote.isPending}
            onClick={() =>
              vote.mutate({ amendmentId: amendment.id, position: amendment.votes.mine === position ? null : position })
            }
          >
            {LABELS[position]} ({amendment.votes[position]})
          </button>
        ) : (
          <span key={position} className="badge">
            {LABELS[position]}: {amendment.votes[position]}
          </span>
        ),
      )}
      {amendment.votes.mine === null ? null : (
        <span className="muted">You {amendment.votes.mine === 'support' ? 'support' : 'oppose'} it.</span>
      )}
      <ErrorAlert error={vote.error} title="Could not record your voice" />
    </div>
  );
}

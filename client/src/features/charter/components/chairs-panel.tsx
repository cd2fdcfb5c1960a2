import { useState } from 'react';

import type { CharterChairDto } from '@concord/shared';

import { ErrorAlert } from '@/components/error-alert';
import { SmallButton } from '@/components/small-button';

import { useCommitteeMembers } from '../api/get-committee-members';
import { useSetChairs } from '../api/set-chairs';
import type { AmendmentRights } from '../utils/amendment-rights';

function names(chairs: readonly CharterChairDto[]): string {
  return chairs.map((chair) => chair.name).join(', ');
}

/** Who decides amendments: named for everyone; an admin designates them here. */
export function ChairsPanel({
  charterId,
  chairs,
  rights: { isAdmin, canDecide },
}: {
  charterId: string;
  chairs: readonly CharterChairDto[];
  rights: AmendmentRights;
}) {
  const members = useCommitteeMembers(isAdmin);
  const save = useSetChairs(charterId);
  const [editing, setEditing] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);

  const who =
    chairs.length === 0
      ? 'No chair is designated yet: only an administrator can decide amendments.'
      : `Amendments are decided by the chair${chairs.length > 1 ? 's' : ''}: ${names(chairs)} (or an administrator).`;
  return (
    <section className="panel stack" aria-label="Chairs">
      <p data-testid="charter-chairs">
        {who}
        {canDecide ? ' You may decide.' : ' You may support or oppose, and comment.'}
      </p>
      {isAdmin && !editing ? (
        <p>
          <SmallButton
            onClick={() => {
              setPicked(chairs.map((chair) => chair.id));
              setEditing(true);
            }}
          >
            Designate chairs
          </SmallButton>
        </p>
      ) : null}
      {isAdmin && editing ? (
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate(picked, { onSuccess: () => setEditing(false) });
          }}
        >
          <fieldset>
            <legend>Chairs (committee members)</legend>
            {(members.data ?? []).map((member) => (
              <label key={member.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={picked.includes(member.id)}
                  onChange={(event) =>
                    setPicked(event.target.checked ? [...picked, member.id] : picked.filter((id) => id !== member.id))
                  }
                />{' '}
                {member.name} ({member.email})
              </label>
            ))}
            {members.data?.length === 0 ? <p className="muted">No committee member yet.</p> : null}
          </fieldset>
          <ErrorAlert error={members.error ?? save.error} title="Could not designate chairs" />
          <p className="inline-form">
            <button type="submit" className="button button--small button--primary" disabled={save.isPending}>
              Save chairs
            </button>
            <SmallButton onClick={() => setEditing(false)}>Cancel</SmallButton>
          </p>
        </form>
      ) : null}
    </section>
  );
}

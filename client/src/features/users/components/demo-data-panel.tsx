import { useId, useState } from 'react';

import { ErrorAlert } from '@/components/error-alert';
import { formatCount } from '@/utils/format';

import { useDemoStatus, useRemoveDemoData } from '../api/demo-data';

/** Admin: how much demo data is left, and the one action that removes it (after a confirmation). */
export function DemoDataPanel() {
  const id = useId();
  const status = useDemoStatus();
  const remove = useRemoveDemoData();
  const [confirming, setConfirming] = useState(false);
  const present = status.data?.present;
  const total = present === undefined ? 0 : present.campaigns + present.members + present.users + present.charters;
  if (status.data === undefined && status.error === null) return null;
  return (
    <section className="panel stack" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Demo data</h2>
      <ErrorAlert error={status.error} title="Could not read the demo data" />
      {present !== undefined && total > 0 ? (
        <>
          <p>
            {formatCount(present.campaigns)} demo campaign(s) with their links and responses,{' '}
            {formatCount(present.members)} demo member(s), {formatCount(present.users)} demo staff account(s) and{' '}
            {formatCount(present.charters)} demo charter(s). Removing them leaves everything else as it is.
          </p>
          {confirming ? (
            <div className="inline-form" role="group" aria-label="Confirm the removal">
              <button
                type="button"
                className="button button--danger"
                disabled={remove.isPending}
                onClick={() => remove.mutate(undefined, { onSuccess: () => setConfirming(false) })}
              >
                Remove all demo data for good
              </button>
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </div>
          ) : (
            <div>
              <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
                Remove demo data…
              </button>
            </div>
          )}
        </>
      ) : (
        <p className="muted">{status.data?.removed === true ? 'The demo data was removed.' : 'No demo data.'}</p>
      )}
      <ErrorAlert error={remove.error} title="Could not remove the demo data" />
      {remove.data !== undefined ? (
        <p className="alert alert--success" role="status">
          Removed {formatCount(remove.data.removed.campaigns)} campaign(s), {formatCount(remove.data.removed.members)}{' '}
          member(s), {formatCount(remove.data.removed.users)} account(s), {formatCount(remove.data.removed.charters)}{' '}
          charter(s).
        </p>
      ) : null}
    </section>
  );
}

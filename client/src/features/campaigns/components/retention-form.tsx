import { useId, useState, type SubmitEvent } from 'react';

import type { CampaignDto } from '@concord/shared';

import { ErrorAlert } from '@/components/error-alert';
import { hasRole, useCurrentUser } from '@/lib/current-user';
import { formatDateTime } from '@/utils/format';

import { useSetRetention } from '../api/campaign-actions';

/** How long respondent identities are kept after the campaign closes, and the form to change it. */
export function RetentionForm({ campaign }: { campaign: CampaignDto }) {
  const id = useId();
  const canEdit = hasRole(useCurrentUser(), ['admin', 'secretariat']);
  const setRetention = useSetRetention(campaign.id);
  const [days, setDays] = useState(campaign.retentionDays === null ? '' : String(campaign.retentionDays));
  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setRetention.mutate(days.trim() === '' ? null : Number(days));
  }
  if (campaign.identitiesRemovedAt !== null) {
    return (
      <p>Respondent identities were removed on {formatDateTime(campaign.identitiesRemovedAt)}; the answers remain.</p>
    );
  }
  if (!canEdit) {
    return (
      <p>
        Respondent identities:{' '}
        {campaign.retentionDays === null ? 'kept' : `removed ${campaign.retentionDays} day(s) after closing`}.
      </p>
    );
  }
  return (
    <form className="inline-form" onSubmit={handleSubmit}>
      <div className="field">
        <label htmlFor={`${id}-days`}>Remove respondent identities this many days after closing</label>
        <input
          id={`${id}-days`}
          type="number"
          min={0}
          max={3650}
          step={1}
          placeholder="keep"
          value={days}
          onChange={(event) => setDays(event.target.value)}
        />
      </div>
      <button type="submit" className="button" disabled={setRetention.isPending}>
        Save retention
      </button>
      <ErrorAlert error={setRetention.error} title="Could not save the retention" />
    </form>
  );
}

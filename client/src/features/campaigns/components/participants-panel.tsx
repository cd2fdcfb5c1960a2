import { useId, useState } from 'react';

import { type NetworkDto, PARTICIPANT_STATUSES, type ParticipantStatus } from '@concord/shared';

import { DataTable } from '@/components/data-table';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { formatCount, formatDateTime } from '@/utils/format';

import { type ParticipantFilter, participantsCsvUrl, useParticipants } from '../api/get-participants';

const STATUS_BADGES: Record<ParticipantStatus, string> = {
  invited: 'badge badge--muted',
  sent: 'badge',
  opened: 'badge',
  started: 'badge badge--warning',
  completed: 'badge badge--success',
};

const when = (value: string | null) => (value === null ? '—' : formatDateTime(value));

/** Who was invited, sent the e-mail, opened, started, completed and reminded: one row per member. */
export function ParticipantsPanel({
  campaignId,
  networks,
  anonymous,
}: {
  campaignId: string;
  networks: NetworkDto[];
  anonymous: boolean;
}) {
  const id = useId();
  const [filter, setFilter] = useState<ParticipantFilter>({ status: '', networkId: '' });
  const participants = useParticipants(campaignId, filter);
  return (
    <section className="panel stack" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Participants</h2>
      {anonymous ? (
        <p className="muted">
          Anonymous campaign: whether a member started or completed is shown, never when, so no response can be traced
          back to them.
        </p>
      ) : null}
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-status`}>Status</label>
          <select
            id={`${id}-status`}
            value={filter.status}
            onChange={(event) => setFilter({ ...filter, status: event.target.value as ParticipantStatus | '' })}
          >
            <option value="">Any status</option>
            {PARTICIPANT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-network`}>Network</label>
          <select
            id={`${id}-network`}
            value={filter.networkId}
            onChange={(event) => setFilter({ ...filter, networkId: event.target.value })}
          >
            <option value="">All networks</option>
            {networks.map((network) => (
              <option key={network.id} value={network.id}>
                {network.code} · {network.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <a className="button" href={participantsCsvUrl(campaignId, filter)} download>
            Download participants.csv
          </a>
        </div>
      </div>
      <ErrorAlert error={participants.error} title="Could not load the participants" />
      {participants.data === undefined ? (
        <Loading />
      ) : participants.data.length === 0 ? (
        <p className="muted">Nobody matches.</p>
      ) : (
        <DataTable
          label="Participants"
          caption={`${formatCount(participants.data.length)} participants`}
          columns={['Member', 'Network', 'Country', 'Language', 'Status', 'Sent', 'Opened', 'Completed', 'Reminded']}
        >
          {participants.data.map((participant) => (
            <tr key={participant.invitationId}>
              <th scope="row">
                {participant.name}
                <br />
                <span className="muted">{participant.email}</span>
              </th>
              <td title={participant.networkName}>{participant.networkCode}</td>
              <td>{participant.country}</td>
              <td>{participant.language}</td>
              <td>
                <span className={STATUS_BADGES[participant.status]}>{participant.status}</span>
              </td>
              <td className="nowrap">{when(participant.sentAt)}</td>
              <td className="nowrap">{when(participant.openedAt)}</td>
              <td className="nowrap">{when(participant.completedAt)}</td>
              <td className="nowrap">
                {participant.reminders === 0
                  ? '—'
                  : `${formatCount(participant.reminders)}× · last ${when(participant.remindedAt)}`}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

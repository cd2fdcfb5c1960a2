import { useId, useState } from 'react';

import {
  MEMBER_LANGUAGES,
  type MemberLanguage,
  type NetworkDto,
  type OutboxStatus,
  type ReminderPreviewDto,
} from '@concord/shared';

import { DataTable } from '@/components/data-table';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { formatCount, formatDateTime } from '@/utils/format';

import { OUTBOX_PAGE_SIZE, useOutbox } from '../api/get-outbox';
import { usePreviewReminders, useQueueMessages, useSendTestInvitation } from '../api/queue-messages';

import { NetworkSelectField } from './network-select-field';

function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** Invitations and reminders by e-mail: queue them, follow their statuses, or download them to send by hand. */
export function OutboxPanel({
  campaignId,
  networks,
  isOpen,
}: {
  campaignId: string;
  networks: NetworkDto[];
  isOpen: boolean;
}) {
  const id = useId();
  const [networkId, setNetworkId] = useState('');
  const [status, setStatus] = useState<OutboxStatus | ''>('');
  const [page, setPage] = useState(1);
  const outbox = useOutbox(campaignId, page, status);
  const queue = useQueueMessages(campaignId);
  const preview = usePreviewReminders(campaignId);
  const test = useSendTestInvitation(campaignId);
  const [testLanguage, setTestLanguage] = useState<MemberLanguage>('en');
  const [lastQueued, setLastQueued] = useState<string | null>(null);
  const [pendingReminders, setPendingReminders] = useState<ReminderPreviewDto | null>(null);
  const networkIds = networkId === '' ? [] : [networkId];

  function sendInvitations() {
    setLastQueued(null);
    queue.mutate(
      { kind: 'invitations', networkIds },
      { onSuccess: (result) => setLastQueued(`${plural(result.queued, 'invitation', 'invitations')} queued.`) },
    );
  }

  /** Reminders are counted first and sent only once that count is confirmed. */
  function askReminders() {
    setLastQueued(null);
    preview.mutate(networkIds, { onSuccess: setPendingReminders });
  }

  function sendReminders(expected: number) {
    queue.mutate(
      { kind: 'reminders', networkIds, expectedRecipients: expected },
      {
        onSuccess: (result) => {
          setPendingReminders(null);
          setLastQueued(`${plural(result.queued, 'reminder', 'reminders')} queued.`);
        },
      },
    );
  }

  const data = outbox.data;
  const pages = data === undefined ? 1 : Math.max(1, Math.ceil(data.total / OUTBOX_PAGE_SIZE));
  return (
    <section className="panel stack">
      <h2>E-mail</h2>
      {data !== undefined ? (
        <p className="muted">
          {data.delivery === 'smtp'
            ? 'Messages are sent by the server.'
            : 'No mail server is configured: download the messages and send them by hand.'}{' '}
          {formatCount(data.counts.pending)} pending, {formatCount(data.counts.sent)} sent,{' '}
          {formatCount(data.counts.failed)} failed.
        </p>
      ) : null}
      {isOpen ? (
        <div className="form-grid">
          <NetworkSelectField
            id={`${id}-network`}
            networks={networks}
            value={networkId}
            onChange={setNetworkId}
            emptyLabel="All networks of the campaign"
          />
          <div>
            <button type="button" className="button" disabled={queue.isPending} onClick={sendInvitations}>
              Send invitations
            </button>{' '}
            <button
              type="button"
              className="button"
              disabled={queue.isPending || preview.isPending}
              onClick={askReminders}
            >
              Send reminders…
            </button>
          </div>
          <div className="inline-form">
            <label htmlFor={`${id}-test-language`}>Test in</label>
            <select
              id={`${id}-test-language`}
              value={testLanguage}
              onChange={(event) => setTestLanguage(event.target.value as MemberLanguage)}
            >
              {MEMBER_LANGUAGES.map((language) => (
                <option key={language} value={language}>
                  {language}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button"
              disabled={test.isPending}
              onClick={() => test.mutate(testLanguage)}
            >
              Send me a test
            </button>
          </div>
        </div>
      ) : null}
      {pendingReminders !== null ? (
        <div className="panel stack" role="alertdialog" aria-labelledby={`${id}-remind-title`}>
          <h3 id={`${id}-remind-title`}>
            {pendingReminders.recipients === 0
              ? 'Nobody is due a reminder'
              : `Send a reminder to ${plural(pendingReminders.recipients, 'member', 'members')}?`}
          </h3>
          <p>
            Members who completed, or whose last reminder is still waiting, are left out.
            {pendingReminders.coolingDown > 0
              ? ` ${plural(pendingReminders.coolingDown, 'member was', 'members were')} reminded less than ${formatCount(pendingReminders.cooldownHours)} hours ago and will not be reminded again yet.`
              : ''}
          </p>
          <div className="inline-form">
            {pendingReminders.recipients > 0 ? (
              <button
                type="button"
                className="button button--primary"
                disabled={queue.isPending}
                onClick={() => sendReminders(pendingReminders.recipients)}
              >
                Send {plural(pendingReminders.recipients, 'reminder', 'reminders')}
              </button>
            ) : null}
            <button type="button" className="button" onClick={() => setPendingReminders(null)}>
              {pendingReminders.recipients > 0 ? 'Cancel' : 'Close'}
            </button>
          </div>
        </div>
      ) : null}
      {lastQueued !== null ? <p role="status">{lastQueued}</p> : null}
      {test.data !== undefined ? <p role="status">A test invitation is on its way to {test.data.to}.</p> : null}
      <ErrorAlert error={queue.error ?? preview.error ?? test.error ?? outbox.error} title="E-mail" />
      <p>
        <label htmlFor={`${id}-status`}>Show </label>
        <select
          id={`${id}-status`}
          value={status}
          onChange={(event) => {
            setStatus(event.target.value as OutboxStatus | '');
            setPage(1);
          }}
        >
          <option value="">all messages</option>
          <option value="pending">pending</option>
          <option value="sent">sent</option>
          <option value="failed">failed</option>
        </select>{' '}
        <a
          className="button"
          href={`/api/campaigns/${campaignId}/outbox.csv${status === '' ? '' : `?status=${status}`}`}
          download
        >
          Download outbox.csv
        </a>
      </p>
      {data === undefined ? (
        <Loading />
      ) : data.items.length === 0 ? (
        <p className="muted">No messages.</p>
      ) : (
        <>
          <DataTable
            label="Outbox"
            columns={['To', 'Kind', 'Subject', 'Status', { label: 'Attempts', numeric: true }, 'Sent']}
          >
            {data.items.map((message) => (
              <tr key={message.id}>
                <th scope="row">{message.to}</th>
                <td>{message.kind}</td>
                <td lang={message.language} dir="auto">
                  {message.subject}
                </td>
                <td title={message.lastError ?? undefined}>
                  {message.status}
                  {message.lastError !== null ? <span className="muted"> ({message.lastError})</span> : null}
                </td>
                <td className="numeric">{formatCount(message.attempts)}</td>
                <td>{message.sentAt === null ? '—' : formatDateTime(message.sentAt)}</td>
              </tr>
            ))}
          </DataTable>
          {pages > 1 ? (
            <p>
              <button type="button" className="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                Previous
              </button>{' '}
              Page {page} of {pages}{' '}
              <button type="button" className="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                Next
              </button>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

import { useId, type SubmitEvent } from 'react';
import { useSearchParams } from 'react-router';

import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { formatCount } from '@/utils/format';

import { AUDIT_PAGE_SIZE, useAuditEvents } from '../api/get-audit-events';

import { AuditChainBanner } from './audit-chain-banner';
import { AuditEventsTable } from './audit-events-table';

import './audit.css';

const SUBJECT_PARAM = 'subject';

function eventsSummary(count: number, subject: string): string {
  if (count === 0) return subject ? `No events for the subject “${subject}”.` : 'No events yet.';
  const noun = count === 1 ? 'event' : 'events';
  const forSubject = subject ? ` for “${subject}”` : '';
  const truncated = count >= AUDIT_PAGE_SIZE ? ` (the latest ${formatCount(AUDIT_PAGE_SIZE)})` : '';
  return `${formatCount(count)} ${noun}${forSubject}${truncated}.`;
}

export function AuditPage() {
  useDocumentTitle('Audit');
  // The filter lives in the URL so that a filtered view can be bookmarked and shared.
  const [searchParams, setSearchParams] = useSearchParams();
  const subject = searchParams.get(SUBJECT_PARAM)?.trim() ?? '';
  const events = useAuditEvents({ subject: subject || undefined, limit: AUDIT_PAGE_SIZE });
  const id = useId();

  function applySubject(value: string) {
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(SUBJECT_PARAM, value);
        else next.delete(SUBJECT_PARAM);
        return next;
      },
      { replace: true },
    );
  }

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = new FormData(event.currentTarget).get(SUBJECT_PARAM);
    applySubject(typeof value === 'string' ? value.trim() : '');
  }

  return (
    <>
      <h1>Audit</h1>
      <p className="muted">
        Every change of consequence is recorded in a hash chain: each event&apos;s hash covers the one before it, so an
        altered or deleted event breaks the chain from that point on.
      </p>
      <AuditChainBanner />

      <form className="inline-form" role="search" onSubmit={handleSubmit}>
        <div className="field">
          <label htmlFor={`${id}-subject`}>Subject</label>
          <input
            // Remount when the URL changes (back/forward), so the box shows the filter in effect.
            key={subject}
            id={`${id}-subject`}
            name={SUBJECT_PARAM}
            type="search"
            defaultValue={subject}
            placeholder="e.g. user:3f2a… or survey id"
          />
        </div>
        <button type="submit" className="button button--primary">
          Filter
        </button>
        {subject ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              applySubject('');
            }}
          >
            Clear
          </button>
        ) : null}
      </form>

      <section aria-labelledby={`${id}-events-heading`} aria-busy={events.isFetching}>
        <h2 id={`${id}-events-heading`} className="visually-hidden">
          Events
        </h2>
        {events.isPending ? <Loading label="Loading audit events…" /> : null}
        {events.isError ? <ErrorAlert error={events.error} title="Could not load the audit events" /> : null}
        {events.data ? (
          <>
            <p className="muted" role="status">
              {eventsSummary(events.data.length, subject)}
            </p>
            {events.data.length > 0 ? <AuditEventsTable events={events.data} /> : null}
          </>
        ) : null}
      </section>
    </>
  );
}

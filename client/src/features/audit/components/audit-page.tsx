import { useId, type SubmitEvent } from 'react';
import { useSearchParams } from 'react-router';

import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { formatCount } from '@/utils/format';

import { AUDIT_PAGE_SIZE, type AuditEventsFilter, useAuditEvents } from '../api/get-audit-events';

import { AuditChainBanner } from './audit-chain-banner';
import { AuditEventsTable } from './audit-events-table';

import './audit.css';

const FILTER_FIELDS = [
  { name: 'actor', label: 'Actor', type: 'search', placeholder: 'e-mail or user id' },
  { name: 'action', label: 'Action', type: 'search', placeholder: 'e.g. auth.login_failed' },
  { name: 'subject', label: 'Subject', type: 'search', placeholder: 'e.g. user:3f2a… or survey id' },
  { name: 'from', label: 'From', type: 'date', placeholder: undefined },
  { name: 'to', label: 'To', type: 'date', placeholder: undefined },
] as const;
type FilterName = (typeof FILTER_FIELDS)[number]['name'];
const BEFORE_PARAM = 'before';

function readFilter(searchParams: URLSearchParams): AuditEventsFilter {
  const filter: AuditEventsFilter = {};
  for (const { name } of FILTER_FIELDS) {
    const value = searchParams.get(name)?.trim();
    if (value) filter[name] = value;
  }
  const before = Number(searchParams.get(BEFORE_PARAM));
  if (Number.isInteger(before) && before > 0) filter.before = before;
  return filter;
}

function eventsSummary(count: number, filtered: boolean, paged: boolean): string {
  if (count === 0) return filtered ? 'No events match these filters.' : 'No events yet.';
  const noun = count === 1 ? 'event' : 'events';
  const position = paged ? 'older' : 'latest';
  const more = count >= AUDIT_PAGE_SIZE ? ` (the ${position} ${formatCount(AUDIT_PAGE_SIZE)}; more below)` : '';
  return `${formatCount(count)} ${noun}${filtered ? ' matching the filters' : ''}${more}.`;
}

export function AuditPage() {
  useDocumentTitle('Audit');
  // Filters and the page live in the URL, so that a view can be bookmarked, shared, and left with Back.
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = readFilter(searchParams);
  const events = useAuditEvents({ ...filter, limit: AUDIT_PAGE_SIZE });
  const id = useId();
  const filtered = FILTER_FIELDS.some(({ name }) => filter[name] !== undefined);
  const formKey = FILTER_FIELDS.map(({ name }) => filter[name] ?? '').join('|');

  function apply(values: Partial<Record<FilterName | typeof BEFORE_PARAM, string>>) {
    const next = new URLSearchParams();
    for (const [name, value] of Object.entries(values)) if (value) next.set(name, value);
    setSearchParams(next);
  }

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values: Partial<Record<FilterName, string>> = {};
    for (const { name } of FILTER_FIELDS) {
      const value = form.get(name);
      if (typeof value === 'string') values[name] = value.trim();
    }
    apply(values);
  }

  const currentFilters = Object.fromEntries(FILTER_FIELDS.map(({ name }) => [name, filter[name] ?? '']));
  const lastSeq = events.data?.at(-1)?.seq;

  return (
    <>
      <h1>Audit</h1>
      <p className="muted">
        Every change of consequence is recorded in a hash chain: each event&apos;s hash covers the one before it, so an
        altered or deleted event breaks the chain from that point on.
      </p>
      <AuditChainBanner />

      <form key={formKey} className="inline-form" role="search" onSubmit={handleSubmit}>
        {FILTER_FIELDS.map((field) => (
          <div className="field" key={field.name}>
            <label htmlFor={`${id}-${field.name}`}>{field.label}</label>
            <input
              id={`${id}-${field.name}`}
              name={field.name}
              type={field.type}
              defaultValue={filter[field.name] ?? ''}
              placeholder={field.placeholder}
            />
          </div>
        ))}
        <button type="submit" className="button button--primary">
          Filter
        </button>
        {filtered ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              apply({});
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
              {eventsSummary(events.data.length, filtered, filter.before !== undefined)}
            </p>
            {events.data.length > 0 ? <AuditEventsTable events={events.data} /> : null}
            <nav className="inline-form" aria-label="Audit pages">
              {filter.before !== undefined ? (
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => {
                    apply(currentFilters);
                  }}
                >
                  Latest events
                </button>
              ) : null}
              {events.data.length >= AUDIT_PAGE_SIZE && lastSeq !== undefined ? (
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => {
                    apply({ ...currentFilters, [BEFORE_PARAM]: String(lastSeq) });
                  }}
                >
                  Older events
                </button>
              ) : null}
            </nav>
          </>
        ) : null}
      </section>
    </>
  );
}

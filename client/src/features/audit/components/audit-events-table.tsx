import type { AuditEventDto } from '@concord/shared';

import { DataTable } from '@/components/data-table';
import { formatPreciseDateTime } from '@/utils/format';

const SHORT_HASH_LENGTH = 12;

function isEmptyPayload(payload: unknown): boolean {
  if (payload === null || payload === undefined) return true;
  if (typeof payload === 'object') return Object.keys(payload).length === 0;
  return false;
}

export function AuditEventsTable({ events }: { events: AuditEventDto[] }) {
  // Newest first, whatever order the server sends.
  const rows = [...events].sort((a, b) => b.seq - a.seq);
  return (
    <DataTable
      label="Audit events"
      caption="Audit events, newest first"
      columns={['#', 'Time', 'Actor', 'Action', 'Subject', 'Payload', 'Hash']}
      className="audit-table"
    >
      {rows.map((event) => (
        <tr key={event.seq}>
          <th scope="row" className="numeric">
            {event.seq}
          </th>
          <td className="nowrap">
            <time dateTime={event.at}>{formatPreciseDateTime(event.at)}</time>
          </td>
          <td>{event.actorEmail ?? event.actor ?? <span className="muted">system</span>}</td>
          <td>
            <code>{event.action}</code>
          </td>
          <td className="audit-table__subject">{event.subject ?? <span className="muted">—</span>}</td>
          <td>
            {isEmptyPayload(event.payload) ? (
              <span className="muted">—</span>
            ) : (
              <details className="audit-table__payload">
                <summary>
                  Show<span className="visually-hidden"> payload of event {event.seq}</span>
                </summary>
                <pre>{JSON.stringify(event.payload, null, 2)}</pre>
              </details>
            )}
          </td>
          <td>
            <code title={event.hash}>{event.hash.slice(0, SHORT_HASH_LENGTH)}</code>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

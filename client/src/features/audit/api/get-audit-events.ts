import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import type { AuditEventDto } from '@concord/shared';

import { api } from '@/lib/api-client';

export const AUDIT_PAGE_SIZE = 100;

export interface AuditEventsFilter {
  /** Only events about this subject; omit for all events. */
  subject?: string;
  /** A user id or an e-mail address. */
  actor?: string;
  action?: string;
  /** ISO dates (YYYY-MM-DD); `to` includes that whole day. */
  from?: string;
  to?: string;
  /** Only events older than this sequence number: the next page. */
  before?: number;
  limit?: number;
}

export const auditEventsQueryKey = ['audit', 'events'] as const;

export function getAuditEvents({ limit = AUDIT_PAGE_SIZE, ...filter }: AuditEventsFilter = {}): Promise<
  AuditEventDto[]
> {
  return api.get<AuditEventDto[]>('/audit', { query: { ...filter, limit } });
}

export function getAuditEventsQueryOptions(filter: AuditEventsFilter = {}) {
  return queryOptions({
    queryKey: [...auditEventsQueryKey, filter],
    queryFn: () => getAuditEvents(filter),
    // Keep the current rows on screen while another filter or page loads.
    placeholderData: keepPreviousData,
  });
}

export function useAuditEvents(filter: AuditEventsFilter = {}) {
  return useQuery(getAuditEventsQueryOptions(filter));
}

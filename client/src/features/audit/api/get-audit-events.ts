import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import type { AuditEventDto } from '@concord/shared';

import { api } from '@/lib/api-client';

export const AUDIT_PAGE_SIZE = 100;

export interface AuditEventsFilter {
  /** Only events about this subject (the server decides how it matches); omit for all events. */
  subject?: string;
  limit?: number;
}

export const auditEventsQueryKey = ['audit', 'events'] as const;

export function getAuditEvents({ subject, limit = AUDIT_PAGE_SIZE }: AuditEventsFilter = {}): Promise<AuditEventDto[]> {
  return api.get<AuditEventDto[]>('/audit', { query: { subject, limit } });
}

export function getAuditEventsQueryOptions(filter: AuditEventsFilter = {}) {
  return queryOptions({
    queryKey: [...auditEventsQueryKey, filter],
    queryFn: () => getAuditEvents(filter),
    // Keep the current rows on screen while another subject loads.
    placeholderData: keepPreviousData,
  });
}

export function useAuditEvents(filter: AuditEventsFilter = {}) {
  return useQuery(getAuditEventsQueryOptions(filter));
}

import { queryOptions, useQuery } from '@tanstack/react-query';

import type { CharterSummaryDto } from '@concord/shared';

import { api } from '@/lib/api-client';

import { chartersKey } from './keys';

export function getCharters(): Promise<CharterSummaryDto[]> {
  return api.get<CharterSummaryDto[]>('/charters');
}

export function useCharters() {
  return useQuery(queryOptions({ queryKey: [...chartersKey, 'list'], queryFn: getCharters }));
}

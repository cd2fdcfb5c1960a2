import { queryOptions, useQuery } from '@tanstack/react-query';

import type { RespondentViewDto } from '@concord/shared';

import { api } from '@/lib/api-client';

export function respondentViewQueryKey(token: string) {
  return ['respond', token] as const;
}

export function getRespondentView(token: string): Promise<RespondentViewDto> {
  return api.get<RespondentViewDto>(`/respond/${encodeURIComponent(token)}`);
}

export function useRespondentView(token: string) {
  return useQuery(
    queryOptions({
      queryKey: respondentViewQueryKey(token),
      queryFn: () => getRespondentView(token),
      // 404/410 are answers, not glitches; and the page must not reload answers under the respondent.
      retry: false,
      staleTime: Infinity,
      refetchOnWindowFocus: false,
    }),
  );
}

import { queryOptions, useQuery } from '@tanstack/react-query';

import type { OidcInfoDto } from '@concord/shared';

import { api } from '@/lib/api-client';

export function getOidcInfoQueryOptions() {
  return queryOptions({
    queryKey: ['auth', 'oidc'] as const,
    queryFn: () => api.get<OidcInfoDto>('/auth/oidc'),
    staleTime: Infinity,
  });
}

/** Whether the server offers single sign-on, for the sign-in page's button. */
export function useOidcInfo() {
  return useQuery(getOidcInfoQueryOptions());
}

import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';

import { getMeQueryOptions } from '@/features/auth/api/get-me';
import { onUnauthorized } from '@/lib/api-client';
import { queryClient } from '@/lib/query-client';

/** When any call answers 401 the session is gone: forget the user, and RequireAuth sends them to /login. */
function useSignOutOnUnauthorized() {
  useEffect(
    () =>
      onUnauthorized(() => {
        queryClient.setQueryData(getMeQueryOptions().queryKey, null);
      }),
    [],
  );
}

export function AppProvider({ children }: { children: ReactNode }) {
  useSignOutOnUnauthorized();
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}

import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import type { DemoRemovalResult, DemoStatus } from '@concord/shared';

import { api } from '@/lib/api-client';

export const demoQueryKey = ['demo'] as const;

export function useDemoStatus() {
  return useQuery(queryOptions({ queryKey: demoQueryKey, queryFn: () => api.get<DemoStatus>('/demo') }));
}

export function useRemoveDemoData() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<DemoRemovalResult>('/demo'),
    // Users, networks, campaigns and charters all lose rows.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

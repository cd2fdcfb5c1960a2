import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { MemberImportResult } from '@concord/shared';

import { api } from '@/lib/api-client';

import { networksQueryKey } from './get-networks';

/** The import endpoint takes text/csv: the CSV goes as a file body with its own content type. */
export function importMembers(networkId: string, csv: string): Promise<MemberImportResult> {
  return api.post<MemberImportResult>(`/networks/${networkId}/members/import`, new Blob([csv], { type: 'text/csv' }), {
    headers: { 'Content-Type': 'text/csv' },
  });
}

export function useImportMembers(networkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) => importMembers(networkId, csv),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: networksQueryKey }),
  });
}

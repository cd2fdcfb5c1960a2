import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { EraseResponseMode, MemberEraseResult, MemberExport } from '@concord/shared';

import { api } from '@/lib/api-client';

import { networksQueryKey } from './get-networks';

export function exportMember(memberId: string): Promise<MemberExport> {
  return api.get<MemberExport>(`/members/${encodeURIComponent(memberId)}/export`);
}

/** Fetches everything held on the member and offers it as a JSON file. */
export function useExportMember() {
  return useMutation({
    mutationFn: async (memberId: string) => {
      const data = await exportMember(memberId);
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `member-${memberId}.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 1_000);
      return data;
    },
  });
}

export interface EraseMemberInput {
  memberId: string;
  responses: EraseResponseMode;
}

export function eraseMember({ memberId, responses }: EraseMemberInput): Promise<MemberEraseResult> {
  return api.post<MemberEraseResult>(`/members/${encodeURIComponent(memberId)}/erase`, { responses });
}

export function useEraseMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: eraseMember,
    // Member counts, lists and campaign progress all change.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: networksQueryKey }),
  });
}

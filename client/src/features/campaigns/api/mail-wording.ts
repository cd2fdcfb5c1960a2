import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import type { CampaignMailWordingDto, MailWordingInput, MailWordingKind, MemberLanguage } from '@concord/shared';

import { api } from '@/lib/api-client';

import { campaignQueryKey } from './get-campaign';

function mailWordingQueryKey(id: string) {
  return [...campaignQueryKey(id), 'mail-wording'] as const;
}

function wordingPath(id: string, kind: MailWordingKind, language: MemberLanguage): string {
  return `/campaigns/${id}/mail-wording/${kind}/${language}`;
}

/** Only the Secretariat (and admins) may read it: `enabled` keeps other roles from asking. */
export function useMailWording(id: string, enabled: boolean) {
  return useQuery(
    queryOptions({
      queryKey: mailWordingQueryKey(id),
      queryFn: () => api.get<CampaignMailWordingDto>(`/campaigns/${id}/mail-wording`),
      enabled,
    }),
  );
}

/** Saving and resetting both answer with the whole wording, which replaces the cached one. */
export function useMailWordingActions(id: string) {
  const queryClient = useQueryClient();
  const onSuccess = (wording: CampaignMailWordingDto) => queryClient.setQueryData(mailWordingQueryKey(id), wording);
  return {
    save: useMutation({
      mutationFn: (input: { kind: MailWordingKind; language: MemberLanguage } & MailWordingInput) =>
        api.put<CampaignMailWordingDto>(wordingPath(id, input.kind, input.language), {
          subject: input.subject,
          body: input.body,
        }),
      onSuccess,
    }),
    reset: useMutation({
      mutationFn: (input: { kind: MailWordingKind; language: MemberLanguage }) =>
        api.delete<CampaignMailWordingDto>(wordingPath(id, input.kind, input.language)),
      onSuccess,
    }),
  };
}

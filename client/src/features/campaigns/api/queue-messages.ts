import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { MemberLanguage, QueueResult, ReminderPreviewDto, TestInvitationResult } from '@concord/shared';

import { api } from '@/lib/api-client';

import { campaignQueryKey } from './get-campaign';

export type MessageKind = 'invitations' | 'reminders';

export function queueMessages(
  id: string,
  kind: MessageKind,
  networkIds: string[],
  expectedRecipients?: number,
): Promise<QueueResult> {
  const path = kind === 'invitations' ? `/campaigns/${id}/invitations/send` : `/campaigns/${id}/reminders`;
  return api.post<QueueResult>(path, {
    ...(networkIds.length === 0 ? {} : { networkIds }),
    ...(expectedRecipients === undefined ? {} : { expectedRecipients }),
  });
}

export function previewReminders(id: string, networkIds: string[]): Promise<ReminderPreviewDto> {
  return api.post<ReminderPreviewDto>(
    `/campaigns/${id}/reminders/preview`,
    networkIds.length === 0 ? {} : { networkIds },
  );
}

export function sendTestInvitation(id: string, language: MemberLanguage): Promise<TestInvitationResult> {
  return api.post<TestInvitationResult>(`/campaigns/${id}/test-invitation`, { language });
}

export function useQueueMessages(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      kind,
      networkIds,
      expectedRecipients,
    }: {
      kind: MessageKind;
      networkIds: string[];
      expectedRecipients?: number;
    }) => queueMessages(id, kind, networkIds, expectedRecipients),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: campaignQueryKey(id) }),
  });
}

export function usePreviewReminders(id: string) {
  return useMutation({ mutationFn: (networkIds: string[]) => previewReminders(id, networkIds) });
}

export function useSendTestInvitation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (language: MemberLanguage) => sendTestInvitation(id, language),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...campaignQueryKey(id), 'outbox'] }),
  });
}

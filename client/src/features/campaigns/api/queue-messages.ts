import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { QueueResult } from '@concord/shared';

import { api } from '@/lib/api-client';

import { campaignQueryKey } from './get-campaign';

export type MessageKind = 'invitations' | 'reminders';

export function queueMessages(id: string, kind: MessageKind, networkIds: string[]): Promise<QueueResult> {
  const path = kind === 'invitations' ? `/campaigns/${id}/invitations/send` : `/campaigns/${id}/reminders`;
  return api.post<QueueResult>(path, networkIds.length === 0 ? {} : { networkIds });
}

export function useQueueMessages(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, networkIds }: { kind: MessageKind; networkIds: string[] }) =>
      queueMessages(id, kind, networkIds),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...campaignQueryKey(id), 'outbox'] }),
  });
}

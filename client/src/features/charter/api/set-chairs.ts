import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import { charterKey } from './keys';

export function setChairs(id: string, userIds: string[]): Promise<{ chairIds: string[] }> {
  return api.put<{ chairIds: string[] }>(`/charters/${id}/chairs`, { userIds });
}

/** The charter itself carries chairIds (who may decide), so it is refetched with the names. */
export function useSetChairs(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userIds: string[]) => setChairs(id, userIds),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: charterKey(id) }),
  });
}

import { useQuery } from '@tanstack/react-query';

import type { CharterDocumentDto } from '@concord/shared';

import { api } from '@/lib/api-client';

import { charterKey } from './keys';

export function getCharter(id: string): Promise<CharterDocumentDto> {
  return api.get<CharterDocumentDto>(`/charters/${id}`);
}

export function useCharter(id: string) {
  return useQuery({ queryKey: [...charterKey(id), 'document'], queryFn: () => getCharter(id) });
}

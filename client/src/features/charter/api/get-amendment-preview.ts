import { useQuery } from '@tanstack/react-query';

import type { AmendmentPreviewDto } from '@concord/shared';

import { api } from '@/lib/api-client';

import { charterKey } from './keys';

export function getAmendmentPreview(id: string, amendmentId: string): Promise<AmendmentPreviewDto> {
  return api.get<AmendmentPreviewDto>(`/charters/${id}/amendments/${amendmentId}/preview`);
}

/** What deciding applies to the head; refetched with the charter whenever a revision is saved. */
export function useAmendmentPreview(id: string, amendmentId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...charterKey(id), 'amendments', amendmentId, 'preview'],
    queryFn: () => getAmendmentPreview(id, amendmentId),
    enabled,
    retry: false,
  });
}

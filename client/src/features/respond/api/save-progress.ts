import type { PartialSaveInput, PartialSaveResult } from '@concord/shared';

import { api } from '@/lib/api-client';

export function saveProgress(token: string, body: PartialSaveInput): Promise<PartialSaveResult> {
  return api.put<PartialSaveResult>(`/respond/${encodeURIComponent(token)}`, body);
}

import type { PartialSaveResult } from '@concord/shared';

import { api } from '@/lib/api-client';

export function saveProgress(token: string, data: Record<string, unknown>): Promise<PartialSaveResult> {
  return api.put<PartialSaveResult>(`/respond/${encodeURIComponent(token)}`, { data });
}

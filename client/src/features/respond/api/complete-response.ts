import type { CompletionResult } from '@concord/shared';

import { api } from '@/lib/api-client';

export function completeResponse(
  token: string,
  data: Record<string, unknown>,
  idempotencyKey: string,
): Promise<CompletionResult> {
  return api.post<CompletionResult>(
    `/respond/${encodeURIComponent(token)}/complete`,
    { data },
    { headers: { 'Idempotency-Key': idempotencyKey } },
  );
}

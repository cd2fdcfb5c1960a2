import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { MemberImportResult } from '@concord/shared';

import { ApiError } from '@/lib/api-client';

import { networksQueryKey } from './get-networks';

function readCookie(name: string): string | undefined {
  return document.cookie
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name}=`))
    ?.slice(name.length + 1);
}

/** The import endpoint takes text/csv, which the JSON client does not send; same CSRF rule though. */
export async function importMembers(networkId: string, csv: string): Promise<MemberImportResult> {
  const csrf = readCookie('csrf_token');
  const response = await fetch(`/api/networks/${networkId}/members/import`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'Content-Type': 'text/csv',
      Accept: 'application/json',
      ...(csrf ? { 'x-csrf-token': decodeURIComponent(csrf) } : {}),
    },
    body: csv,
  });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    throw new ApiError({
      statusCode: response.status,
      error: typeof body.error === 'string' ? body.error : response.statusText,
      message: typeof body.message === 'string' ? body.message : 'The import failed',
      details: body.details,
    });
  }
  return body as unknown as MemberImportResult;
}

export function useImportMembers(networkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) => importMembers(networkId, csv),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: networksQueryKey }),
  });
}

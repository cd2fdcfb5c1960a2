import { queryOptions, useQuery } from '@tanstack/react-query';

import type { DetailedVersionDiff } from '@concord/shared';

import { api } from '@/lib/api-client';

import { surveyQueryKey } from './get-survey';

export function getVersionDiff(surveyId: string, from: number, to: number): Promise<DetailedVersionDiff> {
  return api.get<DetailedVersionDiff>(`/surveys/${surveyId}/versions/${String(from)}/diff/${String(to)}`);
}

export function useVersionDiff(surveyId: string, from: number, to: number) {
  return useQuery(
    queryOptions({
      queryKey: [...surveyQueryKey(surveyId), 'diff', from, to],
      queryFn: () => getVersionDiff(surveyId, from, to),
    }),
  );
}

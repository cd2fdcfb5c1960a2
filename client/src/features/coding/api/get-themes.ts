import { queryOptions, useQuery } from '@tanstack/react-query';

import type { ThemeDto } from '@concord/shared';

import { api } from '@/lib/api-client';

import { codingKeys } from './keys';

export function getThemes(surveyId: string, question: string): Promise<ThemeDto[]> {
  return api.get<ThemeDto[]>(`/surveys/${surveyId}/themes`, { query: { question } });
}

export function useThemes(surveyId: string | undefined, question: string | null) {
  return useQuery(
    queryOptions({
      queryKey: codingKeys.themes(surveyId ?? '', question ?? ''),
      queryFn: () => getThemes(surveyId ?? '', question ?? ''),
      enabled: surveyId !== undefined && question !== null,
    }),
  );
}

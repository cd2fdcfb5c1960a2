import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { SurveyDto } from '@concord/shared';

import { api } from '@/lib/api-client';

import { surveysQueryKey } from './get-surveys';

export interface CreateSurveyInput {
  slug: string;
  title: string;
}

export function createSurvey(input: CreateSurveyInput): Promise<SurveyDto> {
  return api.post<SurveyDto>('/surveys', input);
}

export function useCreateSurvey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSurvey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: surveysQueryKey }),
  });
}

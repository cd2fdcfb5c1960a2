import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { CreateThemeRequest, MergeThemeResult, ThemeDto, UpdateThemeRequest } from '@concord/shared';

import { api } from '@/lib/api-client';

import { codingKeys } from './keys';

export function createTheme(surveyId: string, input: CreateThemeRequest): Promise<ThemeDto> {
  return api.post<ThemeDto>(`/surveys/${surveyId}/themes`, input);
}

export function updateTheme(surveyId: string, themeId: string, input: UpdateThemeRequest): Promise<ThemeDto> {
  return api.patch<ThemeDto>(`/surveys/${surveyId}/themes/${themeId}`, input);
}

export function mergeTheme(surveyId: string, themeId: string, intoId: string): Promise<MergeThemeResult> {
  return api.post<MergeThemeResult>(`/surveys/${surveyId}/themes/${themeId}/merge`, { intoId });
}

export function deleteTheme(surveyId: string, themeId: string): Promise<void> {
  return api.delete(`/surveys/${surveyId}/themes/${themeId}`);
}

/** Theme changes reload the question's themes and everything that shows codings. */
function useInvalidateThemes(surveyId: string, question: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: codingKeys.themes(surveyId, question) }),
      queryClient.invalidateQueries({ queryKey: [...codingKeys.all, 'answers'] }),
      queryClient.invalidateQueries({ queryKey: [...codingKeys.all, 'agreement'] }),
    ]);
}

export function useCreateTheme(surveyId: string, question: string) {
  const invalidate = useInvalidateThemes(surveyId, question);
  return useMutation({
    mutationFn: (input: Omit<CreateThemeRequest, 'question'>) => createTheme(surveyId, { ...input, question }),
    onSuccess: invalidate,
  });
}

export function useUpdateTheme(surveyId: string, question: string) {
  const invalidate = useInvalidateThemes(surveyId, question);
  return useMutation({
    mutationFn: ({ themeId, changes }: { themeId: string; changes: UpdateThemeRequest }) =>
      updateTheme(surveyId, themeId, changes),
    onSuccess: invalidate,
  });
}

export function useMergeTheme(surveyId: string, question: string) {
  const invalidate = useInvalidateThemes(surveyId, question);
  return useMutation({
    mutationFn: ({ themeId, intoId }: { themeId: string; intoId: string }) => mergeTheme(surveyId, themeId, intoId),
    onSuccess: invalidate,
  });
}

export function useDeleteTheme(surveyId: string, question: string) {
  const invalidate = useInvalidateThemes(surveyId, question);
  return useMutation({ mutationFn: (themeId: string) => deleteTheme(surveyId, themeId), onSuccess: invalidate });
}

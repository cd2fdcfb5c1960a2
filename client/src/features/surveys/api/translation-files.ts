import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { StaleSource } from '@concord/shared';

import { api } from '@/lib/api-client';

import { surveyQueryKey } from './get-survey';

export type TranslationFormat = 'xlsx' | 'xliff';

export interface TranslationImportResult {
  updated: number;
  unknownKeys: string[];
  staleSources: StaleSource[];
}

const CONTENT_TYPES: Record<TranslationFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xliff: 'application/xliff+xml',
};

export function translationFileUrl(
  surveyId: string,
  version: number,
  locale: string,
  format: TranslationFormat,
): string {
  return `/api/surveys/${surveyId}/versions/${String(version)}/translations/${encodeURIComponent(locale)}.${format}`;
}

export interface ImportTranslationsInput {
  surveyId: string;
  version: number;
  locale: string;
  file: File;
}

export function importTranslations(input: ImportTranslationsInput): Promise<TranslationImportResult> {
  const format: TranslationFormat = /\.xlsx$/i.test(input.file.name) ? 'xlsx' : 'xliff';
  return api.put<TranslationImportResult>(
    `/surveys/${input.surveyId}/versions/${String(input.version)}/translations/${encodeURIComponent(input.locale)}.${format}`,
    input.file,
    { headers: { 'Content-Type': CONTENT_TYPES[format] } },
  );
}

export function useImportTranslations() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importTranslations,
    onSuccess: (_result, input) => queryClient.invalidateQueries({ queryKey: surveyQueryKey(input.surveyId) }),
  });
}

import { useQuery } from '@tanstack/react-query';

import type { CharterLanguage, CharterTranslationDto } from '@concord/shared';

import { api } from '@/lib/api-client';

import { charterKey } from './keys';

export function getTranslations(id: string, lang: CharterLanguage, revision: number): Promise<CharterTranslationDto> {
  return api.get<CharterTranslationDto>(`/charters/${id}/translations`, { query: { lang, revision } });
}

export function useTranslations(id: string, lang: CharterLanguage | null, revision: number) {
  return useQuery({
    queryKey: [...charterKey(id), 'translations', lang, revision],
    queryFn: () => getTranslations(id, lang ?? 'fr', revision),
    enabled: lang !== null,
  });
}

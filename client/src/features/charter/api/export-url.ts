import type { CharterLanguage } from '@concord/shared';

/** Exports are plain downloads: the browser follows the link with the session cookie. */
export function exportUrl(
  id: string,
  format: 'md' | 'html' | 'docx',
  revision: number,
  against?: number,
  lang?: CharterLanguage,
): string {
  const params = new URLSearchParams({ format, revision: String(revision) });
  if (against !== undefined) params.set('against', String(against));
  if (lang !== undefined && lang !== 'en') params.set('lang', lang);
  return `/api/charters/${id}/export?${params.toString()}`;
}

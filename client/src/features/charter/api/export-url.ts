/** Exports are plain downloads: the browser follows the link with the session cookie. */
export function exportUrl(id: string, format: 'md' | 'html' | 'docx', revision: number, against?: number): string {
  const params = new URLSearchParams({ format, revision: String(revision) });
  if (against !== undefined) params.set('against', String(against));
  return `/api/charters/${id}/export?${params.toString()}`;
}

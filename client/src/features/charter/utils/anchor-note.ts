import type { CharterClause, CharterCommentDto } from '@concord/shared';

/** Where a comment's quoted passage stands in the revision read, in words. */
export function anchorNote(comment: CharterCommentDto, clauses: readonly CharterClause[]): string {
  const anchor = comment.anchor;
  if (anchor === null) return '';
  if (anchor.status === null) return anchor.clauseExists ? '' : ' · clause no longer in the charter';
  const heading = (id: string | null) => clauses.find((clause) => clause.id === id)?.heading ?? id ?? '';
  switch (anchor.status) {
    case 'exact':
      return '';
    case 'moved':
      return ` · passage moved to ${heading(anchor.clauseId)}`;
    case 'changed':
      return ` · passage changed since; now reads “${anchor.text ?? ''}”`;
    case 'gone':
      return ' · passage no longer in the charter';
  }
}

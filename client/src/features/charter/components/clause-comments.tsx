import type { CharterClause, CharterCommentDto } from '@concord/shared';

import { anchorNote } from '../utils/anchor-note';

/** Open comments on a clause beside it, each saying whether its quoted passage is still there. */
export function ClauseComments({
  clauseId,
  clauses,
  comments,
}: {
  clauseId: string;
  clauses: readonly CharterClause[];
  comments: readonly CharterCommentDto[];
}) {
  // A passage moved to another clause shows its comment there.
  const here = comments.filter(
    (comment) =>
      comment.parentId === null &&
      !comment.resolved &&
      (comment.anchor?.status === 'moved' || comment.anchor?.status === 'changed'
        ? comment.anchor.clauseId === clauseId
        : comment.clauseId === clauseId),
  );
  if (here.length === 0) return null;
  return (
    <ul className="charter-clause-comments" aria-label="Comments on this clause">
      {here.map((comment) => (
        <li key={comment.id} className="charter-clause-comment">
          {comment.quote === null ? null : <q>{comment.quote}</q>}{' '}
          {comment.anchor?.status == null ? null : (
            <span className={`badge charter-anchor charter-anchor--${comment.anchor.status}`}>
              {comment.anchor.status}
            </span>
          )}{' '}
          <strong>{comment.author.name}</strong>: {comment.body}
          <span className="muted">{anchorNote(comment, clauses)}</span>
        </li>
      ))}
    </ul>
  );
}

import { useState } from 'react';

import type { CharterCommentDto, CharterRevisionDto } from '@concord/shared';

import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/field';
import { SmallButton } from '@/components/small-button';

import { useAddComment } from '../api/add-comment';
import { useResolveComment } from '../api/resolve-comment';
import { anchorNote } from '../utils/anchor-note';

interface CommentsPanelProps {
  charterId: string;
  head: CharterRevisionDto;
  comments: readonly CharterCommentDto[];
  canWrite: boolean;
}

/** Clause comments, threaded, with whether each quoted passage is still in the latest revision. */
export function CommentsPanel({ charterId, head, comments, canWrite }: CommentsPanelProps) {
  const add = useAddComment(charterId);
  const resolve = useResolveComment(charterId);
  const [clauseId, setClauseId] = useState(head.clauses[0]?.id ?? '');
  const [body, setBody] = useState('');
  const [replies, setReplies] = useState<Record<string, string>>({});
  const threads = comments.filter((comment) => comment.parentId === null && comment.clauseId !== null);
  const heading = (id: string | null) => head.clauses.find((clause) => clause.id === id)?.heading ?? id ?? '';

  return (
    <div className="stack">
      {threads.length === 0 ? <p className="muted">No comments yet.</p> : null}
      {threads.map((thread) => (
        <article
          key={thread.id}
          className={`panel charter-comment${thread.resolved ? ' charter-comment--resolved' : ''}`}
        >
          <p className="muted">
            {heading(thread.clauseId)} · r{thread.revision}
            {anchorNote(thread, head.clauses)}
            {thread.resolved ? ' · resolved' : ''}
          </p>
          {thread.quote === null ? null : <blockquote>{thread.quote}</blockquote>}
          {[thread, ...comments.filter((reply) => reply.parentId === thread.id)].map((comment) => (
            <p key={comment.id}>
              <strong>{comment.author.name}</strong>: {comment.body}
            </p>
          ))}
          {canWrite ? (
            <p className="inline-form">
              <input
                aria-label="Reply"
                placeholder="Reply"
                value={replies[thread.id] ?? ''}
                onChange={(event) => setReplies({ ...replies, [thread.id]: event.target.value })}
              />
              <SmallButton
                disabled={(replies[thread.id] ?? '').trim() === ''}
                onClick={() =>
                  add.mutate(
                    { parentId: thread.id, body: replies[thread.id] ?? '' },
                    { onSuccess: () => setReplies({ ...replies, [thread.id]: '' }) },
                  )
                }
              >
                Reply
              </SmallButton>
              <SmallButton onClick={() => resolve.mutate({ commentId: thread.id, resolved: !thread.resolved })}>
                {thread.resolved ? 'Reopen' : 'Resolve'}
              </SmallButton>
            </p>
          ) : null}
        </article>
      ))}
      {canWrite ? (
        <form
          className="panel stack"
          onSubmit={(event) => {
            event.preventDefault();
            add.mutate({ clauseId, body }, { onSuccess: () => setBody('') });
          }}
        >
          <h2>New comment on a whole clause</h2>
          <Field id="comment-clause" label="Clause">
            <select id="comment-clause" value={clauseId} onChange={(event) => setClauseId(event.target.value)}>
              {head.clauses.map((clause) => (
                <option key={clause.id} value={clause.id}>
                  {clause.heading}
                </option>
              ))}
            </select>
          </Field>
          <p className="muted">To comment on a passage, select it while reading the clause.</p>
          <Field id="comment-body" label="Comment">
            <textarea id="comment-body" value={body} required onChange={(event) => setBody(event.target.value)} />
          </Field>
          <ErrorAlert error={add.error} title="Could not comment" />
          <p>
            <button type="submit" className="button button--primary" disabled={add.isPending || body.trim() === ''}>
              Comment
            </button>
          </p>
        </form>
      ) : null}
    </div>
  );
}

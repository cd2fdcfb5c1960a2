import { useState } from 'react';

import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/field';
import { SmallButton } from '@/components/small-button';

import { useAddComment } from '../api/add-comment';

/** A comment on a passage the reader selected: the quote is taken from the selection, never typed. */
export function SelectionComment({
  charterId,
  revision,
  clauseId,
  quote,
  onDone,
}: {
  charterId: string;
  revision: number;
  clauseId: string;
  quote: string;
  onDone: () => void;
}) {
  const add = useAddComment(charterId);
  const [body, setBody] = useState('');
  return (
    <form
      className="panel stack charter-selection-comment"
      aria-label="Comment on the selected passage"
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate({ clauseId, quote, body, revision }, { onSuccess: onDone });
      }}
    >
      <p className="muted">Comment on the selected passage:</p>
      <blockquote>{quote}</blockquote>
      <Field id={`selection-comment-${clauseId}`} label="Your comment">
        <textarea
          id={`selection-comment-${clauseId}`}
          value={body}
          required
          onChange={(event) => setBody(event.target.value)}
        />
      </Field>
      <ErrorAlert error={add.error} title="Could not comment" />
      <p className="inline-form">
        <button
          type="submit"
          className="button button--small button--primary"
          disabled={add.isPending || body.trim() === ''}
        >
          Comment on selection
        </button>
        <SmallButton onClick={onDone}>Cancel</SmallButton>
      </p>
    </form>
  );
}

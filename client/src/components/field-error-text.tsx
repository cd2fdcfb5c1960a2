import { ApiError } from '@/lib/api-client';

interface FieldErrorTextProps {
  /** The failed call's error; anything other than an ApiError with this field's problems renders nothing. */
  error: unknown;
  /** The field's path as the server names it, e.g. `email` or `settings.minCellSize`. */
  field: string;
  /** Give the input `aria-describedby` this id so screen readers read the problem with the field. */
  id: string;
}

/** The server's validation messages for one field, shown beside it. */
export function FieldErrorText({ error, field, id }: FieldErrorTextProps) {
  const messages = error instanceof ApiError ? error.fieldMessages.get(field) : undefined;
  if (messages === undefined || messages.length === 0) return null;
  return (
    <p id={id} className="field__error">
      {messages.join(' ')}
    </p>
  );
}

/** The ids an input's `aria-describedby` should list: its hint, and its error while there is one. */
export function describedBy(error: unknown, field: string, errorId: string, ...others: string[]): string | undefined {
  const hasError = error instanceof ApiError && (error.fieldMessages.get(field)?.length ?? 0) > 0;
  const ids = hasError ? [...others, errorId] : others;
  return ids.length === 0 ? undefined : ids.join(' ');
}

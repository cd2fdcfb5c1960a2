import type { ReactNode, SubmitEvent } from 'react';

import { ErrorAlert } from './error-alert';

interface MutationFormProps {
  /** The call the form makes: its button is disabled while it runs, and its error is shown. */
  mutation: { isPending: boolean; error: unknown };
  /** Runs on submit; the browser's own form submission is already prevented. */
  onSubmit: () => void;
  /** The button's text. */
  submitLabel: ReactNode;
  /** The button's variant classes, e.g. `button--primary`. */
  submitClassName?: string;
  /** Context shown before the error message, e.g. "Could not create the token". */
  errorTitle: string;
  /**
   * `stack`: the fields, the error and the button under each other;
   * `inline`: the fields and the button on one line, the error on its own line below.
   */
  layout: 'stack' | 'inline';
  /** The fields (and any text between them). */
  children: ReactNode;
}

/** A form that submits one mutation, with its submit button and the error of the call. */
export function MutationForm({
  mutation,
  onSubmit,
  submitLabel,
  submitClassName,
  errorTitle,
  layout,
  children,
}: MutationFormProps) {
  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit();
  }

  const button = (
    <button
      type="submit"
      className={['button', submitClassName].filter(Boolean).join(' ')}
      disabled={mutation.isPending}
    >
      {submitLabel}
    </button>
  );
  if (layout === 'inline') {
    return (
      <form className="inline-form" onSubmit={handleSubmit}>
        {children}
        {button}
        <ErrorAlert error={mutation.error} title={errorTitle} className="inline-form__error" />
      </form>
    );
  }
  return (
    <form className="stack" onSubmit={handleSubmit}>
      {children}
      <ErrorAlert error={mutation.error} title={errorTitle} />
      <div>{button}</div>
    </form>
  );
}

import { useEffect, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

interface CopyButtonProps {
  text: string;
  /** Visible button text; also says what is copied, e.g. "Copy token". */
  label?: string;
}

export function CopyButton({ text, label = 'Copy' }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => {
      setState('idle');
    }, 4000);
    return () => {
      window.clearTimeout(timer);
    };
  }, [state]);

  async function copy() {
    try {
      // The Clipboard API is missing on plain-http origins other than localhost; that throws here.
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  }

  return (
    <span className="copy-button">
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          void copy();
        }}
      >
        {label}
      </button>
      <span className="copy-button__status" role="status">
        {state === 'copied' ? 'Copied to the clipboard.' : null}
        {state === 'failed' ? 'Could not copy: select the text and copy it by hand.' : null}
      </span>
    </span>
  );
}

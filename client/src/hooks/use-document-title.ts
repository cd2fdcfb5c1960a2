import { useEffect } from 'react';

const PRODUCT_NAME = 'Concord';

/** Sets the browser tab title, e.g. "Users · Concord", so tabs and history entries are distinguishable. */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · ${PRODUCT_NAME}` : PRODUCT_NAME;
  }, [title]);
}

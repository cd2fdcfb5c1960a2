import type { ReactNode } from 'react';

import { useDocumentTitle } from '@/hooks/use-document-title';

interface PlaceholderPageProps {
  title: string;
  children?: ReactNode;
}

/** Stands in for a section whose feature is not built yet. */
export function PlaceholderPage({ title, children }: PlaceholderPageProps) {
  useDocumentTitle(title);
  return (
    <>
      <h1>{title}</h1>
      {children}
      <p className="muted">This section is not available yet.</p>
    </>
  );
}

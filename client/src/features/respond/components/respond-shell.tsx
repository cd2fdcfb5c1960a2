import { useEffect, type ReactNode } from 'react';

import { applyDocumentLanguage, textDirection } from '../utils/language';

export function formatDate(iso: string, language: string): string {
  return new Date(iso).toLocaleString(language, { dateStyle: 'long', timeStyle: 'short' });
}

/** The page's frame: the document's `lang` and `dir` follow the language shown. */
export function RespondShell({ language, children }: { language: string; children: ReactNode }) {
  useEffect(() => applyDocumentLanguage(language), [language]);
  return (
    <main className="respond" lang={language} dir={textDirection(language)}>
      {children}
    </main>
  );
}

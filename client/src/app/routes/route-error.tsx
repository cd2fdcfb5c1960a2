import { isRouteErrorResponse, useRouteError } from 'react-router';

import { errorMessage } from '@/components/error-alert';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** A failed lazy import almost always means a new version was deployed while this tab was open. */
function isStaleBundle(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    /dynamically imported module|module script failed|Importing a module script/i.test(error.message)
  );
}

function describe(error: unknown): string {
  if (isStaleBundle(error))
    return 'Concord has been updated since this page was opened. Reload to get the new version.';
  if (isRouteErrorResponse(error)) return `${String(error.status)} ${error.statusText}`;
  return errorMessage(error);
}

interface RouteErrorPageProps {
  /** True outside the app shell, where this page must provide its own main landmark. */
  standalone?: boolean;
}

/** Shown when rendering a page throws. Inside the shell it keeps the header, so the user can go elsewhere. */
export function RouteErrorPage({ standalone = false }: RouteErrorPageProps) {
  useDocumentTitle('Error');
  const error = useRouteError();
  const content = (
    <div className="stack" role="alert">
      <h1>Something went wrong</h1>
      <p>{describe(error)}</p>
      <div>
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            window.location.reload();
          }}
        >
          Reload the page
        </button>
      </div>
    </div>
  );
  return standalone ? <main className="app-main app-main--centered">{content}</main> : content;
}

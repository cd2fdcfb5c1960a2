interface LoadingProps {
  label?: string;
  /** Centre in the viewport, for whole-page states such as checking the session. */
  fullPage?: boolean;
}

export function Loading({ label = 'Loading…', fullPage = false }: LoadingProps) {
  return (
    <div className={fullPage ? 'loading loading--full-page' : 'loading'} role="status">
      <span className="loading__spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

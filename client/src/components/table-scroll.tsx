import type { ReactNode } from 'react';

interface TableScrollProps {
  /** Names the scrollable region for screen readers, e.g. "Users". */
  label: string;
  children: ReactNode;
}

/** Lets a wide table scroll sideways on a phone instead of breaking the page layout. */
export function TableScroll({ label, children }: TableScrollProps) {
  return (
    // Focusable so keyboard users can scroll it too.
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

import type { ReactNode } from 'react';

/** One column heading of a data table. */
export interface ColumnHeading {
  label: ReactNode;
  /** Figures: the heading aligns right like the cells under it. */
  numeric?: boolean;
}

/**
 * A column as a table lists it: a plain label, a heading with options, or `false` for a column
 * the current user does not get (so a table can write `isAdmin && 'Personal data'`).
 */
export type Column = string | ColumnHeading | false;

/** The headings a table shows, in order: the columns it leaves out dropped, plain labels made headings. */
export function columnHeadings(columns: readonly Column[]): ColumnHeading[] {
  return columns.flatMap((column) => {
    if (column === false) return [];
    return [typeof column === 'string' ? { label: column } : column];
  });
}

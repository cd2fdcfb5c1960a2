import type { ReactNode } from 'react';

import type { Column } from './column-headings';
import { TableHead } from './table-head';
import { TableScroll } from './table-scroll';

interface DataTableProps {
  /** Names the scrollable region for screen readers, e.g. "Users". */
  label: string;
  /** Said to screen readers only, before the headings. */
  caption?: ReactNode;
  columns: readonly Column[];
  /** More classes beside `data-table`. */
  className?: string;
  /** The rows. */
  children: ReactNode;
}

/** A data table in its sideways-scrolling region: a caption for screen readers, the column headings, the rows. */
export function DataTable({ label, caption, columns, className, children }: DataTableProps) {
  return (
    <TableScroll label={label}>
      <table className={className === undefined ? 'data-table' : `data-table ${className}`}>
        {caption === undefined ? null : <caption className="visually-hidden">{caption}</caption>}
        <TableHead columns={columns} />
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  );
}

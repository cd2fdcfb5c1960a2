import { type Column, columnHeadings } from './column-headings';

/** The header row of a data table: one column heading (`scope="col"`) per column, figures aligned right. */
export function TableHead({ columns }: { columns: readonly Column[] }) {
  return (
    <thead>
      <tr>
        {columnHeadings(columns).map((heading, index) => (
          // The headings are fixed for a table, so their position is a stable key.
          <th key={index} scope="col" className={heading.numeric === true ? 'numeric' : undefined}>
            {heading.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

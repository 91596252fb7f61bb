import type { ReactNode } from 'react';

export interface Column<T> {
  /** The column's header; a column of buttons gets a header for screen readers only (kern-sr-only). */
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** numeric: right-aligned figures; action: the buttons of a row. */
  kind?: 'numeric' | 'action';
  /** The cell that names its row (<th scope="row">), for those who read a table cell by cell. */
  rowHeader?: boolean;
  /** Further classes of the column's cells. */
  className?: string;
}

/**
 * A KERN table: a caption for screen readers, a header row, one row per item (its key also as
 * data-id), or the empty state (a sentence in German) when there are none. Nothing while `rows` is
 * still loading. A column shown only sometimes is passed as `cond && column`.
 */
export function DataTable<T>({ caption, columns, rows, empty, rowKey = (row) => (row as { id: string }).id, rowClassName, className = 'kern-table--striped' }: {
  caption: string;
  columns: Array<Column<T> | false | undefined>;
  rows: T[] | undefined;
  empty?: ReactNode;
  /** Defaults to the row's `id`. */
  rowKey?: (row: T) => string;
  rowClassName?: (row: T) => string | undefined;
  /** The table's modifier classes (default striped). */
  className?: string;
}) {
  if (!rows) return null;
  if (rows.length === 0) return empty ? <p className="kern-body">{empty}</p> : null;
  const shown = columns.filter((c): c is Column<T> => !!c);
  return (
    <div className="kern-table-responsive">
      <table className={`kern-table ${className}`}>
        <caption className="kern-sr-only">{caption}</caption>
        <thead className="kern-table__head">
          <tr className="kern-table__row">
            {shown.map((c, i) => <th key={i} scope="col" className={`kern-table__header${c.kind ? ` kern-table__header--${c.kind}` : ''}`}>{c.header}</th>)}
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {rows.map((row) => {
            const key = rowKey(row);
            const extra = rowClassName?.(row);
            return (
              <tr className={`kern-table__row${extra ? ` ${extra}` : ''}`} key={key} data-id={key}>
                {shown.map((c, i) => {
                  const cls = `kern-table__cell${c.kind ? ` kern-table__cell--${c.kind}` : ''}${c.className ? ` ${c.className}` : ''}`;
                  return c.rowHeader ? <th key={i} scope="row" className={cls}>{c.cell(row)}</th> : <td key={i} className={cls}>{c.cell(row)}</td>;
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

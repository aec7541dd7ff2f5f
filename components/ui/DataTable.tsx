import type { ReactNode } from "react";
import { ScrollRegion } from "./ScrollRegion";
import { cellClass, headClass, TABLE_LOOKS, type Column, type DataProps, type TableLookName } from "./table";

export type { Column } from "./table";

/** Rows drawn as one `<tbody>`, with an optional heading row (a group of rows that belong together). */
export interface RowGroup<R> {
  key: string | number;
  rows: R[];
  head?: ReactNode;
  data?: DataProps;
}

interface Props<R> {
  columns: Column<R>[];
  /** Either the rows, or the rows in groups of their own. */
  rows?: R[];
  groups?: RowGroup<R>[];
  rowKey: (row: R) => string | number;
  /** data-testid and data-* attributes the tests and lessons read from a row. */
  rowData?: (row: R) => DataProps;
  look?: TableLookName;
  /** Names the scroll region for a screen reader (read while the table scrolls). */
  label?: string;
  /** A caption read by a screen reader, not shown. */
  caption?: string;
  /** When given, the table sits in a ScrollRegion with these classes (a keyboard user can scroll it). */
  scroll?: { className?: string; data?: DataProps };
  className?: string;
  data?: DataProps;
}

/**
 * One table for the whole app: columns as data (header, cell, alignment, mono), `th scope="col"` headers,
 * a sticky header in the boxed look, and a ScrollRegion around it when it may scroll.
 */
export function DataTable<R>({ columns, rows, groups, rowKey, rowData, look = "plain", label, caption, scroll, className = "", data }: Props<R>) {
  const l = TABLE_LOOKS[look];
  const bodies = groups ?? [{ key: "rows", rows: rows ?? [] }];
  const body = (g: RowGroup<R>) => (
    <tbody key={g.key} className={g.head === undefined ? l.tbody : l.group} {...g.data}>
      {g.head !== undefined && (
        <tr className="bg-surface-2/60">
          <td colSpan={columns.length} className="px-2 py-1">
            {g.head}
          </td>
        </tr>
      )}
      {g.rows.map((r) => (
        <tr key={rowKey(r)} className={l.row} {...rowData?.(r)}>
          {columns.map((c) => {
            const Cell = c.rowHeader ? "th" : "td";
            return (
              <Cell key={c.id} scope={c.rowHeader ? "row" : undefined} className={cellClass(l, c, r)} title={c.title?.(r)} {...c.data?.(r)}>
                {c.cell(r)}
              </Cell>
            );
          })}
        </tr>
      ))}
    </tbody>
  );
  const table = (
    <table className={`${l.table} ${className}`} {...data}>
      {caption && <caption className="sr-only">{caption}</caption>}
      <thead className={l.thead}>
        <tr>
          {columns.map((c) => (
            <th key={c.id} scope="col" className={headClass(l, c)}>
              {c.hideHeader ? <span className="sr-only">{c.header}</span> : c.header}
            </th>
          ))}
        </tr>
      </thead>
      {bodies.map(body)}
    </table>
  );
  if (!scroll) return table;
  return (
    <ScrollRegion label={label ?? caption ?? ""} className={scroll.className} {...scroll.data}>
      {table}
    </ScrollRegion>
  );
}

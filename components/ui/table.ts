import type { ReactNode } from "react";

export type DataProps = Record<`data-${string}`, string | number | boolean>;

/** One column of a DataTable: its header and how to draw a row's cell. */
export interface Column<R> {
  id: string;
  header: ReactNode;
  /** For action columns: the header is read by a screen reader but not shown. */
  hideHeader?: boolean;
  cell: (row: R) => ReactNode;
  align?: "left" | "right";
  /** Numbers, ids and offsets: monospaced. */
  mono?: boolean;
  /** The row's name: drawn as `th scope="row"`. */
  rowHeader?: boolean;
  /** Extra classes for the cell (a tone that depends on the row, a width limit). */
  className?: string | ((row: R) => string);
  /** Extra classes for the header cell (padding that sets the column apart). */
  headClassName?: string;
  title?: (row: R) => string | undefined;
  data?: (row: R) => DataProps;
}

/** How a table looks: the classes of each part, kept as data so every table in the app picks one. */
export interface TableLook {
  table: string;
  thead: string;
  th: string;
  tbody: string;
  /** A `<tbody>` with a heading row (DataTable's groups). */
  group: string;
  row: string;
  td: string;
}

const PLAIN: TableLook = {
  table: "w-full text-sm",
  thead: "text-xs text-muted",
  th: "py-1 pr-2 font-normal",
  tbody: "font-mono text-xs",
  group: "font-mono text-xs",
  row: "border-t border-line",
  td: "py-1 pr-2",
};

const BOXED: TableLook = {
  table: "w-full text-xs",
  thead: "sticky top-0 z-10 bg-surface-2 text-muted",
  th: "px-2 py-1.5 font-medium",
  tbody: "font-mono",
  group: "border-t-2 border-line",
  row: "border-t border-line",
  td: "px-2 py-1",
};

export const TABLE_LOOKS = {
  /** A small table inside a card: muted headers, a line between rows. */
  plain: PLAIN,
  /** Rows that come and go (tails, lists): dense, with a line between rows. */
  dense: { ...PLAIN, td: "py-0.5 pr-2" },
  /** Rows with a badge or a button: airier, aligned at the top. */
  roomy: { ...PLAIN, th: "whitespace-nowrap py-1 pr-2 font-normal", tbody: "", row: "border-t border-line align-top", td: "py-1.5 pr-2" },
  /** Offsets beside a chart: small text, no side padding. */
  compact: { ...PLAIN, table: "w-full text-xs", th: "py-1 font-medium", tbody: "font-mono", td: "py-1" },
  /** A few numbers under a sentence: no lines, only as wide as it needs. */
  bare: { ...PLAIN, table: "w-fit font-mono text-xs", th: "pr-4 font-normal", tbody: "", row: "", td: "pr-4" },
  /** A long table in a bordered box that scrolls under a sticky header. */
  boxed: BOXED,
  /** The boxed look with rows in groups, each under a heading row. */
  grouped: { ...BOXED, row: "font-mono", td: "px-2 py-0.5" },
} satisfies Record<string, TableLook>;

export type TableLookName = keyof typeof TABLE_LOOKS;

const alignClass = <R>(c: Column<R>) => (c.align === "right" ? "text-right" : "text-left");

export function headClass<R>(l: TableLook, c: Column<R>): string {
  return [l.th, alignClass(c), c.headClassName ?? ""].filter(Boolean).join(" ");
}

export function cellClass<R>(l: TableLook, c: Column<R>, row: R): string {
  const extra = typeof c.className === "function" ? c.className(row) : (c.className ?? "");
  const parts = [l.td, c.align === "right" ? "text-right" : "", c.mono ? "font-mono" : "", extra];
  return parts.filter(Boolean).join(" ");
}

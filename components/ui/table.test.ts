import { describe, expect, it } from "vitest";
import { cellClass, headClass, TABLE_LOOKS, type Column } from "./table";

type Row = { lag: number };
const look = TABLE_LOOKS.plain;

describe("table columns as data", () => {
  it("aligns a header left unless the column is right-aligned (a th is centred by default)", () => {
    expect(headClass(look, { id: "a", header: "A", cell: () => null })).toContain("text-left");
    const right = headClass(look, { id: "a", header: "A", align: "right", cell: () => null });
    expect(right).toContain("text-right");
    expect(right).not.toContain("text-left");
    expect(headClass(look, { id: "a", header: "A", headClassName: "pl-2", cell: () => null }).split(" ")).toContain("pl-2");
  });
  it("gives a cell the look's padding, its alignment, the mono font and a class that depends on the row", () => {
    const col: Column<Row> = { id: "lag", header: "Lag", align: "right", mono: true, cell: (r) => r.lag, className: (r) => (r.lag > 0 ? "text-warn" : "") };
    expect(cellClass(look, col, { lag: 3 }).split(" ")).toEqual([...look.td.split(" "), "text-right", "font-mono", "text-warn"]);
    expect(cellClass(look, col, { lag: 0 })).not.toContain("text-warn");
  });
  it("keeps the boxed look's header over the rows while they scroll", () => {
    expect(TABLE_LOOKS.boxed.thead).toContain("sticky");
    expect(TABLE_LOOKS.grouped.thead).toContain("sticky");
  });
});

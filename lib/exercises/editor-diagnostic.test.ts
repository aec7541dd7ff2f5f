import { describe, expect, it } from "vitest";
import { diagnosticAt } from "./editor-diagnostic";

const CODE = ["export function process(record, ctx) {", "  const n = record.value.count;", "  throw new Error('boom');", "}"].join("\n");
const marked = (d: ReturnType<typeof diagnosticAt>) => (d ? CODE.slice(d.from, d.to) : null);

describe("diagnosticAt", () => {
  it("marks the error's line from its first non-blank character when no column is known", () => {
    const d = diagnosticAt(CODE, { message: "boom", line: 3 });
    expect(marked(d)).toBe("throw new Error('boom');");
    expect(d).toMatchObject({ severity: "error", message: "boom" });
  });
  it("marks the word at a 1-based column", () => {
    expect(marked(diagnosticAt(CODE, { message: "x", line: 2, column: 20 }))).toBe("value");
    expect(marked(diagnosticAt(CODE, { message: "x", line: 1, column: 1 }))).toBe("export");
  });
  it("marks one character where the column is not at a word", () => {
    expect(marked(diagnosticAt(CODE, { message: "x", line: 1, column: 38 }))).toBe("{");
  });
  it("clamps a line past the end (lines deleted since Run) to the last line, and a column past the line to its end", () => {
    expect(marked(diagnosticAt(CODE, { message: "x", line: 99 }))).toBe("}");
    const d = diagnosticAt(CODE, { message: "x", line: 4, column: 50 });
    expect(d).toMatchObject({ from: CODE.length, to: CODE.length });
  });
  it("clamps a line or column below 1", () => {
    expect(marked(diagnosticAt(CODE, { message: "x", line: 0 }))).toBe(CODE.split("\n")[0]);
    expect(marked(diagnosticAt(CODE, { message: "x", line: 2, column: -3 }))).toBe(" ");
  });
  it("gives no mark for an error without a line", () => {
    expect(diagnosticAt(CODE, { message: "out of memory" })).toBeNull();
  });
  it("keeps the range inside an empty document", () => {
    expect(diagnosticAt("", { message: "x", line: 1, column: 3 })).toMatchObject({ from: 0, to: 0 });
  });
});

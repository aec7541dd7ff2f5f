import { describe, expect, it } from "vitest";
import { linesOf, type FileLine } from "./lines";
import { createRowReader, csvHeader } from "./rows";

const lines = async (chunks: (string | Buffer)[], max?: number) => {
  const out: FileLine[] = [];
  for await (const l of linesOf(
    (async function* () {
      yield* chunks;
    })(),
    max,
  ))
    out.push(l);
  return out;
};

describe("linesOf", () => {
  it("numbers lines from 1 across chunks, \\n or \\r\\n, dropping the BOM, a multi-byte character split between chunks kept whole", async () => {
    const bytes = Buffer.from("\uFEFFa,b\r\n1,浙江\n\n2,x");
    const got = await lines([bytes.subarray(0, 12), bytes.subarray(12)]);
    expect(got.map((l) => [l.line, l.text])).toEqual([
      [1, "a,b"],
      [2, "1,浙江"],
      [3, ""],
      [4, "2,x"],
    ]);
  });

  it("cuts a line past the limit and marks it, and goes on with the next one", async () => {
    const got = await lines(["a\n", "x".repeat(30), "y".repeat(30), "\nb\n"], 40);
    expect(got.map((l) => [l.line, l.text.length, l.tooLong])).toEqual([
      [1, 1, false],
      [2, 40, true],
      [3, 1, false],
    ]);
  });
});

describe("createRowReader", () => {
  const read = (format: "csv" | "jsonl", texts: string[]) => {
    const reader = createRowReader(format);
    return texts.map((text, i) => reader({ line: i + 1, text, tooLong: false }));
  };

  it("reads a CSV's header, then each line as fields by column name, quotes understood", () => {
    const [header, row, blank, quoted] = read("csv", ["user_id,gender,province", "7,1,浙江", " ", '8,"0","a, b"']);
    expect(header).toBeNull();
    expect(blank).toBeNull();
    expect(row).toEqual({ kind: "row", line: 2, fields: { user_id: "7", gender: "1", province: "浙江" } });
    expect(quoted).toEqual({ kind: "row", line: 4, fields: { user_id: "8", gender: "0", province: "a, b" } });
  });

  it("makes a problem with the line number of a row with too few or too many values, or an open quote", () => {
    const got = read("csv", ["a,b", "1", "1,2,3", '"1,2']);
    expect(got.slice(1)).toEqual([
      { kind: "problem", problem: { line: 2, reason: "bad_row", error: "1 values for 2 columns" } },
      { kind: "problem", problem: { line: 3, reason: "bad_row", error: "3 values for 2 columns" } },
      { kind: "problem", problem: { line: 4, reason: "bad_row", error: "not a CSV row" } },
    ]);
  });

  it("reads JSON lines as objects, and makes a problem of anything else", () => {
    const got = read("jsonl", ['{"k":"a","t":1}', "[1]", "{oops", "7"]);
    expect(got[0]).toEqual({ kind: "row", line: 1, fields: { k: "a", t: 1 } });
    expect(got.slice(1).map((r) => r?.kind === "problem" && [r.problem.line, r.problem.error])).toEqual([
      [2, "not a JSON object"],
      [3, "not JSON"],
      [4, "not a JSON object"],
    ]);
  });

  it("makes a too-long line a problem", () => {
    const reader = createRowReader("jsonl");
    expect(reader({ line: 9, text: "{", tooLong: true })).toMatchObject({ kind: "problem", problem: { line: 9, reason: "too_large" } });
  });

  it("refuses a header with an empty or repeated column", () => {
    expect(csvHeader("a,,b")).toEqual({ error: "the CSV header has an empty column name" });
    expect(csvHeader("a,b,a")).toEqual({ error: 'the CSV header names the column "a" twice' });
    expect(csvHeader(" a ,b")).toEqual({ columns: ["a", "b"] });
  });
});

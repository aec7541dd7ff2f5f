import { describe, expect, it } from "vitest";
import { inspectDataset } from "./inspect";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("inspectDataset", () => {
  it("accepts a CSV with a header, naming its columns and showing its first rows", () => {
    const got = inspectDataset(bytes("user_id,gender\n1,0\n2,1\n"), "text/csv", "log.csv");
    expect(got).toEqual({
      ok: true,
      format: "csv",
      columns: ["user_id", "gender"],
      preview: [
        { user_id: "1", gender: "0" },
        { user_id: "2", gender: "1" },
      ],
    });
  });

  it("accepts JSON lines, by type, by name or by content, its columns those of its first rows", () => {
    const text = '{"k":"a","t":1}\n{"k":"b","extra":true}\n';
    for (const [type, name] of [
      ["application/x-ndjson", null],
      ["", "x.jsonl"],
      ["text/plain", null],
    ] as const)
      expect(inspectDataset(bytes(text), type, name)).toMatchObject({ ok: true, format: "jsonl", columns: ["k", "t", "extra"] });
  });

  it("refuses what is not a dataset with 415, and a broken one with 400, each saying what to upload", () => {
    expect(inspectDataset(bytes("x"), "image/png", "a.png")).toMatchObject({
      ok: false,
      status: 415,
      error: expect.stringMatching(/^image\/png is not a dataset: upload a CSV/),
    });
    expect(inspectDataset(new Uint8Array([0xff, 0xfe, 0x00]), "text/csv", null)).toMatchObject({
      ok: false,
      status: 415,
      error: expect.stringMatching(/not UTF-8/),
    });
    expect(inspectDataset(bytes("\n\n"), "text/csv", null)).toMatchObject({ ok: false, status: 400, error: expect.stringMatching(/empty/) });
    expect(inspectDataset(bytes("a,a\n1,2\n"), "text/csv", null)).toMatchObject({ status: 400, error: expect.stringMatching(/"a" twice/) });
    expect(inspectDataset(bytes("a,b\n"), "text/csv", null)).toMatchObject({ status: 400, error: "the file has a header but no rows" });
    expect(inspectDataset(bytes("a,b\n1,2\n3\n"), "text/csv", null)).toMatchObject({
      status: 400,
      error: expect.stringMatching(/^line 3: 1 values for 2 columns/),
    });
    expect(inspectDataset(bytes("a,b\n1,2\n3\n4,5\n"), "text/csv", null)).toMatchObject({ ok: true, preview: [{ a: "1" }, { a: "4" }] });
    expect(inspectDataset(bytes('{"a":1}\nnope\n'), "application/x-ndjson", null)).toMatchObject({
      status: 400,
      error: expect.stringMatching(/^line 2: not JSON/),
    });
    expect(inspectDataset(bytes('{"a":1}\n'), "text/csv", null)).toMatchObject({ status: 400, error: expect.stringMatching(/looks like JSON lines/) });
  });
});

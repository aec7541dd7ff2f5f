import { describe, expect, it } from "vitest";
import { heldRecords, isHeldRecord, tallyRead } from "./txn";

describe("the held transaction's records", () => {
  it("two per partition of a 3-partition topic, each marked as the experiment's", () => {
    const records = heldRecords(5);
    expect(records).toHaveLength(6);
    expect(new Set(records.map((r) => r.key)).size).toBe(3);
    expect(records.every((r) => isHeldRecord(r.value))).toBe(true);
  });

  it("a reader counts all it read, the experiment's apart, and its last offset", () => {
    const start = { isolation: "read_uncommitted" as const, records: 0, demoRecords: 0, lastOffset: null };
    const after = tallyRead(start, [
      { offset: "7", value: '{"strategy":"A","result":4}' },
      { offset: "8", value: heldRecords(1)[0]!.value },
      { offset: "9", value: null },
    ]);
    expect(after).toMatchObject({ records: 3, demoRecords: 1, lastOffset: "9" });
    expect(tallyRead(after, [])).toBe(after);
  });
});

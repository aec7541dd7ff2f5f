import { describe, expect, it } from "vitest";
import type { OutgoingRecord } from "@/lib/contract/records";
import { chunkBySize } from "./chunk";

const rec = (i: number, bytes: number): OutgoingRecord => ({ topic: "t", key: `k${i}`, value: "x".repeat(bytes), timestamp: i });

describe("chunkBySize", () => {
  it("keeps a small set in one send", () => {
    expect(chunkBySize([rec(1, 10), rec(2, 10)])).toHaveLength(1);
  });

  it("splits a large set into sends under the limit, in order, losing nothing", () => {
    const records = Array.from({ length: 5000 }, (_, i) => rec(i, 300));
    const chunks = chunkBySize(records, 100_000);
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.flat()).toEqual(records);
    for (const c of chunks) expect(c.reduce((n, r) => n + String(r.value).length + 70, 0)).toBeLessThanOrEqual(110_000);
  });

  it("sends a record larger than the limit on its own", () => {
    const chunks = chunkBySize([rec(1, 10), rec(2, 200_000), rec(3, 10)], 100_000);
    expect(chunks.map((c) => c.map((r) => r.timestamp))).toEqual([[1], [2], [3]]);
  });

  it("makes no sends for no records", () => {
    expect(chunkBySize([])).toEqual([]);
  });
});

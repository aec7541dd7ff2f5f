import { describe, expect, it } from "vitest";
import type { LabBatch } from "@/server/kafka/types";
import { alignFirstBatch } from "./first-batch";

const batch = (from: number, n: number): LabBatch => ({
  topic: "t",
  partition: 0,
  records: Array.from({ length: n }, (_, i) => ({ topic: "t", partition: 0, offset: String(from + i), key: "k", value: null, timestamp: 1 })),
  highWatermark: String(from + n),
  nextOffset: String(from + n),
});

describe("the first batch after an assignment", () => {
  it("is processed whole when it starts at the stable committed offset, or nothing was committed", () => {
    expect(alignFirstBatch(batch(600, 10), "600")).toMatchObject({ kind: "process", skipped: 0 });
    expect(alignFirstBatch(batch(0, 10), null)).toMatchObject({ kind: "process", skipped: 0 });
    expect(alignFirstBatch(batch(0, 10), "-1")).toMatchObject({ kind: "process", skipped: 0 });
  });

  it("loses the records a committed transaction already covered when it starts before the stable offset", () => {
    const a = alignFirstBatch(batch(0, 10), "7");
    expect(a.kind).toBe("process");
    expect(a.kind === "process" && a.batch.records.map((r) => r.offset)).toEqual(["7", "8", "9"]);
    expect(a.kind === "process" && a.batch.nextOffset).toBe("10");
    expect(a.skipped).toBe(7);
  });

  it("is skipped, seeking to the stable offset, when it lies wholly behind it", () => {
    expect(alignFirstBatch(batch(0, 10), "10")).toEqual({ kind: "skip", seekTo: "10", skipped: 10 });
    expect(alignFirstBatch(batch(0, 10), "600")).toEqual({ kind: "skip", seekTo: "600", skipped: 10 });
  });
});

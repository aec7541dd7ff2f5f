import { describe, expect, it } from "vitest";
import type { LabBatch } from "@/kafka/types";
import { createLogger } from "@/lib/log";
import { alignFirstBatch, createStableStart } from "./first-batch";

const batch = (from: number, n: number, partition = 0): LabBatch => ({
  topic: "t",
  partition,
  records: Array.from({ length: n }, (_, i) => ({ topic: "t", partition, offset: String(from + i), key: "k", value: null, timestamp: 1 })),
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

describe("starting each assigned partition at its stable offset", () => {
  const setup = (committed: Record<number, string>) => {
    const asked: number[][] = [];
    const seeks: string[] = [];
    const start = createStableStart({
      stableCommitted: async (tps) => (asked.push(tps.map((t) => t.partition)), tps.map((t) => ({ ...t, offset: committed[t.partition] ?? "-1" }))),
      seek: (t, p, o) => void seeks.push(`${t}:${p}@${o}`),
      clock: () => 0,
      log: createLogger("test", "silent"),
    });
    return { start, asked, seeks };
  };

  it("asks once per assignment, for every assigned partition, and aligns only each partition's first batch", async () => {
    const { start, asked, seeks } = setup({ 0: "5", 1: "40" });
    start.reassigned([
      { topic: "t", partition: 0 },
      { topic: "t", partition: 1 },
    ]);
    const first = await start.align(batch(0, 10, 0));
    expect(first.kind === "process" && first.batch.records[0]!.offset).toBe("5");
    expect(await start.align(batch(0, 10, 1))).toEqual({ kind: "skip", seekTo: "40", skipped: 10 });
    expect(seeks).toEqual(["t:1@40"]);
    expect(await start.align(batch(10, 10, 0))).toMatchObject({ kind: "process", skipped: 0 });
    expect(asked).toEqual([[0, 1]]);
  });

  it("asks again after the next assignment", async () => {
    const { start, asked } = setup({ 0: "0" });
    start.reassigned([{ topic: "t", partition: 0 }]);
    await start.align(batch(0, 1, 0));
    start.reassigned([{ topic: "t", partition: 0 }]);
    await start.align(batch(1, 1, 0));
    expect(asked).toEqual([[0], [0]]);
  });
});

import { describe, expect, it } from "vitest";
import { WindowTable, maxOpenWindows, windowConfigProblem, windowStarts, type AggInput, type OutputMode, type WindowAggConfig } from "./window-agg";

const tumbling = (mode: OutputMode, extra: Partial<WindowAggConfig> = {}): WindowAggConfig => ({ sizeMs: 10, slideMs: 10, watermarkDelayMs: 5, mode, ...extra });
let offsetSeq = 0;
const recs = (...pairs: [ts: number, result: number][]): AggInput[] => pairs.map(([ts, result]) => ({ offset: String(offsetSeq++), ts, result }));
const after = (inputs: AggInput[]) => String(Number(inputs[inputs.length - 1]!.offset) + 1);
const row = (mode: OutputMode, batch: number, windowStart: number, count: number, sum: number, size = 10) => ({
  strategy: "A", windowStart, windowEnd: windowStart + size, count, avg: sum / count, mode, batch,
});

/** Batch 1: ts 1, 5, 12. Batch 2: ts 3 (late: partition watermark 12 − 5 = 7), 8, 21 (watermark → 16, closes [0,10)). */
function runExample(mode: OutputMode) {
  offsetSeq = 0;
  const t = new WindowTable("A", tumbling(mode));
  t.setOwnedPartitions([0]);
  const b1 = recs([1, 10], [5, 20], [12, 30]);
  const b2 = recs([3, 40], [8, 50], [21, 60]);
  return { t, out1: t.processBatch(0, b1, after(b1)), out2: t.processBatch(0, b2, after(b2)) };
}

describe("windowStarts", () => {
  it("puts a record in exactly one epoch-aligned window when tumbling", () => {
    expect(windowStarts(12, 10, 10)).toEqual([10]);
    expect(windowStarts(10, 10, 10)).toEqual([10]);
    expect(windowStarts(9, 10, 10)).toEqual([0]);
  });
  it("puts a record in size/slide overlapping windows when sliding", () => {
    expect(windowStarts(12, 10, 5)).toEqual([5, 10]);
    expect(windowStarts(5, 10, 5)).toEqual([0, 5]);
    expect(windowStarts(7, 9, 3)).toEqual([0, 3, 6]);
  });
});

describe("output modes on the same input (tumbling, delay 5)", () => {
  it("update emits the windows each batch changed, with current values", () => {
    const { out1, out2, t } = runExample("update");
    expect(out1).toEqual([row("update", 1, 0, 2, 30), row("update", 1, 10, 1, 30)]);
    expect(out2).toEqual([row("update", 2, 0, 3, 80), row("update", 2, 20, 1, 60)]);
    expect(t.lateDropped).toBe(1);
    expect(t.watermark).toBe(16);
  });
  it("append emits a window once, with its final values, when the watermark passes its end", () => {
    const { out1, out2 } = runExample("append");
    expect(out1).toEqual([]);
    expect(out2).toEqual([row("append", 2, 0, 3, 80)]);
  });
  it("complete emits the whole held table every batch, finalized windows one last time", () => {
    const { out1, out2, t } = runExample("complete");
    expect(out1).toEqual([row("complete", 1, 0, 2, 30), row("complete", 1, 10, 1, 30)]);
    expect(out2).toEqual([row("complete", 2, 0, 3, 80), row("complete", 2, 10, 1, 30), row("complete", 2, 20, 1, 60)]);
    expect(t.snapshot().windows.map(([s]) => s)).toEqual([10, 20]);
  });
});

describe("sliding windows", () => {
  it("counts a record in every window that contains it and closes them in order", () => {
    offsetSeq = 0;
    const t = new WindowTable("A", { sizeMs: 10, slideMs: 5, watermarkDelayMs: 0, mode: "append" });
    t.setOwnedPartitions([0]);
    const b1 = recs([6, 10], [12, 20]);
    expect(t.processBatch(0, b1, after(b1))).toEqual([row("append", 1, 0, 1, 10)]); // watermark 12 closes [0,10)
    const b2 = recs([11, 30], [25, 40]);
    expect(t.processBatch(0, b2, after(b2))).toEqual([row("append", 2, 5, 2, 30), row("append", 2, 10, 1, 20)]);
    expect(t.lateDropped).toBe(1); // ts 11 < watermark 12, though window [10,20) was still open
  });
});

describe("watermark over several partitions", () => {
  const config = { sizeMs: 10, slideMs: 10, watermarkDelayMs: 0, mode: "append" as const, idleGapMs: 100 };
  const p0 = () => [recs([1, 10]), recs([30, 20])];
  const p1 = () => [recs([2, 30]), recs([5, 40]), recs([31, 50])];
  const play = (order: [number, AggInput[]][]) => {
    const t = new WindowTable("A", config);
    t.setOwnedPartitions([0, 1]);
    return order.flatMap(([p, batch]) => t.processBatch(p, batch, after(batch)).map(({ batch: _, ...r }) => r));
  };
  it("waits for the slowest partition, so its in-order records are never late", () => {
    offsetSeq = 0;
    const [a1, a2] = p0();
    const [b1, b2, b3] = p1();
    const out = play([[0, a1!], [1, b1!], [0, a2!], [1, b2!], [1, b3!]]);
    expect(out).toEqual([{ strategy: "A", windowStart: 0, windowEnd: 10, count: 3, avg: 80 / 3, mode: "append" }]);
  });
  it("gives the same append output whatever the interleaving of partitions", () => {
    offsetSeq = 0;
    const [a1, a2] = p0();
    const [b1, b2, b3] = p1();
    const out = play([[1, b1!], [1, b2!], [1, b3!], [0, a1!], [0, a2!]]);
    expect(out).toEqual([{ strategy: "A", windowStart: 0, windowEnd: 10, count: 3, avg: 80 / 3, mode: "append" }]);
  });
  it("stops waiting for a partition more than the idle gap behind the newest event", () => {
    offsetSeq = 0;
    const t = new WindowTable("A", { ...config, idleGapMs: 10 });
    t.setOwnedPartitions([0, 1]);
    const b = recs([1, 10], [5, 20], [25, 30]);
    expect(t.processBatch(0, b, after(b))).toEqual([row("append", 1, 0, 2, 30)]); // watermark 25 − 10
    const late = recs([12, 40]);
    expect(t.processBatch(1, late, after(late))).toEqual([]);
    expect(t.lateDropped).toBe(1);
  });
});

describe("restart and bounded state", () => {
  it("skips records below the position it already holds", () => {
    const { t } = runExample("update");
    const before = t.snapshot();
    offsetSeq = 3;
    const again = recs([3, 40], [8, 50], [21, 60]);
    expect(t.processBatch(0, again, after(again))).toEqual([]);
    expect(t.snapshot()).toEqual(before);
  });
  it("continues from a snapshot exactly as if it had never stopped", () => {
    for (const mode of ["append", "update", "complete"] as const) {
      const whole = runExample(mode);
      offsetSeq = 0;
      const first = new WindowTable("A", tumbling(mode));
      first.setOwnedPartitions([0]);
      const b1 = recs([1, 10], [5, 20], [12, 30]);
      first.processBatch(0, b1, after(b1));
      const second = new WindowTable("A", tumbling(mode), JSON.parse(JSON.stringify(first.snapshot())));
      second.setOwnedPartitions([0]);
      const b2 = recs([3, 40], [8, 50], [21, 60]);
      expect(second.processBatch(0, b2, after(b2))).toEqual(whole.out2);
      expect(second.snapshot()).toEqual(whole.t.snapshot());
    }
  });
  it("evicts finalized windows so state stays bounded however long it runs", () => {
    offsetSeq = 0;
    const config: WindowAggConfig = { sizeMs: 10, slideMs: 2, watermarkDelayMs: 5, mode: "update" };
    const t = new WindowTable("A", config);
    t.setOwnedPartitions([0]);
    for (let i = 0; i < 1000; i++) {
      const b = recs([i * 3, i]);
      t.processBatch(0, b, after(b));
      expect(t.openWindows).toBeLessThanOrEqual(maxOpenWindows(config));
    }
    expect(t.openWindows).toBeLessThanOrEqual(Math.ceil((10 + 5) / 2) + 1);
  });
});

describe("windowConfigProblem", () => {
  it("accepts the defaults and tumbling or sliding windows", () => {
    expect(windowConfigProblem({ sizeMs: 10_000, slideMs: 10_000, watermarkDelayMs: 5000 })).toBeNull();
    expect(windowConfigProblem({ sizeMs: 10_000, slideMs: 2000, watermarkDelayMs: 5000 })).toBeNull();
  });
  it("rejects a slide larger than the window and too many open windows", () => {
    expect(windowConfigProblem({ sizeMs: 1000, slideMs: 2000, watermarkDelayMs: 0 })).toMatch(/slide/);
    expect(windowConfigProblem({ sizeMs: 3_600_000, slideMs: 1000, watermarkDelayMs: 0 })).toMatch(/windows per strategy/);
  });
});

import { describe, expect, it } from "vitest";
import { WindowTable, maxOpenWindows, windowConfigProblem, windowStarts, type AggInput, type OutputMode, type WindowAggConfig } from "./window-agg";

const tumbling = (mode: OutputMode, extra: Partial<WindowAggConfig> = {}): WindowAggConfig => ({
  sizeMs: 10,
  slideMs: 10,
  watermarkDelayMs: 5,
  mode,
  ...extra,
});
let offsetSeq = 0;
const recs = (...pairs: [ts: number, result: number][]): AggInput[] => pairs.map(([ts, result]) => ({ offset: String(offsetSeq++), ts, result }));
const after = (inputs: AggInput[]) => String(Number(inputs[inputs.length - 1]!.offset) + 1);
const row = (mode: OutputMode, batch: number, windowStart: number, count: number, sum: number, size = 10) => ({
  strategy: "A",
  windowStart,
  windowEnd: windowStart + size,
  count,
  avg: sum / count,
  mode,
  batch,
});

/**
 * Batch 1: ts 1, 5, 12. Batch 2: ts 3 (behind the partition watermark 12 − 5 = 7, but [0,10) is open:
 * counted), 8, 21 (partition watermark → 16), 2 (its window [0,10) ended at 10 ≤ 16: dropped).
 */
function runExample(mode: OutputMode) {
  offsetSeq = 0;
  const t = new WindowTable("A", tumbling(mode));
  t.setOwnedPartitions([0]);
  const b1 = recs([1, 10], [5, 20], [12, 30]);
  const b2 = recs([3, 40], [8, 50], [21, 60], [2, 70]);
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
    expect(out2).toEqual([row("update", 2, 0, 4, 120), row("update", 2, 20, 1, 60)]);
    expect(t.lateDropped).toBe(1);
    expect(t.watermark).toBe(16);
  });
  it("append emits a window once, with its final values, when the watermark passes its end", () => {
    const { out1, out2 } = runExample("append");
    expect(out1).toEqual([]);
    expect(out2).toEqual([row("append", 2, 0, 4, 120)]);
  });
  it("complete emits the whole held table every batch, finalized windows one last time", () => {
    const { out1, out2, t } = runExample("complete");
    expect(out1).toEqual([row("complete", 1, 0, 2, 30), row("complete", 1, 10, 1, 30)]);
    expect(out2).toEqual([row("complete", 2, 0, 4, 120), row("complete", 2, 10, 1, 30), row("complete", 2, 20, 1, 60)]);
    expect(t.snapshot().windows.map(([s]) => s)).toEqual([10, 20]);
  });
});

describe("sliding windows", () => {
  it("counts a record in every window still open for it and drops it from those already closed", () => {
    offsetSeq = 0;
    const t = new WindowTable("A", { sizeMs: 10, slideMs: 5, watermarkDelayMs: 0, mode: "append" });
    t.setOwnedPartitions([0]);
    const b1 = recs([6, 10], [12, 20]);
    expect(t.processBatch(0, b1, after(b1))).toEqual([row("append", 1, 0, 1, 10)]); // watermark 12 closes [0,10)
    const b2 = recs([11, 30], [25, 40]); // 11 is behind the watermark 12, but [5,15) and [10,20) are open
    expect(t.processBatch(0, b2, after(b2))).toEqual([row("append", 2, 5, 3, 60), row("append", 2, 10, 2, 50)]);
    expect(t.lateDropped).toBe(0);
    const b3 = recs([22, 70], [40, 1]); // 22: [15,25) closed (25 ≤ 25), [20,30) still open
    expect(t.processBatch(0, b3, after(b3))).toEqual([row("append", 3, 20, 2, 110), row("append", 3, 25, 1, 40)]);
    expect(t.lateDropped).toBe(1);
  });
});

describe("restart and bounded state", () => {
  it("skips records below the position it already holds", () => {
    const { t } = runExample("update");
    const before = t.snapshot();
    offsetSeq = 3;
    const again = recs([3, 40], [8, 50], [21, 60], [2, 70]);
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
      const b2 = recs([3, 40], [8, 50], [21, 60], [2, 70]);
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

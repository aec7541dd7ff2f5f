import { describe, expect, it } from "vitest";
import { InputAlignment, maxInputSkewMs, WAITING_MIN_RECORDS, type PartitionProgress } from "./input-alignment";

const BIG = WAITING_MIN_RECORDS + 1;
const at = (parts: Record<string, [maxTs: number, lag?: number]>) =>
  new Map<string, PartitionProgress>(Object.entries(parts).map(([tp, [maxTs, lag = BIG]]) => [tp, { maxTs, lag }]));
const paused = (a: InputAlignment, parts: Record<string, [number, number?]>) => [...a.update(at(parts))].sort();

describe("InputAlignment", () => {
  it("reads every partition while all are within the allowed skew of the slowest", () => {
    expect(paused(new InputAlignment(10_000), { "C:0": [100_000], "C:1": [95_000], "D:0": [90_000] })).toEqual([]);
  });

  it("pauses every partition, of either input, ahead of the slowest waiting one by more than the skew", () => {
    const a = new InputAlignment(10_000);
    expect(paused(a, { "C:0": [100_001], "C:1": [95_000], "D:0": [90_000], "D:1": [110_000] })).toEqual(["C:0", "D:1"]);
  });

  it("measures from the slowest partition that has records waiting, not from one that has read everything", () => {
    const a = new InputAlignment(10_000);
    expect(paused(a, { "C:0": [100_000], "D:0": [50_000, 0], "D:1": [95_000, WAITING_MIN_RECORDS] })).toEqual([]);
    expect(paused(a, { "C:0": [100_000], "D:0": [50_000, 0], "D:1": [85_000] })).toEqual(["C:0"]);
  });

  it("keeps a partition paused until the slowest is within half the skew, then reads it again", () => {
    const a = new InputAlignment(10_000);
    expect(paused(a, { "C:0": [120_000], "D:0": [100_000] })).toEqual(["C:0"]);
    expect(paused(a, { "C:0": [120_000], "D:0": [114_999] })).toEqual(["C:0"]);
    expect(paused(a, { "C:0": [120_000], "D:0": [115_000] })).toEqual([]);
  });

  it("reads everything again as soon as nothing is waiting anywhere", () => {
    const a = new InputAlignment(10_000);
    expect(paused(a, { "C:0": [120_000], "D:0": [100_000] })).toEqual(["C:0"]);
    expect(paused(a, { "C:0": [120_000], "D:0": [101_000, 0] })).toEqual([]);
  });

  it("forgets partitions that are no longer reported, and everything on reset", () => {
    const a = new InputAlignment(10_000);
    expect(paused(a, { "C:0": [120_000], "D:0": [100_000] })).toEqual(["C:0"]);
    expect(paused(a, { "D:0": [100_000] })).toEqual([]);
    a.update(at({ "C:0": [120_000], "D:0": [100_000] }));
    a.reset();
    expect([...a.pausedPartitions]).toEqual([]);
  });

  it("allows half the watermark delay of skew, so a slow partition's records are not late; at least 1 s", () => {
    expect(maxInputSkewMs(10_000)).toBe(5_000);
    expect(maxInputSkewMs(60_000)).toBe(30_000);
    expect(maxInputSkewMs(0)).toBe(1_000);
  });
});

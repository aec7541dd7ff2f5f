import { describe, expect, it } from "vitest";
import { NORMAL_RATE_MAX } from "@/lib/contract/api";
import { expectedJoinPairsPerSec, JOIN_PAIRS_COMFORT_PER_SEC, joinSustainableRate } from "./join-load";

describe("expectedJoinPairsPerSec", () => {
  it("is rate² · 2W / K: the app's defaults at 1 rec/s make 120 pairs/s", () => {
    expect(expectedJoinPairsPerSec({ ratePerSecond: 1, keys: 5, joinWindowMs: 300_000 })).toBe(120);
  });

  it("grows with the square of the rate and shrinks with the number of keys", () => {
    const base = { ratePerSecond: 100, keys: 10, joinWindowMs: 5_000 };
    expect(expectedJoinPairsPerSec({ ...base, ratePerSecond: 200 })).toBe(4 * expectedJoinPairsPerSec(base));
    expect(expectedJoinPairsPerSec({ ...base, keys: 20 })).toBe(expectedJoinPairsPerSec(base) / 2);
  });

  it("matches the bench's join workload: 10,000/s per side, 10,000 keys, ±5 s → 100,000 pairs/s", () => {
    expect(expectedJoinPairsPerSec({ ratePerSecond: 10_000, keys: 10_000, joinWindowMs: 5_000 })).toBe(100_000);
  });

  it("is 0 for a zero window or rate, and for nonsense input instead of NaN or Infinity", () => {
    expect(expectedJoinPairsPerSec({ ratePerSecond: 5, keys: 5, joinWindowMs: 0 })).toBe(0);
    expect(expectedJoinPairsPerSec({ ratePerSecond: 0, keys: 5, joinWindowMs: 1_000 })).toBe(0);
    expect(expectedJoinPairsPerSec({ ratePerSecond: 5, keys: 0, joinWindowMs: 1_000 })).toBe(0);
    expect(expectedJoinPairsPerSec({ ratePerSecond: Number.NaN, keys: 5, joinWindowMs: 1_000 })).toBe(0);
  });
});

describe("joinSustainableRate", () => {
  it("is the rate at which the join writes as many pairs as it comfortably can", () => {
    const s = { keys: 10, joinWindowMs: 5_000 };
    const rate = joinSustainableRate(s)!;
    expect(expectedJoinPairsPerSec({ ...s, ratePerSecond: rate })).toBeCloseTo(JOIN_PAIRS_COMFORT_PER_SEC, 6);
  });

  it("never exceeds the normal-use cap, and is null without a window", () => {
    expect(joinSustainableRate({ keys: 100_000, joinWindowMs: 1 })).toBe(NORMAL_RATE_MAX);
    expect(joinSustainableRate({ keys: 5, joinWindowMs: 0 })).toBeNull();
  });
});

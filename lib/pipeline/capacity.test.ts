import { describe, expect, it } from "vitest";
import { expectedJoinPairsPerSec, JOIN_PAIRS_MAX_PER_SEC, joinStateRows, recordsPerSec, settingsCost } from "./capacity";

const defaults = { ratePerSecond: 1, keys: 5, joinWindowMs: 10_000, watermarkDelayMs: 15_000 };

describe("settingsCost", () => {
  it("finds lesson 5's old mistake far past one machine: 100/s, 5 keys, ±5 min is 1,200,000 pairs/s", () => {
    const cost = settingsCost({ ...defaults, ratePerSecond: 100, joinWindowMs: 300_000 });
    expect(cost.pairsPerSec).toBe(1_200_000);
    expect(cost.over).toContain("pairs");
  });

  it("finds nothing over at the defaults and at the seed tutorial's settings", () => {
    expect(settingsCost(defaults).over).toEqual([]);
    expect(settingsCost({ ...defaults, joinWindowMs: 300_000, watermarkDelayMs: 1_800_000 }).over).toEqual([]);
  });

  it("counts the join's state as both sides held for window + delay, and flags it past the memory cap", () => {
    expect(joinStateRows({ ...defaults, ratePerSecond: 10 })).toBe(2 * 10 * 25);
    const huge = settingsCost({ ratePerSecond: 2000, keys: 100_000, joinWindowMs: 1000, watermarkDelayMs: 24 * 3600_000 });
    expect(huge.over).toEqual(["state"]);
    expect(huge.stateBytes).toBeGreaterThan(512 * 1024 * 1024);
  });

  it("spreads the records every process handles over the machine's cores", () => {
    const s = { ...defaults, ratePerSecond: 100, keys: 100_000 };
    expect(recordsPerSec(s)).toBeCloseTo(1400 + expectedJoinPairsPerSec(s), 6);
    expect(settingsCost(s, 4).recordsPerSecPerCore).toBeCloseTo(recordsPerSec(s) / 4, 6);
  });

  it("is at the pairs limit exactly at JOIN_PAIRS_MAX_PER_SEC, not over it", () => {
    // rate² · 2 · 1 s / K = max  ⇒  K = rate² · 2 / max
    const s = { ...defaults, ratePerSecond: 100, joinWindowMs: 1000, keys: (100 * 100 * 2) / JOIN_PAIRS_MAX_PER_SEC };
    expect(settingsCost(s).over).toEqual([]);
    expect(settingsCost({ ...s, ratePerSecond: 101 }).over).toEqual(["pairs"]);
  });

  it("treats nonsense input as no cost rather than NaN", () => {
    const cost = settingsCost({ ratePerSecond: Number.NaN, keys: 0, joinWindowMs: -1, watermarkDelayMs: 0 });
    expect(cost.pairsPerSec).toBe(0);
    expect(cost.stateRows).toBe(0);
    expect(cost.over).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, settingsProblem, workersToRestart } from "./api";

describe("settingsProblem", () => {
  it("refuses lesson 5's old mistake (100/s, 5 keys, ±5 min: ~1,200,000 pairs/s) unless it is a load test", () => {
    const s = { ...DEFAULT_SETTINGS, ratePerSecond: 100, keys: 5, joinWindowMs: 300_000 };
    expect(settingsProblem(s)).toMatch(/1,200,000 pairs\/s.*loadTest/);
    expect(settingsProblem({ ...s, loadTest: true })).toBeNull();
  });

  it("refuses a join state larger than fits beside the broker unless it is a load test", () => {
    const s = { ...DEFAULT_SETTINGS, ratePerSecond: 2000, keys: 100_000, joinWindowMs: 1000, watermarkDelayMs: 24 * 3600_000 };
    expect(settingsProblem(s)).toMatch(/watermarkDelayMs.*MB.*loadTest/);
    expect(settingsProblem({ ...s, loadTest: true })).toBeNull();
  });

  it("refuses aggregation windows the aggregate worker cannot run, even as a load test (a slide over the window, too many open windows)", () => {
    const slideOverWindow = { ...DEFAULT_SETTINGS, aggWindowMs: 5000, aggSlideMs: 10_000, loadTest: true };
    expect(settingsProblem(slideOverWindow)).toMatch(/aggSlideMs.*must not exceed the window size/);
    const tooManyWindows = { ...DEFAULT_SETTINGS, aggWindowMs: 3_600_000, aggSlideMs: 1000 };
    expect(settingsProblem(tooManyWindows)).toMatch(/windows per strategy would be open at once/);
  });

  it("accepts the defaults, and a rate above the cap only as a load test", () => {
    expect(settingsProblem(DEFAULT_SETTINGS)).toBeNull();
    expect(settingsProblem({ ...DEFAULT_SETTINGS, ratePerSecond: 5000, keys: 100_000, joinWindowMs: 1 })).toMatch(/ratePerSecond above 2000/);
  });
});

describe("workersToRestart", () => {
  it("names the join for its window and delay and the aggregation for its four settings, nothing for live ones", () => {
    expect(workersToRestart(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, joinWindowMs: 1 })).toEqual(["join"]);
    expect(workersToRestart(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, aggSlideMs: 5000, watermarkDelayMs: 1 })).toEqual(["join", "aggregate"]);
    expect(workersToRestart(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, ratePerSecond: 7, keys: 2, disorderPercent: 0, partitions: 6 })).toEqual([]);
  });
});

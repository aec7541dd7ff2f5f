import { describe, expect, it } from "vitest";
import { createCommitInterval, DEFAULT_COMMIT_INTERVAL } from "./commit-interval";

const options = {
  ...DEFAULT_COMMIT_INTERVAL,
  lowRatePerSec: 2_000,
  minIntervalMs: 15,
  highRatePerSec: 20_000,
  maxIntervalMs: 40,
  minGroupBytes: 1_000,
  maxGroupBytes: 4_000,
};

/** Feeds `perSec` records a second in 10 ms steps for `ms`, as batches would arrive. */
function steady(perSec: number, ms = 3_000) {
  let now = 0;
  const policy = createCommitInterval(() => now, options);
  for (let t = 0; t < ms; t += 10) {
    now = t;
    policy.arrived(perSec / 100);
  }
  now = ms;
  return { policy, advance: (d: number) => void (now += d) };
}

describe("adaptive commit interval", () => {
  it("starts transactions at most every shortest interval at low rates", () => {
    const { policy, advance } = steady(1_000);
    policy.started();
    expect(policy.ratePerSec()).toBeGreaterThan(900);
    expect(policy.ratePerSec()).toBeLessThan(1_100);
    expect(policy.waitMs()).toBe(15);
    advance(10);
    expect(policy.waitMs()).toBe(5);
    advance(5);
    expect(policy.waitMs()).toBe(0);
    expect(policy.groupBytes()).toBe(1_000);
  });

  it("spaces transaction starts up to the longest interval at high rates, and lets them grow", () => {
    const { policy, advance } = steady(40_000);
    policy.started();
    expect(policy.waitMs()).toBe(40);
    advance(25);
    expect(policy.waitMs()).toBe(15);
    advance(20);
    expect(policy.waitMs()).toBe(0);
    expect(policy.groupBytes()).toBe(4_000);
  });

  it("scales the interval between the low and high rates", () => {
    const { policy } = steady(11_000);
    policy.started();
    expect(policy.waitMs()).toBeGreaterThan(25);
    expect(policy.waitMs()).toBeLessThan(30);
  });

  it("forgets a burst once the input slows down", () => {
    const { policy, advance } = steady(40_000);
    advance(5_000);
    policy.started();
    expect(policy.waitMs()).toBe(15);
    expect(policy.ratePerSec()).toBeLessThan(1_000);
  });

  it("never waits before the first transaction", () => {
    expect(steady(40_000).policy.waitMs()).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { NORMAL_RATE_MAX } from "@/lib/contract/api";
import { BACKLOG_WINDOW_MS, BacklogWatch, sustainableRate } from "./backlog";

function watched(lags: number[], everyMs = 1000, inPerSec = 10_000) {
  let now = 0;
  const watch = new BacklogWatch(() => now);
  for (const lag of lags) {
    watch.observe(lag, inPerSec);
    now += everyMs;
  }
  now -= everyMs;
  return watch;
}
const rising = (from: number, step: number, n: number) => Array.from({ length: n }, (_, i) => from + i * step);

describe("BacklogWatch", () => {
  it("says the backlog grows when a large lag has risen for the whole window", () => {
    const v = watched(rising(20_000, 5_000, 32)).verdict();
    expect(v.growing).toBe(true);
    expect(v.lag).toBe(20_000 + 31 * 5_000);
  });

  it("waits for the window to be covered before saying so", () => {
    expect(watched(rising(20_000, 5_000, 20)).verdict().growing).toBe(false);
  });

  it("does not warn about a small lag that rises, while it is under the thresholds", () => {
    expect(watched(rising(10, 10, 40), 1000, 1_000).verdict().growing).toBe(false);
  });

  it("warns about a lag worth a minute of the worker's reading even under 10,000 records", () => {
    expect(watched(rising(1_000, 100, 40), 1000, 50).verdict()).toMatchObject({ growing: true, secondsBehind: (1_000 + 39 * 100) / 50 });
  });

  it("warns through the swings of a worker that pauses one input, when the lag's floor rises", () => {
    // Like the join's lag under overload: one input's lag jumps and falls while the other's grows.
    const lags = rising(30_000, 600, 40).map((lag, i) => lag + (i % 4 === 0 ? 15_000 : 0) - (i % 7 === 0 ? 4_000 : 0));
    expect(watched(lags).verdict().growing).toBe(true);
  });

  it("does not warn when the lag falls back at the end of the window: the worker catches up", () => {
    const lags = [...rising(50_000, 2_000, 30), 40_000, 30_000, 20_000, 10_000];
    expect(watched(lags).verdict().growing).toBe(false);
  });

  it("does not decide without recent samples", () => {
    let now = 0;
    const watch = new BacklogWatch(() => now);
    for (; now <= 30_000; now += 1000) watch.observe(20_000 + now, 1000);
    now += 20_000;
    expect(watch.verdict().growing).toBe(false);
  });

  it("does not warn about a lag that swings around a level", () => {
    const lags = Array.from({ length: 40 }, (_, i) => 40_000 + (i % 3) * 10_000);
    expect(watched(lags).verdict().growing).toBe(false);
  });

  it("does not warn about a large lag that is shrinking", () => {
    expect(watched(rising(500_000, -5_000, 40)).verdict().growing).toBe(false);
  });

  it("starts a new window after reset", () => {
    let now = 0;
    const watch = new BacklogWatch(() => now);
    for (let i = 0; i < 40; i++, now += 1000) watch.observe(20_000 + i * 5_000, 1000);
    watch.reset();
    watch.observe(300_000, 1000);
    expect(watch.verdict().growing).toBe(false);
    now += BACKLOG_WINDOW_MS;
    watch.observe(400_000, 1000);
    expect(watch.verdict().growing).toBe(true);
  });
});

describe("sustainableRate", () => {
  it("shares what the worker reads over the producers that feed it, with a fifth spare", () => {
    // The transform reads 4 inputs at 8,000 records/s in all: 2,000 per producer, 1,600 with the spare.
    expect(sustainableRate(8_000, 4, 20_000)).toBe(1_600);
  });

  it("rounds down to two significant digits", () => {
    expect(sustainableRate(1_234 / 0.8, 1, 5_000)).toBe(1_200);
    expect(sustainableRate(57.9 / 0.8, 1, 100)).toBe(57);
  });

  it("is always below the current rate and never above the normal-use cap", () => {
    expect(sustainableRate(100_000, 2, 500)).toBe(450);
    expect(sustainableRate(100_000, 1, 20_000)).toBe(NORMAL_RATE_MAX);
  });

  it("halves the rate when the worker reads nothing at all, down to the lowest rate allowed", () => {
    expect(sustainableRate(0, 4, 1_000)).toBe(500);
    expect(sustainableRate(0, 4, 0.1)).toBe(0.1);
  });
});

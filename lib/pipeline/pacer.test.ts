import { describe, expect, it } from "vitest";
import { Pacer } from "./pacer";

/** Drives a pacer with a fake clock from t = 0 to `durationMs` in steps of `stepMs`; returns the total sent. */
function drive(p: Pacer, durationMs: number, stepMs: number | (() => number), startMs = 0): number {
  let total = 0;
  let t = startMs;
  const end = startMs + durationMs;
  for (;;) {
    total += p.due(t);
    if (t >= end) break;
    t = Math.min(end, t + (typeof stepMs === "number" ? stepMs : stepMs()));
  }
  return total;
}

describe("Pacer", () => {
  it.each([
    [0.1, 1_000_000, 100],
    [1, 100_000, 10],
    [1000, 10_000, 7],
    [20_000, 10_000, 10],
    [50_000, 5_000, 5],
  ])("at %f/s sends exactly 1 + rate × seconds over %i ms (tick %i ms)", (rate, duration, step) => {
    expect(drive(new Pacer(rate), duration, step)).toBe(1 + Math.floor((rate * duration) / 1000));
  });

  it("hits the exact count with irregular ticks", () => {
    let s = 1;
    const jitter = () => 1 + ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) % 40);
    expect(drive(new Pacer(333), 60_000, jitter)).toBe(1 + 333 * 60);
  });

  it("sends the first message at once, then waits 1/rate", () => {
    const p = new Pacer(2);
    expect(p.due(1000)).toBe(1);
    expect(p.due(1000)).toBe(0);
    expect(p.msUntilNext(1000)).toBe(500);
    expect(p.due(1499)).toBe(0);
    expect(p.msUntilNext(1499)).toBe(1);
    expect(p.due(1500)).toBe(1);
  });

  it("carries fractional credit between ticks", () => {
    const p = new Pacer(3); // due at 0, 333.3, 666.7, 1000 ms
    p.due(0);
    const counts = [250, 500, 600, 750, 999, 1000].map((t) => p.due(t));
    expect(counts).toEqual([0, 1, 0, 1, 0, 1]);
  });

  it("is due at once before the first call", () => {
    expect(new Pacer(0.1).msUntilNext(0)).toBe(0);
  });

  it("switches rate mid-run and keeps the long-run count of each phase", () => {
    const p = new Pacer(10);
    const first = drive(p, 10_000, 10);
    p.setRate(100);
    const second = drive(p, 10_000, 10, 10_000);
    expect(first).toBe(101);
    expect(Math.abs(second - 1000)).toBeLessThanOrEqual(1);
  });

  it("applies a rate change from the time given", () => {
    const p = new Pacer(1);
    p.due(0);
    p.setRate(1000, 500); // 0.5 credit carried from the old rate
    expect(p.due(1000)).toBe(500);
  });

  it("caps the burst after a stall to about one second's worth and then resumes the rate", () => {
    const p = new Pacer(100);
    expect(drive(p, 1000, 10)).toBe(101);
    expect(p.due(61_000)).toBe(100);
    expect(p.due(61_000)).toBe(0);
    expect(drive(p, 1000, 10, 61_000)).toBe(100);
  });

  it("caps a slow rate's burst at one message", () => {
    const p = new Pacer(0.1);
    p.due(0);
    expect(p.due(3_600_000)).toBe(1);
    expect(p.msUntilNext(3_600_000)).toBe(10_000);
  });

  it("sends nothing at rate 0 (or a nonsense rate) and never says when", () => {
    for (const r of [0, -5, NaN]) {
      const p = new Pacer(r);
      expect(p.due(0)).toBe(1); // the initial credit
      expect(p.due(100_000)).toBe(0);
      expect(p.msUntilNext(100_000)).toBe(Infinity);
    }
  });

  it("treats a clock stepping backwards as standing still", () => {
    const p = new Pacer(1000);
    p.due(10_000);
    expect(p.due(5_000)).toBe(0);
    expect(p.due(10_010)).toBe(10);
  });
});

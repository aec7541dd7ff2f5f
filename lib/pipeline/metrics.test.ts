import { describe, expect, it } from "vitest";
import { LatencySummary } from "../contract/api";
import { LatencyRecorder, RateMeter } from "./metrics";

function fakeClock(start = 1_000_000) {
  let t = start;
  const clock = () => t;
  return { clock, advance: (ms: number) => (t += ms) };
}

describe("RateMeter", () => {
  it("reports 0 before anything is marked", () => {
    expect(new RateMeter(fakeClock().clock).perSecond()).toBe(0);
  });

  it("measures a steady rate once the window is full", () => {
    const c = fakeClock();
    const m = new RateMeter(c.clock);
    for (let i = 0; i < 10_000; i++) {
      m.mark(2); // 2 events every 10 ms = 200/s
      c.advance(10);
    }
    expect(m.perSecond()).toBeGreaterThan(190);
    expect(m.perSecond()).toBeLessThan(210);
    expect(m.total).toBe(20_000);
  });

  it("does not over-report in the first second", () => {
    const c = fakeClock();
    const m = new RateMeter(c.clock);
    m.mark(50);
    c.advance(100);
    expect(m.perSecond()).toBe(50);
  });

  it("measures correctly while younger than the window", () => {
    const c = fakeClock();
    const m = new RateMeter(c.clock);
    for (let i = 0; i < 200; i++) {
      m.mark();
      c.advance(10);
    }
    expect(m.perSecond()).toBeCloseTo(100, 0);
  });

  it("forgets events older than the window and decays to 0 when they stop", () => {
    const c = fakeClock();
    const m = new RateMeter(c.clock);
    for (let i = 0; i < 1000; i++) {
      m.mark(10);
      c.advance(10);
    }
    c.advance(2500);
    expect(m.perSecond()).toBeGreaterThan(300);
    expect(m.perSecond()).toBeLessThan(700);
    c.advance(5000);
    expect(m.perSecond()).toBe(0);
    expect(m.total).toBe(10_000);
  });

  it("follows a rate change within a window", () => {
    const c = fakeClock();
    const m = new RateMeter(c.clock);
    const run = (perTick: number, ms: number) => {
      for (let t = 0; t < ms; t += 10) {
        m.mark(perTick);
        c.advance(10);
      }
    };
    run(1, 10_000);
    run(10, 6_000);
    expect(m.perSecond()).toBeCloseTo(1000, -2);
  });

  it("ignores zero, negative and NaN marks", () => {
    const c = fakeClock();
    const m = new RateMeter(c.clock);
    m.mark(0);
    m.mark(-3);
    m.mark(NaN);
    expect(m.total).toBe(0);
    expect(m.perSecond()).toBe(0);
  });
});

describe("LatencyRecorder", () => {
  it("returns null until something is recorded", () => {
    expect(new LatencyRecorder().summary()).toBeNull();
  });

  it("reports p50, p99 and max in milliseconds within HDR precision", () => {
    const l = new LatencyRecorder();
    for (let i = 1; i <= 1000; i++) l.record(i);
    const s = l.summary()!;
    expect(LatencySummary.parse(s)).toEqual(s);
    expect(s.p50).toBeCloseTo(500, -1);
    expect(s.p99).toBeCloseTo(990, -1);
    expect(s.max).toBe(1000);
    expect(l.count).toBe(1000);
  });

  it("keeps sub-millisecond resolution", () => {
    const l = new LatencyRecorder();
    l.record(0.25);
    expect(l.summary()).toEqual({ p50: 0.25, p99: 0.25, max: 0.25 });
  });

  it("grows to record very large latencies", () => {
    const l = new LatencyRecorder();
    l.record(5);
    l.record(86_400_000);
    expect(l.summary()!.max).toBe(86_400_000);
  });

  it("counts negative or non-finite latencies as 0 instead of throwing", () => {
    const l = new LatencyRecorder();
    for (const v of [-5, NaN, Infinity]) l.record(v);
    expect(l.summary()).toEqual({ p50: 0, p99: 0, max: 0 });
  });

  it("starts over after reset", () => {
    const l = new LatencyRecorder();
    l.record(100);
    l.reset();
    expect(l.summary()).toBeNull();
    l.record(3);
    expect(l.summary()!.max).toBe(3);
  });
});

import { describe, expect, it } from "vitest";
import { ViewBatcher } from "./batcher";
import { sampleEvenly, SummaryAccumulator } from "./sample";

describe("sampleEvenly", () => {
  it("returns everything when under the limit", () => {
    expect(sampleEvenly([1, 2, 3], 5)).toEqual([1, 2, 3]);
  });
  it("spreads picks and keeps the newest", () => {
    const s = sampleEvenly(
      Array.from({ length: 100 }, (_, i) => i),
      4,
    );
    expect(s).toEqual([24, 49, 74, 99]);
  });
  it("returns nothing for a zero limit", () => {
    expect(sampleEvenly([1], 0)).toEqual([]);
  });
});

describe("SummaryAccumulator", () => {
  it("summarises finite numbers only", () => {
    const a = new SummaryAccumulator();
    expect(a.result()).toBeNull();
    [3, -1, 10, NaN].forEach((x) => a.add(x));
    expect(a.result()).toEqual({ min: -1, max: 10, mean: 4 });
  });
});

describe("ViewBatcher", () => {
  it("passes every record through below the per-view limit", () => {
    const b = new ViewBatcher<number>(50, 0);
    for (let i = 0; i < 10; i++) b.add(i, i);
    const f = b.flush(1000);
    expect(f).toMatchObject({ total: 10, sampled: false, intervalMs: 1000 });
    expect(f.items).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(f.summary).toEqual({ min: 0, max: 9, mean: 4.5 });
  });
  it("samples to ~50/s at 20,000 records/s, in order, and counts them all", () => {
    const b = new ViewBatcher<number>(50, 0);
    for (let i = 0; i < 5_000; i++) b.add(i, i % 100);
    const f = b.flush(250);
    expect(f.total).toBe(5_000);
    expect(f.sampled).toBe(true);
    expect(f.items.length).toBeLessThanOrEqual(12);
    expect(f.items.length).toBeGreaterThan(5);
    expect([...f.items].sort((x, y) => x - y)).toEqual(f.items);
    expect(f.summary).toEqual({ min: 0, max: 99, mean: 49.5 });
  });
  it("keeps its memory bounded under a flood", () => {
    const b = new ViewBatcher<number>(50, 0, 100);
    for (let i = 0; i < 1_000_000; i++) b.add(i);
    const f = b.flush(1000);
    expect(f.total).toBe(1_000_000);
    expect(f.items.length).toBe(50);
    expect(f.items[0]! < f.items[49]!).toBe(true);
  });
  it("always passes a kept item (an injected record), even when sampling leaves the rest out", () => {
    const b = new ViewBatcher<number>(50, 0);
    for (let i = 0; i < 5_000; i++) b.add(i, null, i === 4_321);
    const f = b.flush(250);
    expect(f.sampled).toBe(true);
    expect(f.items).toContain(4_321);
    expect(f.items.filter((x) => x === 4_321)).toHaveLength(1);
    expect(f.items.length).toBeLessThanOrEqual(13);
  });
  it("starts afresh after a flush", () => {
    const b = new ViewBatcher<number>(50, 0);
    b.add(1, 1);
    b.flush(100);
    const f = b.flush(200);
    expect(f).toMatchObject({ total: 0, items: [], summary: null, sampled: false, intervalMs: 100 });
  });
});

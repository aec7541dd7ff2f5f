import { describe, expect, it } from "vitest";
import { TsMinHeap } from "./min-heap";

describe("TsMinHeap", () => {
  it("pops items in ts order whatever the push order", () => {
    const h = new TsMinHeap<{ ts: number }>();
    const values = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1000);
    for (const ts of values) h.push({ ts });
    const out: number[] = [];
    for (let x = h.pop(); x !== undefined; x = h.pop()) out.push(x.ts);
    expect(out).toEqual([...values].sort((a, b) => a - b));
    expect(h.size).toBe(0);
  });

  it("peeks without removing and returns undefined when empty", () => {
    const h = new TsMinHeap<{ ts: number }>();
    expect(h.peek()).toBeUndefined();
    expect(h.pop()).toBeUndefined();
    h.push({ ts: 2 });
    h.push({ ts: 1 });
    expect(h.peek()?.ts).toBe(1);
    expect(h.size).toBe(2);
  });

  it("keeps heap order after filtering", () => {
    const h = new TsMinHeap<{ ts: number; p: number }>();
    for (let i = 0; i < 500; i++) h.push({ ts: (i * 31) % 500, p: i % 3 });
    h.filter((x) => x.p !== 1);
    const out: number[] = [];
    for (let x = h.pop(); x !== undefined; x = h.pop()) out.push(x.ts);
    expect(out).toHaveLength(333);
    expect(out).toEqual([...out].sort((a, b) => a - b));
  });
});

import { describe, expect, it } from "vitest";
import { appendBounded, RingBuffer } from "./ring";

describe("RingBuffer", () => {
  it("keeps the newest items up to its capacity, oldest first", () => {
    const r = new RingBuffer<number>(3);
    r.push(1, 2);
    expect(r.toArray()).toEqual([1, 2]);
    r.push(3, 4, 5);
    expect(r.toArray()).toEqual([3, 4, 5]);
    expect(r.size).toBe(3);
    expect(r.newest()).toBe(5);
  });
  it("stays bounded under a flood", () => {
    const r = new RingBuffer<number>(100);
    for (let i = 0; i < 100_000; i++) r.push(i);
    expect(r.size).toBe(100);
    expect(r.toArray()[0]).toBe(99_900);
  });
  it("rejects a silly capacity", () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
  });
  it("clears", () => {
    const r = new RingBuffer<number>(2);
    r.push(1);
    r.clear();
    expect(r.toArray()).toEqual([]);
    expect(r.newest()).toBeUndefined();
  });
});

describe("appendBounded", () => {
  it("appends and drops the oldest", () => {
    expect(appendBounded([1, 2, 3], [4, 5], 4)).toEqual([2, 3, 4, 5]);
    expect(appendBounded([1], [2, 3, 4, 5, 6], 3)).toEqual([4, 5, 6]);
    expect(appendBounded([], [], 3)).toEqual([]);
  });
});

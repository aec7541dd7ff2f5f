import { describe, expect, it } from "vitest";
import { OffsetLedger, isExactlyOnce, sourceHeaders, sourceOf } from "./delivery";

describe("source header", () => {
  it("round-trips the input partition and offset an output came from", () => {
    expect(sourceOf(sourceHeaders(2, "12345"))).toEqual({ partition: 2, offset: 12345 });
  });

  it("is null for a record without it or with a malformed one", () => {
    expect(sourceOf(undefined)).toBeNull();
    expect(sourceOf({})).toBeNull();
    expect(sourceOf({ "lab-source": "x:1" })).toBeNull();
  });
});

describe("OffsetLedger", () => {
  it("keeps only the furthest offset per partition, and forgets what it hands out", () => {
    const l = new OffsetLedger();
    l.note({ topic: "A_input", partition: 0, offset: "10" });
    l.note({ topic: "A_input", partition: 0, offset: "9" });
    l.note({ topic: "A_input", partition: 0, offset: "100" });
    l.note({ topic: "B_input", partition: 0, offset: "3" });
    expect(l.take()).toEqual([
      { topic: "A_input", partition: 0, offset: "100" },
      { topic: "B_input", partition: 0, offset: "3" },
    ]);
    expect(l.size).toBe(0);
    expect(l.take()).toEqual([]);
  });

  it("takes back a failed commit unless a later offset was noted meanwhile", () => {
    const l = new OffsetLedger();
    l.note({ topic: "A_input", partition: 0, offset: "10" });
    l.note({ topic: "A_input", partition: 1, offset: "5" });
    const failed = l.take();
    l.note({ topic: "A_input", partition: 0, offset: "20" });
    l.restore(failed);
    expect(l.take()).toEqual([
      { topic: "A_input", partition: 0, offset: "20" },
      { topic: "A_input", partition: 1, offset: "5" },
    ]);
  });
});

describe("isExactlyOnce", () => {
  it("holds only for the transactional mode", () => {
    expect([isExactlyOnce("exactly-once"), isExactlyOnce("at-least-once"), isExactlyOnce("at-most-once")]).toEqual([true, false, false]);
  });
});

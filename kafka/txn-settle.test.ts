import { describe, expect, it } from "vitest";
import { createSettleGap } from "./txn-settle";

const options = { initialMs: 3, maxMs: 10, growMs: 2, shrinkMs: 0.5 };

describe("settle gap after a commit", () => {
  it("does not wait before the first transaction, then waits the gap after each commit", () => {
    const s = createSettleGap(options);
    expect(s.waitMs(100)).toBe(0);
    s.ended(100);
    expect(s.waitMs(100)).toBe(3);
    expect(s.waitMs(102)).toBe(1);
    expect(s.waitMs(110)).toBe(0);
  });

  it("grows when the first request still raced the markers, up to the maximum", () => {
    const s = createSettleGap(options);
    s.ended(0);
    s.firstRequest(3, true);
    expect(s.gapMs()).toBe(5);
    s.ended(10);
    s.firstRequest(17, true);
    expect(s.gapMs()).toBe(9);
    s.firstRequest(17, true);
    expect(s.gapMs()).toBe(10);
  });

  it("shrinks when the first request went through right after the gap, not when it came much later", () => {
    const s = createSettleGap(options);
    s.ended(0);
    s.firstRequest(3, false);
    expect(s.gapMs()).toBe(2.5);
    s.ended(100);
    s.firstRequest(150, false);
    expect(s.gapMs()).toBe(2.5);
  });
});

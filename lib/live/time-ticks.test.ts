import { describe, expect, it } from "vitest";
import { timeTicks } from "./time-ticks";

const FROM = Date.UTC(2026, 10, 30, 9, 21, 49, 300);
const gaps = (ticks: number[], msPerPx: number) => ticks.slice(1).map((t, i) => (t - ticks[i]!) / msPerPx);

describe("timeTicks", () => {
  it("keeps labels at least the minimum gap apart on a phone-wide axis", () => {
    const span = 40_000;
    const ticks = timeTicks(FROM, span, 220, 72);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    for (const gap of gaps(ticks, span / 220)) expect(gap).toBeGreaterThanOrEqual(72);
  });

  it("shows more ticks on a wide axis than on a narrow one, for the same span", () => {
    expect(timeTicks(FROM, 40_000, 1100).length).toBeGreaterThan(timeTicks(FROM, 40_000, 220).length);
  });

  it("puts ticks on round times inside the shown span", () => {
    const ticks = timeTicks(FROM, 40_000, 1100);
    for (const t of ticks) {
      expect(t % 1000).toBe(0);
      expect(t).toBeGreaterThanOrEqual(FROM);
      expect(t).toBeLessThanOrEqual(FROM + 40_000);
    }
    // 40 s over 1100 px with 72 px gaps: 5 s apart (2 s would be 55 px).
    expect(gaps(ticks, 1)[0]).toBe(5_000);
  });

  it("steps by whole minutes for a ten-minute span", () => {
    const ticks = timeTicks(FROM, 600_000, 300);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    for (const t of ticks) expect(t % 60_000).toBe(0);
  });

  it("gives no ticks for an empty span or axis", () => {
    expect(timeTicks(FROM, 0, 300)).toEqual([]);
    expect(timeTicks(FROM, 10_000, 0)).toEqual([]);
  });
});

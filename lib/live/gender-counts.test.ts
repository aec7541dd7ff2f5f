import { describe, expect, it } from "vitest";
import { dayLabel, dayTicks, foldGenderCounts, MAX_WINDOWS } from "./gender-counts";

const rec = (windowStart: number, gender: number | string, count: number) => ({ value: JSON.stringify({ windowStart, gender, count }) });

describe("foldGenderCounts", () => {
  it("puts each gender's count of a window in one point, sorted by window, a later count replacing an earlier one", () => {
    const first = foldGenderCounts([], [rec(200, 0, 5), rec(100, 1, 2), rec(100, "0", 3)]);
    expect(first).toEqual([
      { t: 100, female: 3, male: 2, unknown: 0 },
      { t: 200, female: 5, male: 0, unknown: 0 },
    ]);
    expect(foldGenderCounts(first, [rec(200, 0, 7), rec(200, 2, 1)])).toEqual([first[0], { t: 200, female: 7, male: 0, unknown: 1 }]);
  });

  it("ignores what is not a gender count, and keeps the same array when nothing changed", () => {
    const points = foldGenderCounts([], [rec(1, 1, 1)]);
    expect(foldGenderCounts(points, [{ value: "oops" }, { value: null }, rec(1, 7, 1), { value: '{"count":1}' }])).toBe(points);
  });

  it("keeps only the newest windows", () => {
    const many = Array.from({ length: MAX_WINDOWS + 5 }, (_, i) => rec(i, 0, 1));
    const points = foldGenderCounts([], many);
    expect(points).toHaveLength(MAX_WINDOWS);
    expect(points[0]!.t).toBe(5);
  });
});

describe("dayTicks and dayLabel", () => {
  const day = (d: number) => ({ t: Date.UTC(2015, 4, 11) + d * 86_400_000, female: 0, male: 0, unknown: 0 });
  it("spaces at most 8 whole-day ticks over the windows, and reads a window as its day", () => {
    expect(dayTicks([day(0), day(6)]).map(dayLabel)).toEqual(["05-11", "05-12", "05-13", "05-14", "05-15", "05-16", "05-17"]);
    const ticks = dayTicks([day(0), day(184)]);
    expect(ticks.length).toBeLessThanOrEqual(8);
    expect(ticks.map(dayLabel)[0]).toBe("05-11");
    expect(dayTicks([])).toEqual([]);
  });
});

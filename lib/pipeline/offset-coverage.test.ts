import { describe, expect, it } from "vitest";
import { seededRandom } from "./hostile-corpus";
import { OffsetCoverage } from "./offset-coverage";

describe("OffsetCoverage", () => {
  it("counts offsets seen in order once each, in one range", () => {
    const c = new OffsetCoverage();
    for (let o = 0; o < 1000; o++) expect(c.add(o)).toBe(true);
    expect(c.distinct).toBe(1000);
    expect(c.ranges).toBe(1);
  });

  it("tells a repeat from a first sighting, anywhere in the ranges", () => {
    const c = new OffsetCoverage();
    for (const o of [5, 6, 7, 20, 21, 9]) c.add(o);
    expect([c.add(6), c.add(21), c.add(9), c.add(8), c.add(8)]).toEqual([false, false, false, true, false]);
    expect(c.distinct).toBe(7);
    expect(c.ranges).toBe(2);
  });

  it("merges ranges when a gap fills, and keeps a gap (a loss) as two ranges", () => {
    const c = new OffsetCoverage();
    for (let o = 0; o < 10; o++) c.add(o);
    for (let o = 15; o < 20; o++) c.add(o);
    expect(c.ranges).toBe(2);
    for (let o = 10; o < 15; o++) c.add(o);
    expect(c.ranges).toBe(1);
    expect(c.distinct).toBe(20);
  });

  it("agrees with a Set over random offsets with repeats", () => {
    const rnd = seededRandom(7);
    const c = new OffsetCoverage();
    const seen = new Set<number>();
    for (let k = 0; k < 5000; k++) {
      const o = Math.floor(rnd() * 800);
      expect(c.add(o)).toBe(!seen.has(o));
      seen.add(o);
    }
    expect(c.distinct).toBe(seen.size);
  });
});

import { describe, expect, it } from "vitest";
import { formatTick, labelWidth, timeTicks, valuesOf, yAxisSpec } from "./axis";

describe("formatTick", () => {
  it("keeps small numbers whole and shortens large ones to k and M", () => {
    expect(formatTick(0)).toBe("0");
    expect(formatTick(950)).toBe("950");
    expect(formatTick(9999)).toBe("9999");
    expect(formatTick(18000)).toBe("18k");
    expect(formatTick(123456)).toBe("123.5k");
    expect(formatTick(2_500_000)).toBe("2.5M");
    expect(formatTick(-18000)).toBe("-18k");
  });
  it("shows fractional rates with at most two decimals", () => {
    expect(formatTick(0.15)).toBe("0.15");
    expect(formatTick(1 / 3)).toBe("0.33");
  });
});

describe("yAxisSpec", () => {
  // Each case: the largest value drawn. The axis must hold every tick label it will show, with the tick line beside it.
  it.each([0, 0.4, 9, 950, 9999, 18000, 17_800, 123_456, 9_999_999])("every tick label fits the axis width for values up to %d", (max) => {
    const spec = yAxisSpec([0, max / 2, max]);
    for (const l of spec.labels) expect(labelWidth(l) + 8, l).toBeLessThanOrEqual(spec.width);
  });
  it("reaches the largest value, so the line never leaves the plot", () => {
    for (const max of [7, 18000, 123_456]) {
      const spec = yAxisSpec([max]);
      expect(spec.domain[1]).toBeGreaterThanOrEqual(max);
      expect(spec.ticks.at(-1)).toBe(spec.domain[1]);
    }
  });
  it("labels 18000 in k on a nice 0…20k scale, and widens the axis for 123456", () => {
    const small = yAxisSpec([120]);
    const big = yAxisSpec([18000]);
    expect(big.domain).toEqual([0, 20000]);
    // One unit along the axis: 5k next to 10k, not 5000.
    expect(big.labels).toEqual(["0", "5k", "10k", "15k", "20k"]);
    expect(yAxisSpec([18000], { tickCount: 10 }).labels).toContain("18k");
    expect(yAxisSpec([123_456]).width).toBeGreaterThan(small.width);
  });
  it("a label of 18000 written out in full would also get room, by the same measure", () => {
    // Guards the measure itself: five digits need more than the 40 px the old fixed axis left them.
    expect(labelWidth("18000") + 8).toBeGreaterThan(40);
  });
  it("starts at 0 and has a scale when there is no data or only zeros", () => {
    expect(yAxisSpec([]).domain).toEqual([0, 1]);
    expect(yAxisSpec([0, 0]).ticks[0]).toBe(0);
    expect(yAxisSpec([5, 6]).domain[0]).toBe(0);
  });
  it("gives counts whole ticks only, still reaching the top", () => {
    expect(yAxisSpec([2]).ticks).toContain(0.5);
    expect(yAxisSpec([2], { whole: true }).ticks).toEqual([0, 1, 2]);
    expect(yAxisSpec([0], { whole: true }).ticks).toEqual([0, 1]);
    expect(yAxisSpec([18000], { whole: true }).labels).toEqual(["0", "5k", "10k", "15k", "20k"]);
  });
  it("goes below 0 when a value does", () => {
    expect(yAxisSpec([-30, 10]).domain[0]).toBeLessThanOrEqual(-30);
  });
});

describe("valuesOf", () => {
  it("collects the numbers of the given keys, skipping missing ones", () => {
    expect(
      valuesOf(
        [
          { t: 1, a: 3, b: 4 },
          { t: 2, a: 5 },
        ],
        ["a", "b"],
      ),
    ).toEqual([3, 4, 5]);
  });
});

describe("timeTicks", () => {
  const at = (s: number) => Date.UTC(2026, 10, 30, 14, 40, 0) + s * 1000;
  it("puts ticks on whole seconds only, so no hh:mm:ss label repeats", () => {
    // 2.3 s of data: d3 alone would tick every 500 ms (14:40:06.0 and 14:40:06.5 both read 14:40:06).
    const ticks = timeTicks(at(5.2), at(7.5));
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    for (const t of ticks) expect(t % 1000).toBe(0);
    expect(new Set(ticks.map((t) => Math.floor(t / 1000))).size).toBe(ticks.length);
  });
  it("steps by nice intervals over a minute of data", () => {
    const ticks = timeTicks(at(0), at(60));
    expect(ticks[1]! - ticks[0]!).toBeGreaterThanOrEqual(10_000);
    expect(ticks.every((t) => t >= at(0) && t <= at(60))).toBe(true);
  });
  it("with under a second of data, or one sample, ticks the data itself", () => {
    expect(timeTicks(at(1.1), at(1.6))).toEqual([at(1.1)]);
    expect(timeTicks(at(1.9), at(2.2))).toEqual([at(1.9), at(2.2)]);
    expect(timeTicks(at(3), at(3))).toEqual([at(3)]);
    expect(timeTicks(Infinity, -Infinity)).toEqual([]);
  });
});

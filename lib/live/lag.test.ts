import { describe, expect, it } from "vitest";
import { groupLag, lagEpisode } from "./lag";

describe("group lag from offsets", () => {
  it("is each partition's end minus the committed offset, from the earliest when never committed", () => {
    const r = groupLag(
      [
        { topic: "B_input", partitions: [{ partition: 0, earliest: "0", latest: "10" }] },
        {
          topic: "A_input",
          partitions: [
            { partition: 1, earliest: "4", latest: "9" },
            { partition: 0, earliest: "0", latest: "7" },
          ],
        },
      ],
      [
        { topic: "A_input", partition: 0, offset: "7" },
        { topic: "A_input", partition: 1, offset: "-1" },
        { topic: "B_input", partition: 0, offset: "3" },
      ],
    );
    expect(r.partitions).toEqual([
      { topic: "A_input", partition: 0, end: 7, committed: 7, lag: 0 },
      { topic: "A_input", partition: 1, end: 9, committed: null, lag: 5 },
      { topic: "B_input", partition: 0, end: 10, committed: 3, lag: 7 },
    ]);
    expect(r.total).toBe(12);
  });
  it("never goes below zero when the end was read before a newer commit", () => {
    expect(groupLag([{ topic: "A", partitions: [{ partition: 0, earliest: "0", latest: "5" }] }], [{ topic: "A", partition: 0, offset: "8" }]).total).toBe(0);
  });
});

describe("lag after a kill", () => {
  const pts = (...lags: number[]) => lags.map((lag, i) => ({ at: i * 1000, lag }));
  it("rises above what it was at the kill, then falls back", () => {
    const e = lagEpisode(pts(2, 1, 40, 300, 120, 60), 1500);
    expect(e).toMatchObject({ base: 1, peak: 300, peakAt: 3000, rose: true, fell: false });
    expect(lagEpisode(pts(2, 1, 40, 300, 120, 60, 3), 1500)).toMatchObject({ rose: true, fell: true });
  });
  it("has not risen while lag stays at or below the base", () => {
    expect(lagEpisode(pts(5, 5, 3, 5), 1500)).toMatchObject({ base: 5, rose: false, fell: false });
  });
  it("has not fallen until it is low again after the latest peak", () => {
    // Down a little, then a new peak: the earlier dip does not count.
    expect(lagEpisode(pts(0, 50, 4, 90, 60), 500)).toMatchObject({ peak: 90, fell: false });
    expect(lagEpisode(pts(0, 50, 4, 90, 60, 9), 500)).toMatchObject({ peak: 90, fell: true });
  });
  it("counts from zero when nothing was measured before the kill", () => {
    expect(lagEpisode(pts(30, 0), -1)).toMatchObject({ base: 0, peak: 30, rose: true, fell: true });
  });
});

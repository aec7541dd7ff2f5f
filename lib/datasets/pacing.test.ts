import { describe, expect, it } from "vitest";
import { createReplayPacer } from "./pacing";

/** Rows sent in each second of [0, seconds), asking every ms as a worker loop would. */
function perSecond(pace: Parameters<typeof createReplayPacer>[0], times: (number | null)[], seconds: number): number[] {
  const pacer = createReplayPacer(pace);
  const counts = Array.from({ length: seconds }, () => 0);
  let next = 0;
  for (let now = 0; now < seconds * 1000 && next < times.length; now++) {
    while (next < times.length && pacer.wait(now, times[next]!) === 0) {
      counts[Math.floor(now / 1000)]!++;
      next++;
    }
  }
  return counts;
}

describe("createReplayPacer", () => {
  it("sends at a fixed rate whatever the event times", () => {
    expect(
      perSecond(
        { kind: "rate", recordsPerSecond: 5 },
        Array.from({ length: 100 }, () => 0),
        4,
      ),
    ).toEqual([5, 5, 5, 5]);
  });

  it("replays event time sped up: a day of events every second at ×86,400", () => {
    const day = 86_400_000;
    const times = [0, 0, day, day, day, 2 * day, 3 * day];
    expect(perSecond({ kind: "speed", factor: 86_400 }, times, 4)).toEqual([2, 3, 1, 1]);
  });

  it("says how long to wait until the next row's event time comes, and sends a late row at once", () => {
    const pacer = createReplayPacer({ kind: "speed", factor: 10 });
    expect(pacer.wait(1000, 50_000)).toBe(0);
    expect(pacer.wait(1000, 60_000)).toBe(1000);
    expect(pacer.wait(2000, 60_000)).toBe(0);
    expect(pacer.wait(2000, 40_000)).toBe(0);
    expect(pacer.wait(2000, null)).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { isBehind, KEEPING_UP_MS, workerBehind } from "./behind";

const at = 1_700_000_000_000;
const lag = (...ns: number[]) => ns.map((n, i) => ({ topic: "C_output", partition: i, lag: n }));

describe("workerBehind", () => {
  it("is the time between the newest event time it read and its report: 4 min behind", () => {
    const b = workerBehind({ at, lag: lag(500, 700), recordsInPerSec: 10, eventTime: at - 240_000 });
    expect(b).toEqual({ records: 1200, ms: 240_000, basis: "eventTime" });
    expect(isBehind(b)).toBe(true);
  });

  it("is not behind with nothing left to read, however old the newest record (producers stopped)", () => {
    const b = workerBehind({ at, lag: lag(0, 0), recordsInPerSec: 0, eventTime: at - 3_600_000 });
    expect(b).toEqual({ records: 0, ms: 0, basis: "caughtUp" });
    expect(isBehind(b)).toBe(false);
  });

  it("divides the lag by the read rate when no event time was reported", () => {
    expect(workerBehind({ at, lag: lag(3000), recordsInPerSec: 100, eventTime: undefined })).toEqual({ records: 3000, ms: 30_000, basis: "rate" });
  });

  it("calls a worker that reads nothing with records waiting stalled, and behind", () => {
    const b = workerBehind({ at, lag: lag(10), recordsInPerSec: 0, eventTime: null });
    expect(b).toEqual({ records: 10, ms: null, basis: "stalled" });
    expect(isBehind(b)).toBe(true);
  });

  it("counts a batch in flight as keeping up, and never reports negative time for a future event time", () => {
    expect(isBehind(workerBehind({ at, lag: lag(5), recordsInPerSec: 50, eventTime: at - KEEPING_UP_MS + 1 }))).toBe(false);
    expect(workerBehind({ at, lag: lag(5), recordsInPerSec: 50, eventTime: at + 5000 })?.ms).toBe(0);
  });

  it("knows nothing without metrics", () => {
    expect(workerBehind(null)).toBeNull();
    expect(isBehind(null)).toBe(false);
  });
});

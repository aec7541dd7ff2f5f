import { describe, expect, it } from "vitest";
import type { InOutStats } from "@/lib/contract/socket";
import { inOutVerdict, judgeInOut, newlyBroken, SETTLE_MS, trackUnchanged } from "./inout";

/** Counts of one strategy; `handled` (distinct inputs named) defaults to one input per result and dead letter. */
const x = (input: number, output: number, deadLetters: number, lag: number, handled = output + deadLetters) => ({ input, output, deadLetters, lag, handled });
const FLOWING = 0;
const SETTLED = SETTLE_MS;

describe("the in = out verdict", () => {
  it("is equal when every input is a result, a dead letter or waiting", () => {
    expect(inOutVerdict(x(100, 90, 2, 8), 0)).toEqual({ state: "equal", n: 0, expected: 90, diff: 0, lost: 0, duplicated: 0 });
  });
  it("counts records in the lag and results not yet read as waiting while things move", () => {
    expect(inOutVerdict(x(100, 85, 2, 8), 60_000)).toMatchObject({ state: "waiting", n: 13 });
    expect(inOutVerdict(x(100, 95, 0, 0), SETTLE_MS - 1)).toMatchObject({ state: "waiting", n: 5 });
  });
  it("calls a shortfall missing (lost) once lag is 0 and nothing changed for a while", () => {
    expect(inOutVerdict(x(100, 95, 0, 0), SETTLE_MS)).toEqual({ state: "missing", n: 5, expected: 100, diff: -5, lost: 5, duplicated: 0 });
  });
  it("calls results beyond the distinct inputs they name duplicated at once, lag or not", () => {
    // 130 results name 96 distinct inputs, 4 inputs still in the lag.
    expect(inOutVerdict(x(100, 130, 0, 4, 96), 0)).toMatchObject({ state: "duplicates", n: 34, duplicated: 34, lost: 0 });
  });
  it("calls more results than there are inputs extra at once, when the results name no input", () => {
    // Results written before they carried the header count one input each: 130 of them for 100 inputs.
    expect(inOutVerdict(x(100, 130, 0, 4), 0)).toMatchObject({ state: "duplicates", n: 30 });
  });
  it("does not call results written ahead of their offset commit (at least once) duplicates", () => {
    // 10 inputs still in the lag, 6 of them already have their result.
    expect(inOutVerdict(x(100, 96, 0, 10, 96), 60_000)).toMatchObject({ state: "waiting", n: 10, duplicated: 0, lost: 0 });
  });
});

describe("in = out with delivery modes (results name their input)", () => {
  it("is equal when every input is a result, a dead letter or waiting", () => {
    expect(inOutVerdict(x(100, 90, 2, 8), FLOWING)).toEqual({ expected: 90, diff: 0, lost: 0, duplicated: 0, state: "equal", n: 0 });
  });
  it("waits while records flow, and calls a steady shortfall lost", () => {
    expect(inOutVerdict(x(100, 95, 0, 0), FLOWING).state).toBe("waiting");
    expect(inOutVerdict(x(100, 95, 0, 3), SETTLED).state).toBe("waiting");
    expect(inOutVerdict(x(100, 95, 0, 0), SETTLED)).toEqual({ expected: 100, diff: -5, lost: 5, duplicated: 0, state: "missing", n: 5 });
  });
  it("counts outputs beyond the first for an input as duplicated at once, even while records flow", () => {
    expect(inOutVerdict(x(100, 130, 0, 0, 100), SETTLED)).toMatchObject({ lost: 0, duplicated: 30, state: "duplicates" });
    expect(inOutVerdict(x(100, 93, 0, 10, 88), FLOWING)).toMatchObject({ lost: 0, duplicated: 5, state: "duplicates" });
  });
  it("tells losses and duplicates apart when they cancel out in the totals", () => {
    // 100 inputs, 100 outputs: 10 inputs have none, 10 have two.
    expect(inOutVerdict(x(100, 100, 0, 0, 90), SETTLED)).toEqual({ expected: 100, diff: 0, lost: 10, duplicated: 10, state: "both", n: 20 });
  });
  it("counts a repeated dead letter as a duplicate too", () => {
    expect(inOutVerdict(x(10, 8, 3, 0, 10), SETTLED)).toMatchObject({ lost: 0, duplicated: 1, state: "duplicates" });
  });
});

describe("newly broken", () => {
  it("takes the first report as the baseline, then names what grew", () => {
    expect(newlyBroken(null, { lost: 5, duplicated: 3 })).toEqual([]);
    expect(newlyBroken({ lost: 5, duplicated: 3 }, { lost: 5, duplicated: 3 })).toEqual([]);
    expect(newlyBroken({ lost: 5, duplicated: 3 }, { lost: 6, duplicated: 3 })).toEqual(["lost"]);
    expect(newlyBroken({ lost: 0, duplicated: 0 }, { lost: 2, duplicated: 7 })).toEqual(["lost", "duplicated"]);
  });
  it("does not report a loss that went back down (a late output arrived)", () => {
    expect(newlyBroken({ lost: 4, duplicated: 0 }, { lost: 1, duplicated: 0 })).toEqual([]);
  });
});

describe("judging every strategy while producers run", () => {
  const stats = (at: number, rows: [string, number, number, number][]): InOutStats => ({
    at,
    strategies: rows.map(([strategy, input, output, lag]) => ({ strategy: strategy as "A", input, output, deadLetters: 0, lag, handled: output })),
  });
  it("gives each strategy its own verdict, whether or not its producer still runs", () => {
    // A's producer was stopped: its counts settle. B, C and D keep growing, and come out equal whenever the reader caught up.
    const reports = [
      stats(0, [
        ["A", 50, 40, 0],
        ["B", 10, 8, 2],
        ["C", 10, 9, 0],
        ["D", 10, 10, 0],
      ]),
      stats(1000, [
        ["A", 50, 48, 0],
        ["B", 12, 12, 0],
        ["C", 12, 10, 1],
        ["D", 12, 11, 1],
      ]),
      stats(2000, [
        ["A", 50, 50, 0],
        ["B", 14, 13, 1],
        ["C", 14, 14, 0],
        ["D", 14, 13, 0],
      ]),
    ];
    let unchanged = {};
    const seen = new Map<string, Set<string>>();
    for (const r of reports) {
      unchanged = trackUnchanged(unchanged, r, r.at);
      for (const [s, v] of Object.entries(judgeInOut(r, unchanged, r.at))) seen.set(s, (seen.get(s) ?? new Set()).add(v.state));
    }
    expect([...seen.get("A")!]).toEqual(["waiting", "equal"]);
    expect(seen.get("B")!.has("equal")).toBe(true);
    expect(seen.get("C")!.has("equal")).toBe(true);
    expect([...seen.get("D")!]).toEqual(["equal", "waiting"]);
  });
  it("settles a strategy whose counts stop changing, and not one whose counts move", () => {
    const a = stats(0, [
      ["A", 50, 45, 0],
      ["B", 10, 8, 0],
    ]);
    let unchanged = trackUnchanged({}, a, 0);
    const b = stats(SETTLE_MS, [
      ["A", 50, 45, 0],
      ["B", 12, 10, 0],
    ]);
    unchanged = trackUnchanged(unchanged, b, SETTLE_MS);
    const v = judgeInOut(b, unchanged, SETTLE_MS);
    expect(v.A).toMatchObject({ state: "missing", n: 5 });
    expect(v.B).toMatchObject({ state: "waiting", n: 2 });
  });
});

import { describe, expect, it } from "vitest";
import type { InOutStats } from "@/lib/contract/socket";
import { inOutVerdict, judgeInOut, SETTLE_MS, trackUnchanged } from "./inout";

describe("the in = out verdict", () => {
  it("is equal when every input is a result, a dead letter or waiting", () => {
    expect(inOutVerdict({ input: 100, output: 90, deadLetters: 2, lag: 8 }, 0)).toEqual({ state: "equal", n: 0, expected: 90, diff: 0 });
  });
  it("counts records in the lag and results not yet read as waiting while things move", () => {
    expect(inOutVerdict({ input: 100, output: 85, deadLetters: 2, lag: 8 }, 60_000)).toMatchObject({ state: "waiting", n: 13 });
    expect(inOutVerdict({ input: 100, output: 95, deadLetters: 0, lag: 0 }, SETTLE_MS - 1)).toMatchObject({ state: "waiting", n: 5 });
  });
  it("calls a shortfall missing once lag is 0 and nothing changed for a while", () => {
    expect(inOutVerdict({ input: 100, output: 95, deadLetters: 0, lag: 0 }, SETTLE_MS)).toEqual({ state: "missing", n: 5, expected: 100, diff: -5 });
  });
  it("calls more results than processed inputs extra at once", () => {
    expect(inOutVerdict({ input: 100, output: 130, deadLetters: 0, lag: 4 }, 0)).toMatchObject({ state: "duplicates", n: 34 });
  });
});

describe("judging every strategy while producers run", () => {
  const stats = (at: number, rows: [string, number, number, number][]): InOutStats => ({
    at,
    strategies: rows.map(([strategy, input, output, lag]) => ({ strategy: strategy as "A", input, output, deadLetters: 0, lag })),
  });
  it("gives each strategy its own verdict, whether or not its producer still runs", () => {
    // A's producer was stopped: its counts settle. B, C and D keep growing, and come out equal whenever the reader caught up.
    const reports = [
      stats(0, [["A", 50, 40, 0], ["B", 10, 8, 2], ["C", 10, 9, 0], ["D", 10, 10, 0]]),
      stats(1000, [["A", 50, 48, 0], ["B", 12, 12, 0], ["C", 12, 10, 1], ["D", 12, 11, 1]]),
      stats(2000, [["A", 50, 50, 0], ["B", 14, 13, 1], ["C", 14, 14, 0], ["D", 14, 13, 0]]),
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
    const a = stats(0, [["A", 50, 45, 0], ["B", 10, 8, 0]]);
    let unchanged = trackUnchanged({}, a, 0);
    const b = stats(SETTLE_MS, [["A", 50, 45, 0], ["B", 12, 10, 0]]);
    unchanged = trackUnchanged(unchanged, b, SETTLE_MS);
    const v = judgeInOut(b, unchanged, SETTLE_MS);
    expect(v.A).toMatchObject({ state: "missing", n: 5 });
    expect(v.B).toMatchObject({ state: "waiting", n: 2 });
  });
});

import { describe, expect, it } from "vitest";
import { addRows, aggregationNeeds, avgByWindow, modesSeen, parseAggRow, strategiesOf, type AggRow } from "./aggregates";

const row = (over: Partial<AggRow> = {}): AggRow => ({
  strategy: "A",
  windowStart: 0,
  windowEnd: 2000,
  count: 1,
  avg: 10,
  mode: "update",
  batch: 1,
  ...over,
});

describe("parseAggRow", () => {
  it("reads a row and rejects anything else", () => {
    expect(parseAggRow(JSON.stringify(row()))).toEqual(row());
    expect(parseAggRow(null)).toBeNull();
    expect(parseAggRow("not json")).toBeNull();
    expect(parseAggRow(JSON.stringify({ ...row(), mode: "batch" }))).toBeNull();
    expect(parseAggRow(JSON.stringify({ result: 3, ts: 1 }))).toBeNull();
  });
});

describe("addRows", () => {
  it("groups rows by strategy + batch + mode, newest emission first, windows sorted", () => {
    const e = addRows([], [row({ windowStart: 2000, windowEnd: 4000 }), row(), row({ strategy: "B" }), row({ batch: 2 })], 5);
    expect(e.map((x) => x.id)).toEqual(["A:update:2", "B:update:1", "A:update:1"]);
    expect(e[2]!.rows.map((r) => r.windowStart)).toEqual([0, 2000]);
    expect(e[2]!.at).toBe(5);
  });
  it("joins rows of one emission that arrive in two feed batches, replacing a repeated window", () => {
    const first = addRows([], [row()], 1);
    const second = addRows(first, [row({ windowStart: 2000, windowEnd: 4000 }), row({ count: 2, avg: 11 })], 2);
    expect(second).toHaveLength(1);
    expect(second[0]!.rows.map((r) => [r.windowStart, r.count])).toEqual([
      [0, 2],
      [2000, 1],
    ]);
    expect(second[0]!.at).toBe(1);
  });
  it("keeps a bounded ring of emissions, dropping the oldest", () => {
    let e = addRows([], [], 0);
    for (let b = 1; b <= 10; b++) e = addRows(e, [row({ batch: b })], b, 4);
    expect(e.map((x) => x.batch)).toEqual([10, 9, 8, 7]);
  });
  it("keeps the same array when nothing arrives", () => {
    const e = addRows([], [row()], 1);
    expect(addRows(e, [], 2)).toBe(e);
  });
});

describe("derived views", () => {
  const e = addRows(
    [],
    [row({ avg: 1 }), row({ strategy: "B", avg: 5, mode: "append" }), row({ batch: 2, avg: 3 }), row({ batch: 2, windowStart: 2000, windowEnd: 4000, avg: 7 })],
    0,
  );
  it("knows the modes and strategies seen", () => {
    expect(modesSeen(e)).toEqual(["append", "update"]);
    expect(strategiesOf(e)).toEqual(["A", "B"]);
  });
  it("charts the newest average per window and strategy", () => {
    expect(avgByWindow(e)).toEqual([
      { t: 0, A: 3, B: 5 },
      { t: 2000, A: 7 },
    ]);
    expect(avgByWindow(e, 1)).toEqual([{ t: 2000, A: 7 }]);
  });
});

describe("aggregationNeeds", () => {
  const c = (name: string, status: string) => ({ name, kind: name.startsWith("producer") ? "producer" : "worker", status });
  it("names a producer, the transform and the aggregation while they are stopped", () => {
    expect(aggregationNeeds([c("producer-A", "stopped"), c("strategy", "stopped"), c("aggregate", "stopped")])).toEqual([
      "producer-A",
      "strategy",
      "aggregate",
    ]);
  });
  it("needs nothing while any producer, the transform and the aggregation run", () => {
    expect(aggregationNeeds([c("producer-A", "stopped"), c("producer-C", "running"), c("strategy", "running"), c("aggregate", "running")])).toEqual([]);
  });
});

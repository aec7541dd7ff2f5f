import { describe, expect, it } from "vitest";
import type { LabRecord } from "../contract/records";
import { topicNames } from "../contract/topics";
import { AggregateProcessor } from "./aggregate-processor";

const names = topicNames("p.");
const T = 1_763_800_000_000;
const config = { sizeMs: 10_000, slideMs: 10_000, watermarkDelayMs: 5000, mode: "update" as const };
const rec = (offset: number, value: string): LabRecord => ({
  topic: "p.A_output",
  partition: 0,
  offset: String(offset),
  key: "user-1",
  value: Buffer.from(value),
  timestamp: T,
});
const good = (offset: number, ts: number, result: number) => rec(offset, JSON.stringify({ result, ts }));
const batch = (records: LabRecord[]) => ({ topic: "p.A_output", partition: 0, records, nextOffset: String(Number(records.at(-1)!.offset) + 1) });
const fresh = () => {
  const agg = new AggregateProcessor(config, names);
  agg.onAssignment([{ topic: "p.A_output", partition: 0 }]);
  agg.restore("p.A_output", [{ partition: 0, offset: null, metadata: null }]);
  return agg;
};

describe("AggregateProcessor", () => {
  it("writes rows keyed by strategy to the prefixed aggregates topic and dead-letters bad inputs", () => {
    const res = fresh().processBatch(batch([good(0, T + 1000, 10), rec(1, "nope"), good(2, T + 2000, 20)]), T + 60_000);
    expect(res.deadLetters).toBe(1);
    expect(res.outputs.map((o) => [o.topic, o.key])).toEqual(
      [
        ["p.dead_letters", null],
        ["p.aggregates", "A"],
      ].map(([t, k]) => [t, k ?? "user-1"]),
    );
    expect(JSON.parse(res.outputs[1]!.value as string)).toMatchObject({ strategy: "A", windowStart: T, count: 2, avg: 15, batch: 1 });
    expect(res.commitOffset).toBe("3");
  });
  it("continues from its committed checkpoint after a restart, skipping what it already counted", () => {
    const first = fresh();
    const res = first.processBatch(batch([good(0, T + 1000, 10)]), T + 60_000);
    const again = new AggregateProcessor(config, names);
    again.onAssignment([{ topic: "p.A_output", partition: 0 }]);
    expect(again.restore("p.A_output", [{ partition: 0, offset: res.commitOffset, metadata: res.commitMetadata }])).toBe(true);
    const next = again.processBatch(batch([good(0, T + 1000, 10), good(1, T + 3000, 30)]), T + 60_000);
    expect(next.outputs.map((o) => JSON.parse(o.value as string))).toMatchObject([{ count: 2, avg: 20, batch: 2 }]);
  });
  it("learns at restore which partitions are empty, and stops skipping one once it has records", () => {
    const agg = new AggregateProcessor({ ...config, mode: "append" }, names);
    agg.onAssignment([0, 1].map((partition) => ({ topic: "p.A_output", partition })));
    agg.restore(
      "p.A_output",
      [],
      [
        { partition: 0, earliest: "0", latest: "5" },
        { partition: 1, earliest: "0", latest: "0" },
      ],
    );
    expect(agg.emptyPartitions("p.A_output")).toEqual([1]);
    const res = agg.processBatch(batch([good(0, T + 1000, 10), good(1, T + 30_000, 20)]), T + 60_000);
    expect(res.outputs.map((o) => JSON.parse(o.value as string))).toMatchObject([{ windowStart: T, count: 1 }]);
    agg.setLogEnds("p.A_output", [{ partition: 1, earliest: "0", latest: "3" }]);
    expect(agg.emptyPartitions("p.A_output")).toEqual([]);
    expect(agg.stats()).toMatchObject([{ strategy: "A", watermark: T + 25_000, emptyPartitions: [] }]);
  });
  it("stops a batch where the full table must wait for another partition, dead-lettering only what comes before", () => {
    const agg = new AggregateProcessor(config, names); // holds back at 96 windows: 100 − (10 s + 10 s + 5 s) / 10 s − 1
    agg.onAssignment([0, 1].map((partition) => ({ topic: "p.A_output", partition })));
    agg.restore("p.A_output", [], [{ partition: 1, earliest: "0", latest: "9" }]); // 1 has records not read yet
    const goods = Array.from({ length: 100 }, (_, i) => good(i < 50 ? i : i + 1, T + i * 10_000, 1));
    const recs = [...goods.slice(0, 50), rec(50, "bad"), ...goods.slice(50), rec(101, "bad")];
    const res = agg.processBatch(batch(recs), T + 3_600_000);
    expect(res).toMatchObject({ resumeAt: "97", commitOffset: "97", deadLetters: 1, progressed: true });
    expect(res.outputs.filter((o) => o.topic === "p.aggregates")).toHaveLength(96);
    const again = agg.processBatch(batch(recs.slice(97)), T + 3_600_000);
    expect(again).toMatchObject({ resumeAt: "97", commitOffset: "97", deadLetters: 0, progressed: false, outputs: [] });
  });
  it("must be restored after every assignment before it processes", () => {
    const agg = fresh();
    agg.onAssignment([{ topic: "p.A_output", partition: 0 }]);
    expect(agg.needsRestore("p.A_output")).toBe(true);
    expect(() => agg.processBatch(batch([good(0, T, 1)]), T)).toThrow(/not restored/);
  });
});

import { describe, expect, it } from "vitest";
import { createMemoryKafka } from "@/kafka/memory";
import type { ReplayJob } from "@/lib/contract/datasets";
import { DeadLetterValue } from "@/lib/contract/records";
import { topicNames } from "@/lib/contract/topics";
import { linesOf } from "@/lib/datasets/lines";
import { replayLines, type ReplayProgress } from "./dataset-replay";

const CSV = ["user_id,month,day,gender", "1,05,11,0", "2,05,11,1", "oops", "1,05,12,2", ",05,12,0", "3,02,30,1", "2,05,13,0"].join("\n");
const job = (over: Partial<ReplayJob> = {}): ReplayJob => ({
  file: "unused",
  format: "csv",
  dataset: "sample-user-log",
  mapping: { key: "user_id", time: { kind: "monthDay", month: "month", day: "day", year: 2015 } },
  pace: { kind: "speed", factor: 86_400_000 },
  topic: "user_log",
  doneThroughLine: 0,
  ...over,
});

async function run(text: string, j: ReplayJob) {
  const kafka = createMemoryKafka();
  for (const t of ["p_user_log", "p_dead_letters"]) kafka.createTopic(t, 1);
  const progress: ReplayProgress[] = [];
  let now = 0;
  const outcome = await replayLines(linesOf([text]), j, {
    send: async (records) => kafka.producer().send(records),
    names: topicNames("p_"),
    clock: () => now,
    sleep: async (ms) => void (now += ms),
    report: (p) => progress.push(p),
    stopped: () => false,
  });
  return { outcome, progress, kafka, now };
}

describe("replayLines", () => {
  it("writes every good row in file order, keyed and timed by the mapping, and dead-letters the others with their line numbers", async () => {
    const { outcome, kafka, progress } = await run(CSV, job());
    expect(outcome).toBe("done");
    const rows = kafka.records("p_user_log");
    expect(rows.map((r) => [r.key, r.timestamp])).toEqual([
      ["1", Date.UTC(2015, 4, 11)],
      ["2", Date.UTC(2015, 4, 11)],
      ["1", Date.UTC(2015, 4, 12)],
      ["2", Date.UTC(2015, 4, 13)],
    ]);
    expect(JSON.parse(rows[0]!.value!.toString())).toEqual({ user_id: "1", month: "05", day: "11", gender: "0" });
    const dead = kafka.records("p_dead_letters").map((r) => DeadLetterValue.parse(JSON.parse(r.value!.toString())));
    expect(dead.map((d) => [d.line, d.reason, d.payload])).toEqual([
      [4, "bad_row", "oops"],
      [6, "missing_key", ",05,12,0"],
      [7, "bad_time", "3,02,30,1"],
    ]);
    expect(progress.at(-1)?.line).toBe(8);
    expect(progress.reduce((n, p) => n + p.sent, 0)).toBe(4);
    expect(progress.flatMap((p) => p.deadLetters.map((d) => d.line))).toEqual([4, 6, 7]);
  });

  it("after a restart goes on after the last line it reported, the header still read", async () => {
    const { kafka } = await run(CSV, job({ doneThroughLine: 5 }));
    expect(kafka.records("p_user_log").map((r) => r.key)).toEqual(["2"]);
    expect(kafka.records("p_dead_letters")).toHaveLength(2);
  });

  it("takes as long as the pace says: 4 rows at 2 per second", async () => {
    const { now } = await run(CSV, job({ pace: { kind: "rate", recordsPerSecond: 2 } }));
    expect(now).toBeGreaterThanOrEqual(1500);
    expect(now).toBeLessThan(2100);
  });
});

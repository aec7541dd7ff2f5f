import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Settings } from "@/lib/contract/api";
import { AGGREGATES_TOPIC, type OutgoingRecord } from "@/lib/contract/records";
import { topicNames, type TopicNames } from "@/lib/contract/topics";
import { seededRandom } from "@/lib/pipeline/hostile-corpus";
import type { AggRow } from "@/lib/pipeline/window-agg";
import { testBrokers } from "../support/broker";
import { multiset, produce, readTopic, testKafka, valueOf, waitFor } from "../support/kafka";
import { startWorkers } from "../support/pipeline";

const brokers = testBrokers().join(",");
const kafka = testKafka(brokers);
const admin = kafka.admin();
/** Event times start at T, aligned to 10 s, ten minutes ago. */
const T = Math.floor((Date.now() - 600_000) / 10_000) * 10_000;
/** Keys that Kafka's default partitioner (murmur2) sends to partition 0, 1 and 2 of a 3-partition topic. */
const KEY_OF_PARTITION = ["user-8", "user-4", "user-1"];
const DELAY = 5000;

/** One partition's records in log order. */
type Log = { ts: number; result: number }[];
type Row = Omit<AggRow, "batch">;

/** Per partition, `n` records with time moving forward (at its own pace unless `samePace`), up to 7 s out of order. */
function inputLogs(seed: number, partitions: number[], n = 30, samePace = false): Map<number, Log> {
  const rnd = seededRandom(seed);
  return new Map(
    partitions.map((p) => [
      p,
      Array.from({ length: n }, (_, i) => ({
        ts: T + 8000 + i * (samePace ? 1000 : 1000 + 300 * p) + Math.floor(rnd() * 14_000) - 7000,
        result: 2 + Math.floor(rnd() * 98),
      })),
    ]),
  );
}

/**
 * The rule, written out plainly: per record, per window containing it, counted iff the window's end is
 * after its partition's watermark at that point (the largest earlier ts of the partition − delay).
 * A window is final (emitted in append mode) once it ends at or before min over partitions of (largest ts − delay).
 */
function reference(logs: Map<number, Log>, size: number, slide: number) {
  const sums = new Map<number, { count: number; sum: number }>();
  let late = 0;
  let behindButCounted = 0;
  for (const log of logs.values()) {
    let maxTs = -Infinity;
    for (const { ts, result } of log) {
      let counted = false;
      let dropped = false;
      for (let start = Math.floor(ts / slide) * slide; start > ts - size; start -= slide) {
        if (start + size <= maxTs - DELAY) {
          dropped = true;
          continue;
        }
        counted = true;
        const acc = sums.get(start) ?? { count: 0, sum: 0 };
        sums.set(start, { count: acc.count + 1, sum: acc.sum + result });
      }
      if (dropped) late++;
      if (counted && ts < maxTs - DELAY) behindButCounted++;
      maxTs = Math.max(maxTs, ts);
    }
  }
  const watermark = Math.min(...[...logs.values()].map((log) => Math.max(...log.map((r) => r.ts)))) - DELAY;
  const rows: Row[] = [...sums]
    .filter(([start]) => start + size <= watermark)
    .map(([start, a]) => ({ strategy: "A", windowStart: start, windowEnd: start + size, count: a.count, avg: a.sum / a.count, mode: "append" }));
  return { rows, late, behindButCounted };
}

function records(names: TopicNames, logs: Map<number, Log>, from = 0, to = Infinity): OutgoingRecord[] {
  return [...logs].flatMap(([p, log]) =>
    log
      .slice(from, to)
      .map(({ ts, result }) => ({ topic: names.name("A_output"), key: KEY_OF_PARTITION[p]!, value: JSON.stringify({ result, ts }), timestamp: ts })),
  );
}

async function freshTopics(label: string): Promise<TopicNames> {
  const names = topicNames(`agglate-${label}-${Date.now().toString(36)}.`);
  await admin.ensureTopics(names.all(), 3);
  return names;
}

/** Wait until the aggregate group has committed every partition of A_output up to its end. */
async function drained(names: TopicNames): Promise<void> {
  const topic = names.name("A_output");
  const ends = (await admin.topicOffsets(topic)).filter((p) => p.latest !== "0");
  await waitFor(async () => {
    // Right after the broker starts, its group coordinator may still be loading: ask again.
    const committed = await admin.groupOffsets(names.group("aggregate"), [topic]).catch(() => []);
    return ends.every((e) => committed.some((c) => c.partition === e.partition && c.offset === e.latest));
  }, `the aggregate to commit all of ${topic}`);
}

async function rows(names: TopicNames, expected: number): Promise<string[]> {
  const got = await readTopic(kafka, names.name(AGGREGATES_TOPIC), expected);
  return multiset(got.map((r) => valueOf<AggRow>(r)).map(({ batch: _, ...row }) => row));
}

const start = (names: TopicNames, settings: Partial<Settings>) =>
  startWorkers(brokers, names, [{ name: "aggregate", instance: 0 }], { aggWindowMs: 10_000, aggWatermarkDelayMs: DELAY, aggOutputMode: "append", ...settings });

beforeAll(() => admin.connect());
afterAll(() => admin.disconnect());

describe("the aggregation's late rule on a real broker (append mode, 3 partitions)", () => {
  for (const [kind, slide] of [
    ["tumbling", 10_000],
    ["sliding", 5000],
  ] as const) {
    it(`emits exactly the windows the per-partition rule gives, from a backlog read in any order (${kind})`, async () => {
      const names = await freshTopics(kind);
      const logs = inputLogs(kind === "tumbling" ? 1 : 2, [0, 1, 2]);
      const want = reference(logs, 10_000, slide);
      expect(want.late).toBeGreaterThan(0);
      expect(want.behindButCounted).toBeGreaterThan(0);
      await produce(kafka, records(names, logs));
      expect((await admin.topicOffsets(names.name("A_output"))).map((p) => p.latest)).toEqual(["30", "30", "30"]);
      const workers = await start(names, { aggSlideMs: slide });
      try {
        await drained(names);
        expect(await rows(names, want.rows.length)).toEqual(multiset(want.rows));
      } finally {
        await workers.stop();
      }
    });
  }

  it("reads a backlog of 8 minutes per partition with 1 s slides, holding partitions back instead of opening windows without bound", async () => {
    const names = await freshTopics("long");
    // 500 s each, as one producer writes them; kafkajs hands over one partition's whole backlog at a time,
    // whose ~500 windows would not fit a checkpoint (about 300 do)
    const logs = inputLogs(5, [0, 1, 2], 500, true);
    const want = reference(logs, 10_000, 1000);
    await produce(kafka, records(names, logs));
    const workers = await start(names, { aggSlideMs: 1000 });
    try {
      await drained(names);
      expect(await rows(names, want.rows.length)).toEqual(multiset(want.rows));
    } finally {
      await workers.stop();
    }
  });

  it("closes windows without waiting for an empty partition", async () => {
    const names = await freshTopics("empty");
    const logs = inputLogs(3, [1, 2]); // partition 0 gets nothing, as with the old default of 5 keys
    const want = reference(logs, 10_000, 10_000);
    await produce(kafka, records(names, logs));
    const workers = await start(names, { aggSlideMs: 10_000 });
    try {
      await drained(names);
      expect(want.rows.length).toBeGreaterThan(1);
      expect(await rows(names, want.rows.length)).toEqual(multiset(want.rows));
    } finally {
      await workers.stop();
    }
  });

  it("gives the same rows after a SIGKILL mid-input, and again after a replay from the earliest offset", async () => {
    const names = await freshTopics("replay");
    const logs = inputLogs(4, [0, 1, 2]);
    const want = reference(logs, 10_000, 5000);
    await produce(kafka, records(names, logs, 0, 15));
    const first = await start(names, { aggSlideMs: 5000 });
    await drained(names);
    const victim = first.procs[0]!.child;
    const exited = new Promise((resolve) => victim.once("exit", resolve));
    victim.kill("SIGKILL");
    await exited;
    await produce(kafka, records(names, logs, 15));
    const second = await start(names, { aggSlideMs: 5000 });
    try {
      await drained(names);
      expect(await rows(names, want.rows.length)).toEqual(multiset(want.rows));
    } finally {
      await second.stop();
      await first.stop();
    }
    await admin.commitEmptyGroupOffsets(names.group("aggregate"), await admin.rewindTargets([names.name("A_output")], { earliest: true }));
    const replay = await start(names, { aggSlideMs: 5000 });
    try {
      await drained(names);
      expect(await rows(names, 2 * want.rows.length)).toEqual(multiset([...want.rows, ...want.rows]));
    } finally {
      await replay.stop();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Settings } from "@/lib/contract/api";
import { AGGREGATES_TOPIC, DEAD_LETTER_TOPIC, type OutgoingRecord } from "@/lib/contract/records";
import { topicNames, type TopicNames } from "@/lib/contract/topics";
import type { AggRow, OutputMode } from "@/lib/pipeline/window-agg";
import { testBrokers } from "../support/broker";
import { multiset, produce, readTopic, testKafka, valueOf, waitFor } from "../support/kafka";
import { startWorkers } from "../support/pipeline";

const brokers = testBrokers().join(",");
const kafka = testKafka(brokers);
const admin = kafka.admin();
/** Event times are T + offset: T is aligned to 10 s, ten minutes ago (valid, and windows align to it). */
const T = Math.floor((Date.now() - 600_000) / 10_000) * 10_000;
const BASE: Partial<Settings> = { aggWindowMs: 10_000, aggSlideMs: 10_000, aggWatermarkDelayMs: 5000 };

type Stage = { strategy: "A" | "B"; records: [tsOffset: number, result: number][]; junk?: boolean };
/**
 * One topic per stage, one partition per topic, one produce call per stage: each stage is exactly one
 * batch of the worker, and the next is written only after it is committed, so batches are known.
 * Watermark (delay 5 s): A reaches T+7s after stage 1, T+16s after 3 (closing [0,10s)), T+35s after 4.
 */
const STAGES: Stage[] = [
  {
    strategy: "A",
    records: [
      [1000, 10],
      [4000, 20],
      [12_000, 30],
    ],
  },
  {
    strategy: "B",
    records: [
      [2000, 100],
      [3000, 50],
    ],
    junk: true,
  },
  {
    strategy: "A",
    records: [
      [3000, 40],
      [8000, 50],
      [21_000, 60],
    ],
  }, // 3000 is behind T+7s, but [0,10s) is open: counted
  {
    strategy: "A",
    records: [
      [9000, 70],
      [40_000, 5],
    ],
  }, // 9000 is late: [0,10s) closed at T+16s
  { strategy: "B", records: [[30_000, 1]] },
];

const row = (mode: OutputMode, strategy: string, batch: number, start: number, count: number, sum: number, size = 10_000): AggRow => ({
  strategy,
  windowStart: T + start,
  windowEnd: T + start + size,
  count,
  avg: sum / count,
  mode,
  batch,
});

const EXPECTED_TUMBLING: Record<OutputMode, AggRow[]> = {
  update: [
    row("update", "A", 1, 0, 2, 30),
    row("update", "A", 1, 10_000, 1, 30),
    row("update", "B", 1, 0, 2, 150),
    row("update", "A", 2, 0, 4, 120),
    row("update", "A", 2, 20_000, 1, 60),
    row("update", "A", 3, 40_000, 1, 5),
    row("update", "B", 2, 30_000, 1, 1),
  ],
  append: [row("append", "A", 2, 0, 4, 120), row("append", "A", 3, 10_000, 1, 30), row("append", "A", 3, 20_000, 1, 60), row("append", "B", 2, 0, 2, 150)],
  complete: [
    row("complete", "A", 1, 0, 2, 30),
    row("complete", "A", 1, 10_000, 1, 30),
    row("complete", "B", 1, 0, 2, 150),
    row("complete", "A", 2, 0, 4, 120),
    row("complete", "A", 2, 10_000, 1, 30),
    row("complete", "A", 2, 20_000, 1, 60),
    row("complete", "A", 3, 10_000, 1, 30),
    row("complete", "A", 3, 20_000, 1, 60),
    row("complete", "A", 3, 40_000, 1, 5),
    row("complete", "B", 2, 0, 2, 150),
    row("complete", "B", 2, 30_000, 1, 1),
  ],
};

async function freshTopics(label: string): Promise<TopicNames> {
  const names = topicNames(`agg-${label}-${Date.now().toString(36)}.`);
  await admin.ensureTopics(names.all(), 1);
  return names;
}

function stageRecords(names: TopicNames, stage: Stage): OutgoingRecord[] {
  const topic = names.name(`${stage.strategy}_output`);
  const out = stage.records.map(([offset, result]) => ({
    topic,
    key: "user-1",
    value: JSON.stringify({ result, ts: T + offset }),
    timestamp: T + offset,
  }));
  if (stage.junk) out.push({ topic, key: "user-1", value: '{"result":"x"}', timestamp: T });
  return out;
}

/** Write a stage and wait until the aggregate group has committed past all of it. */
async function feed(names: TopicNames, stage: Stage): Promise<void> {
  await produce(kafka, stageRecords(names, stage));
  const topic = names.name(`${stage.strategy}_output`);
  const end = (await admin.topicOffsets(topic))[0]!.latest;
  await waitFor(async () => {
    const committed = await admin.groupOffsets(names.group("aggregate"), [topic]);
    return committed.some((c) => c.partition === 0 && c.offset === end);
  }, `the aggregate to commit ${topic} up to ${end}`);
}

const start = (names: TopicNames, settings: Partial<Settings>) => startWorkers(brokers, names, [{ name: "aggregate", instance: 0 }], { ...BASE, ...settings });

async function readRows(names: TopicNames, expected: number): Promise<AggRow[]> {
  return (await readTopic(kafka, names.name(AGGREGATES_TOPIC), expected)).map((r) => valueOf<AggRow>(r));
}

beforeAll(() => admin.connect());
afterAll(() => admin.disconnect());

describe("the windowed aggregation on a real broker", () => {
  for (const mode of ["append", "update", "complete"] as const) {
    it(`emits exactly the ${mode}-mode rows for a known input with late records (tumbling windows)`, async () => {
      const names = await freshTopics(mode);
      const workers = await start(names, { aggOutputMode: mode });
      try {
        for (const stage of STAGES) await feed(names, stage);
        expect(multiset(await readRows(names, EXPECTED_TUMBLING[mode].length))).toEqual(multiset(EXPECTED_TUMBLING[mode]));
      } finally {
        await workers.stop();
      }
    });
  }

  it("counts a record in each overlapping window of a sliding window and closes them by watermark", async () => {
    const names = await freshTopics("sliding");
    const workers = await start(names, { aggSlideMs: 5000, aggOutputMode: "append" });
    const r = (strategy: string, batch: number, startAt: number, count: number, sum: number) => row("append", strategy, batch, startAt, count, sum);
    const expected = [
      r("A", 1, -5000, 2, 30),
      r("A", 2, 0, 4, 120),
      r("A", 2, 5000, 2, 80), // 3000: too late for [-5s,5s), counted in [0,10s)
      r("A", 3, 10_000, 1, 30),
      r("A", 3, 15_000, 1, 60),
      r("A", 3, 20_000, 1, 60),
      r("B", 2, -5000, 2, 150),
      r("B", 2, 0, 2, 150),
    ];
    try {
      for (const stage of STAGES) await feed(names, stage);
      expect(multiset(await readRows(names, expected.length))).toEqual(multiset(expected));
    } finally {
      await workers.stop();
    }
  });

  it("dead-letters a malformed input and keeps aggregating around it", async () => {
    const names = await freshTopics("dead");
    const workers = await start(names, { aggOutputMode: "update" });
    try {
      for (const stage of STAGES.slice(0, 2)) await feed(names, stage);
      const dead = await readTopic(kafka, names.name(DEAD_LETTER_TOPIC), 1);
      expect(dead.map((d) => valueOf<{ reason: string; topic: string }>(d))).toMatchObject([{ reason: "invalid_field", topic: "B_output" }]);
      expect(multiset(await readRows(names, 3))).toEqual(multiset(EXPECTED_TUMBLING.update.slice(0, 3)));
    } finally {
      await workers.stop();
    }
  });

  it("keeps its windows and watermark across a SIGKILL: same rows as without the crash", async () => {
    const names = await freshTopics("crash");
    const first = await start(names, { aggOutputMode: "update" });
    for (const stage of STAGES.slice(0, 3)) await feed(names, stage);
    const victim = first.procs[0]!.child;
    const exited = new Promise((resolve) => victim.once("exit", resolve));
    victim.kill("SIGKILL");
    await exited;
    const second = await start(names, { aggOutputMode: "update" });
    try {
      for (const stage of STAGES.slice(3)) await feed(names, stage);
      expect(multiset(await readRows(names, EXPECTED_TUMBLING.update.length))).toEqual(multiset(EXPECTED_TUMBLING.update));
    } finally {
      await second.stop();
      await first.stop();
    }
  });
});

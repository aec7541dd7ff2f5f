import { describe, expect, it } from "vitest";
import type { OutgoingRecord } from "@/lib/contract/records";
import { pollUntil } from "@/lib/retry";
import { createMemoryKafka, type MemoryKafka } from "@/kafka/memory";
import type { LabBatch, TopicPartition } from "@/kafka/types";
import { createLogger } from "@/lib/log";
import { WorkerMetrics } from "./metrics";
import { startStreamLoop, type StepResult } from "./stream-loop";

const GROUP = "doubler";
const log = createLogger("stream-loop-test", "silent");

/** A stateless step: each input's value doubled, written to `out`; "bad" is dead-lettered. */
const doubler = (batch: LabBatch): StepResult => ({
  outputs: batch.records.map((r) => {
    const text = r.value!.toString();
    return text === "bad"
      ? { topic: "dead", key: r.key, value: text, timestamp: r.timestamp }
      : { topic: "out", key: r.key, value: String(Number(text) * 2), timestamp: r.timestamp };
  }),
  deadLetters: batch.records.filter((r) => r.value!.toString() === "bad").length,
  commitOffset: batch.nextOffset,
  completedEventTimes: batch.records.map((r) => r.timestamp),
});

function cluster(values: string[]): MemoryKafka {
  const kafka = createMemoryKafka();
  kafka.createTopic("in", 2);
  kafka.createTopic("out", 2);
  kafka.createTopic("dead", 1);
  const inputs: OutgoingRecord[] = values.map((v, i) => ({ topic: "in", key: `k${i % 5}`, value: v, timestamp: 1000 + i }));
  kafka.append(inputs);
  return kafka;
}

interface LoopOptions {
  failCommit?: (attempt: number) => Error | null;
  startAt?: (tp: TopicPartition) => string | undefined;
  onFatal?: (err: unknown) => void;
}

async function loop(kafka: MemoryKafka, o: LoopOptions = {}) {
  const metrics = new WorkerMetrics(() => 5000);
  const running = await startStreamLoop({
    consumer: kafka.consumer(GROUP, { batchSize: 3, startAt: o.startAt }),
    producer: kafka.producer({ failCommit: o.failCommit }),
    groupId: GROUP,
    topics: ["in"],
    metrics,
    clock: () => 5000,
    log,
    step: doubler,
    onFatal:
      o.onFatal ??
      ((err) => {
        throw err;
      }),
  });
  return { metrics, stop: running.stop };
}

const committedTotal = (kafka: MemoryKafka) => kafka.committed(GROUP).reduce((n, o) => n + Number(o.offset), 0);
const drained = (kafka: MemoryKafka, inputs: number) =>
  pollUntil(() => (committedTotal(kafka) === inputs ? true : undefined), { timeoutMs: 5000, intervalMs: 5 });
const outValues = (kafka: MemoryKafka) =>
  kafka
    .records("out")
    .map((r) => r.value!.toString())
    .sort((a, b) => Number(a) - Number(b));

describe("the exactly-once stream loop, on the in-memory backend", () => {
  it("writes each input's output once and commits its offset with it, dead letters and metrics included", async () => {
    const values = ["1", "2", "bad", "4", "5", "6", "7", "8"];
    const kafka = cluster(values);
    const { metrics, stop } = await loop(kafka);
    expect(await drained(kafka, values.length)).toBe(true);
    await stop();
    expect(outValues(kafka)).toEqual(["2", "4", "8", "10", "12", "14", "16"]);
    expect(kafka.records("dead")).toHaveLength(1);
    const m = metrics.snapshot();
    expect({ in: m.recordsInTotal, out: m.recordsOutTotal, dead: m.deadLettered }).toEqual({ in: 8, out: 7, dead: 1 });
  });

  it("after a failed transaction ends the process, a new one goes on from the last commit: nothing lost, nothing twice", async () => {
    const values = Array.from({ length: 30 }, (_, i) => String(i + 1));
    const kafka = cluster(values);
    let fatal: unknown = null;
    const first = await loop(kafka, { failCommit: (n) => (n === 3 ? new Error("broker went away") : null), onFatal: (err) => (fatal = err) });
    await pollUntil(() => (fatal ? true : undefined), { timeoutMs: 5000, intervalMs: 5 });
    await first.stop();
    expect((fatal as Error).message).toBe("broker went away");
    expect(committedTotal(kafka)).toBeLessThan(values.length);

    const second = await loop(kafka);
    expect(await drained(kafka, values.length)).toBe(true);
    await second.stop();
    expect(outValues(kafka)).toEqual(values.map((v) => String(Number(v) * 2)).sort((a, b) => Number(a) - Number(b)));
  });

  it("a member started from an offset older than the stable commit skips what that commit already covered", async () => {
    const values = Array.from({ length: 12 }, (_, i) => String(i + 1));
    const kafka = cluster(values);
    const first = await loop(kafka);
    await drained(kafka, values.length);
    await first.stop();
    const before = kafka.records("out").length;

    // As kafkajs may after a restart: it starts every partition from 0, not from the committed offset.
    const second = await loop(kafka, { startAt: () => "0" });
    kafka.append([{ topic: "in", key: "k1", value: "100", timestamp: 9999 }]);
    expect(await drained(kafka, values.length + 1)).toBe(true);
    await second.stop();
    expect(kafka.records("out").length).toBe(before + 1);
  });
});

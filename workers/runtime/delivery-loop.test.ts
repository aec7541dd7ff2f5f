import { describe, expect, it } from "vitest";
import { pollUntil } from "@/lib/retry";
import { createMemoryKafka } from "@/kafka/memory";
import type { LabBatch } from "@/kafka/types";
import { createLogger } from "@/lib/log";
import { startDeliveryLoop, type NonEosMode } from "./delivery-loop";
import { WorkerMetrics } from "./metrics";
import type { StepResult } from "./stream-loop";

const GROUP = "copier";
const INPUTS = 9;

const copy = (batch: LabBatch): StepResult => ({
  outputs: batch.records.map((r) => ({ topic: "out", key: r.key, value: r.value!, timestamp: r.timestamp })),
  deadLetters: 0,
  commitOffset: batch.nextOffset,
  completedEventTimes: [],
});

/** Runs a mode whose deferred half (every hour) has not come yet: the state a kill would find. */
async function beforeTheDeferredHalf(mode: NonEosMode) {
  const kafka = createMemoryKafka();
  kafka.createTopic("in", 1);
  kafka.createTopic("out", 1);
  kafka.append(Array.from({ length: INPUTS }, (_, i) => ({ topic: "in", key: null, value: String(i), timestamp: i })));
  const metrics = new WorkerMetrics(() => 0);
  const loop = await startDeliveryLoop({
    mode,
    consumer: kafka.consumer(GROUP, { batchSize: 4 }),
    producer: kafka.producer(),
    topics: ["in"],
    metrics,
    clock: () => 0,
    log: createLogger("delivery-test", "silent"),
    step: copy,
    onFatal: (err) => {
      throw err;
    },
    intervalMs: 3_600_000,
  });
  await pollUntil(() => (metrics.snapshot().recordsInTotal === INPUTS ? true : undefined), { timeoutMs: 5000, intervalMs: 5 });
  const committed = () => kafka.committed(GROUP).reduce((n, o) => n + Number(o.offset), 0);
  const state = { outputs: kafka.records("out").length, committed: committed() };
  await loop.stop();
  return { state, afterStop: { outputs: kafka.records("out").length, committed: committed() } };
}

describe("the delivery loops without a transaction, on the in-memory backend", () => {
  it("at-least-once writes every output before committing its input: a kill now would read them again (duplicates)", async () => {
    const { state, afterStop } = await beforeTheDeferredHalf("at-least-once");
    expect(state).toEqual({ outputs: INPUTS, committed: 0 });
    expect(afterStop).toEqual({ outputs: INPUTS, committed: INPUTS });
  });

  it("at-most-once commits every input before writing its output: a kill now would lose them", async () => {
    const { state, afterStop } = await beforeTheDeferredHalf("at-most-once");
    expect(state).toEqual({ outputs: 0, committed: INPUTS });
    expect(afterStop).toEqual({ outputs: INPUTS, committed: INPUTS });
  });
});

import type { OutgoingRecord } from "@/lib/contract/records";
import type { Logger } from "@/server/log";
import type { LabBatch, LabConsumer, LabProducer, TopicPartition } from "@/server/kafka/types";
import type { WorkerMetrics } from "./metrics";

/** What processing one batch gave: the records to write and how far the input may be committed. */
export interface StepResult {
  outputs: OutgoingRecord[];
  deadLetters: number;
  /** The offset to commit for the batch's partition (for a stateless step, the batch's next offset). */
  commitOffset: string;
  /** Event times (producer timestamps) of the inputs whose processing is now complete, for latency. */
  completedEventTimes: number[];
}

export interface StreamLoopDeps {
  consumer: LabConsumer;
  producer: LabProducer;
  groupId: string;
  topics: readonly string[];
  metrics: WorkerMetrics;
  clock: () => number;
  log: Logger;
  step: (batch: LabBatch) => StepResult;
  onAssignment?: (assigned: TopicPartition[]) => void;
}

/**
 * consume → step → write outputs and commit input offsets in one transaction.
 * Offsets are committed only together with the outputs they caused, so nothing acknowledged is lost
 * and, because the transaction is atomic, nothing is written twice by a restart.
 */
export async function startStreamLoop(deps: StreamLoopDeps): Promise<{ stop(): Promise<void> }> {
  const { consumer, producer, metrics, clock, log } = deps;
  await producer.connect();
  await consumer.connect();
  consumer.onAssignment((assigned) => {
    metrics.setAssignment(assigned);
    deps.onAssignment?.(assigned);
    log.info({ assigned }, "partitions assigned");
  });
  consumer.onCrash((error, willRestart) => {
    log.error({ err: error, willRestart }, "consumer crashed");
    if (!willRestart) throw error;
  });
  await consumer.subscribe(deps.topics, true);
  await consumer.run(async (batch) => {
    metrics.consumed(batch.records.length);
    const result = deps.step(batch);
    await producer.sendAtomically(result.outputs, {
      groupId: deps.groupId,
      offsets: [{ topic: batch.topic, partition: batch.partition, offset: result.commitOffset }],
    });
    const now = clock();
    metrics.produced(result.outputs.length - result.deadLetters);
    metrics.deadLettered(result.deadLetters);
    for (const ts of result.completedEventTimes) metrics.latencyMs(now - ts);
    metrics.partitionLag(batch.topic, batch.partition, batch.highWatermark, batch.nextOffset);
  });
  return {
    async stop() {
      await consumer.stop();
      await consumer.disconnect();
      await producer.disconnect();
    },
  };
}

import { setTimeout as sleep } from "node:timers/promises";
import type { OutgoingRecord } from "@/lib/contract/records";
import { compareOffsets } from "@/lib/pipeline/offsets";
import type { Logger } from "@/lib/log";
import type { LabBatch, LabConsumer, LabProducer, TopicPartition } from "@/kafka/types";
import { createStableStart } from "./first-batch";
import { createGroupCommitter } from "./group-commit";
import type { WorkerMetrics } from "./metrics";
import { followConsumer, withStartupRetries } from "./consumer-setup";

/** Partitions whose batches may wait for one shared transaction (every partition a worker can own, in practice). */
const PARTITIONS_IN_HAND = 256;

/** What processing one batch gave: the records to write and how far the input may be committed. */
export interface StepResult {
  outputs: OutgoingRecord[];
  deadLetters: number;
  /** The offset to commit for the batch's partition (for a stateless step, the batch's next offset). */
  commitOffset: string;
  /** Committed beside the offset, for a stateful step to find its way back after a restart. */
  commitMetadata?: string;
  /** Event times (producer timestamps) of the inputs whose processing is now complete, for latency. */
  completedEventTimes: number[];
  /** Set when only the records before this offset were processed; the rest are fetched again. */
  resumeAt?: string | null;
}

export interface StreamLoopDeps {
  consumer: LabConsumer;
  producer: LabProducer;
  groupId: string;
  topics: readonly string[];
  metrics: WorkerMetrics;
  clock: () => number;
  log: Logger;
  step: (batch: LabBatch) => StepResult | Promise<StepResult>;
  onAssignment?: (assigned: TopicPartition[]) => void;
  /** The worker cannot go on in this process (the lifecycle exits; the supervisor restarts it). By default the error is rethrown, uncaught. */
  onFatal?: (err: unknown) => void;
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
  // kafkajs reads the group's offsets without require_stable: right after a rebalance (or its own
  // restart) it can start a partition before the previous owner's last transaction, whose outputs are
  // already written. Each partition's first batch is aligned with the stable committed offset.
  const stableStart = createStableStart({ stableCommitted: (tps) => consumer.stableCommitted(tps), seek: (t, p, o) => consumer.seek(t, p, o), clock, log });
  consumer.onAssignment((assigned) => {
    stableStart.reassigned(assigned);
    metrics.setAssignment(assigned);
    deps.onAssignment?.(assigned);
    log.info({ assigned }, "partitions assigned");
  });
  followConsumer(consumer, metrics, log);
  await consumer.subscribe(deps.topics, true);
  const commit = createGroupCommitter(producer, deps.groupId);
  // Batches of several partitions are in hand at once so that their commits share a transaction, but
  // steps still run one at a time, in the order the batches arrive, exactly as with one partition at a time.
  let stepTail: Promise<unknown> = Promise.resolve();
  const serialStep = (batch: LabBatch): Promise<StepResult> => {
    const next = stepTail.then(() => deps.step(batch));
    stepTail = next.catch(() => undefined);
    return next;
  };
  // The step's state (the join's buffers) already holds this batch: if its transaction fails, reading the
  // batch again in this process would skip it. Start over from the last commit instead, in a new process.
  let failed = false;
  const giveUp = async (err: unknown): Promise<never> => {
    if (!failed) {
      failed = true;
      log.error({ err: (err as Error).message }, "a batch could not be committed; restarting from the last commit");
      await Promise.race([consumer.disconnect().catch(() => undefined), sleep(2000)]);
      (
        deps.onFatal ??
        ((e) =>
          setImmediate(() => {
            throw e;
          }))
      )(err);
    }
    throw err;
  };
  await withStartupRetries(log, () =>
    consumer.run(
      async (fetched, ctx) => {
        if (failed) throw new Error("giving up after a failed commit");
        const aligned = await stableStart.align(fetched).catch(giveUp);
        if (aligned.kind === "skip") return { resumeAt: null };
        const batch = aligned.batch;
        // The step validates, dead-letters and transforms; the loop writes and commits what it gave, then counts it.
        const result = await serialStep(batch).catch(giveUp);
        const resumeAt = result.resumeAt ?? null;
        metrics.read(resumeAt === null ? batch.records : batch.records.filter((r) => compareOffsets(r.offset, resumeAt) < 0));
        await commit(
          result.outputs,
          { topic: batch.topic, partition: batch.partition, offset: result.commitOffset, metadata: result.commitMetadata },
          ctx.stillMember,
        ).catch(giveUp);
        metrics.wrote([result], clock());
        metrics.partitionLag(batch.topic, batch.partition, batch.highWatermark, resumeAt ?? batch.nextOffset);
        return { resumeAt };
      },
      { partitionsConcurrently: PARTITIONS_IN_HAND },
    ),
  );
  return {
    async stop() {
      await consumer.stop();
      await consumer.disconnect();
      await producer.disconnect();
    },
  };
}

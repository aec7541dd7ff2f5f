import type { OutgoingRecord } from "@/lib/contract/records";
import { NON_EOS_INTERVAL_MS, OffsetLedger } from "@/lib/pipeline/delivery";
import type { Logger } from "@/lib/log";
import type { LabBatch, LabConsumer, LabProducer, TopicPartition } from "@/kafka/types";
import type { WorkerMetrics } from "./metrics";
import type { StepResult } from "./stream-loop";
import { followConsumer, withStartupRetries } from "./consumer-setup";

/**
 * The transform without a transaction, for the delivery experiment only: the two orders of writing
 * outputs and committing input offsets that Kafka allows without one, each with the gap a crash falls into.
 *
 * - at-least-once: a batch's outputs are written (idempotent producer, acks=all) and acknowledged; its
 *   offsets are committed later, every `intervalMs`. A kill in between re-reads those inputs: duplicates.
 * - at-most-once: a batch's offsets are committed first; its outputs are written later, every
 *   `intervalMs`. A kill in between never writes them: losses.
 *
 * Only for a stateless step (the strategy transform): a batch is processed whole or not at all.
 */
export type NonEosMode = "at-least-once" | "at-most-once";

export interface DeliveryLoopDeps {
  mode: NonEosMode;
  consumer: LabConsumer;
  /** A plain (not transactional) producer. */
  producer: LabProducer;
  topics: readonly string[];
  metrics: WorkerMetrics;
  clock: () => number;
  log: Logger;
  step: (batch: LabBatch) => StepResult;
  onFatal: (err: unknown) => void;
  intervalMs?: number;
}

export async function startDeliveryLoop(deps: DeliveryLoopDeps): Promise<{ stop(): Promise<void> }> {
  const { consumer, producer, metrics, clock, log, mode } = deps;
  await producer.connect();
  await consumer.connect();
  consumer.onAssignment((assigned: TopicPartition[]) => {
    metrics.setAssignment(assigned);
    log.info({ assigned }, "partitions assigned");
  });
  followConsumer(consumer, metrics, log);
  await consumer.subscribe(deps.topics, true);
  log.warn(
    { mode, intervalMs: deps.intervalMs ?? NON_EOS_INTERVAL_MS },
    `running ${mode}, without a transaction: a kill may ${mode === "at-most-once" ? "lose" : "duplicate"} outputs`,
  );

  /** at-least-once: offsets of batches whose outputs are acknowledged, not yet committed. */
  const ledger = new OffsetLedger();
  /** at-most-once: results of batches whose offsets are committed, not yet written. */
  let unwritten: StepResult[] = [];

  const account = (results: StepResult[]) => metrics.wrote(results, clock());

  /** The deferred half of each mode: commit what was written, or write what was committed. */
  const catchUp = async () => {
    if (mode === "at-least-once") {
      const offsets = ledger.take();
      if (offsets.length === 0) return;
      try {
        await consumer.commit(offsets);
      } catch (err) {
        // A rebalance is on, or the coordinator moved: commit them with the next ones.
        ledger.restore(offsets);
        log.warn({ err: (err as Error).message }, "offset commit failed; retrying with the next");
      }
    } else {
      const results = unwritten;
      unwritten = [];
      const outputs: OutgoingRecord[] = results.flatMap((r) => r.outputs);
      if (outputs.length) await producer.send(outputs);
      account(results);
    }
  };
  let chain: Promise<void> = Promise.resolve();
  const queue = (work: () => Promise<void>) => (chain = chain.then(work).catch((err) => deps.onFatal(err)));
  const timer = setInterval(() => void queue(catchUp), deps.intervalMs ?? NON_EOS_INTERVAL_MS);

  let stopping = false;
  let inHand: Promise<unknown> = Promise.resolve();
  const handle = async (batch: LabBatch) => {
    metrics.consumed(batch.records.length);
    if (mode === "at-most-once") {
      await consumer.commit([{ topic: batch.topic, partition: batch.partition, offset: batch.nextOffset }]);
      unwritten.push(deps.step(batch));
    } else {
      const result = deps.step(batch);
      await producer.send(result.outputs);
      account([result]);
      ledger.note({ topic: batch.topic, partition: batch.partition, offset: result.commitOffset });
    }
    metrics.partitionLag(batch.topic, batch.partition, batch.highWatermark, batch.nextOffset);
  };

  await withStartupRetries(log, () =>
    consumer.run(async (batch) => {
      // Stopping: leave the batch unprocessed and uncommitted; the next process reads it.
      if (stopping) return { resumeAt: batch.records[0]?.offset ?? null };
      const work = handle(batch);
      inHand = work.catch(() => undefined);
      await work;
      return { resumeAt: null };
    }),
  );
  return {
    async stop() {
      stopping = true;
      clearInterval(timer);
      await inHand;
      await queue(catchUp);
      await consumer.stop();
      await consumer.disconnect();
      await producer.disconnect();
    },
  };
}

// First, before anything connects to Kafka: this process must not outlive the app.
import "./runtime/parent-watch";
import { topicNames } from "@/lib/contract/topics";
import { AggregateProcessor } from "@/lib/pipeline/aggregate-processor";
import { windowConfigProblem, type WindowAggConfig } from "@/lib/pipeline/window-agg";
import type { LabBatch, TopicPartition } from "@/kafka/types";
import { runWorker } from "./runtime/lifecycle";
import { WorkerMetrics } from "./runtime/metrics";
import { startStreamLoop, type StepResult } from "./runtime/stream-loop";

/**
 * A_output … D_output → aggregates: per strategy, count and average of `result` over tumbling or
 * sliding event-time windows with a watermark, in append, update or complete output mode.
 * Exactly once: each batch's rows, its input offset and the strategy's whole window table (as offset
 * metadata) are committed in one transaction; after a restart or rebalance the table is read back.
 * Run ONE instance: a strategy's windows need all partitions of its topic in the same process.
 * A partition whose log is empty does not hold a strategy's watermark back; while one is, the log
 * ends are asked again (at most once a second) so its first records hold it back as soon as they exist.
 * A partition the table holds back (it is full, and that partition is ahead of the one holding the
 * watermark back) is paused until another partition has moved on: a backlog is read in step.
 */
runWorker(async ({ config, kafka, log, clock }) => {
  const names = topicNames(config.LAB_TOPIC_PREFIX);
  const groupId = names.group(config.LAB_COMPONENT);
  const s = config.LAB_SETTINGS;
  const windowConfig: WindowAggConfig = {
    sizeMs: s.aggWindowMs,
    slideMs: s.aggSlideMs,
    watermarkDelayMs: s.aggWatermarkDelayMs,
    mode: s.aggOutputMode,
  };
  const problem = windowConfigProblem(windowConfig);
  if (problem) throw new Error(`cannot aggregate with these settings: ${problem}`);
  if (config.LAB_INSTANCE !== 0) {
    // Checked before joining the group, so instance 0 keeps every partition and stays correct.
    throw new Error("the aggregation runs as one instance (a strategy's windows need all partitions of its topic); scale it back to 1");
  }
  const agg = new AggregateProcessor(windowConfig, names, config.LAB_COMPONENT);
  const metrics = new WorkerMetrics(clock, null, config.LAB_SETTINGS);
  const admin = kafka.admin();

  const endsAskedAt = new Map<string, number>();
  const logEnds = async (topic: string) => {
    endsAskedAt.set(topic, clock());
    return admin.topicOffsets(topic);
  };

  const restore = async (topic: string) => {
    const committed = await admin.groupOffsets(groupId, [topic]);
    const fromCheckpoint = agg.restore(
      topic,
      committed
        .filter((c) => c.topic === topic)
        .map((c) => ({ partition: c.partition, offset: c.offset !== "-1" ? c.offset : null, metadata: c.metadata ?? null })),
      await logEnds(topic),
    );
    log.info({ topic, fromCheckpoint, stats: agg.stats() }, "aggregation table restored");
  };

  const consumer = kafka.consumer({ groupId });
  let waiting: TopicPartition[] = [];
  /** Resume the partitions of `topic` (all when null) that waited for their table to have room. */
  const resumeWaiting = (topic: string | null) => {
    const go = waiting.filter((tp) => topic === null || tp.topic === topic);
    if (go.length) consumer.resume(go);
    waiting = waiting.filter((tp) => !go.includes(tp));
  };

  const step = async (batch: LabBatch): Promise<StepResult> => {
    if (agg.needsRestore(batch.topic)) await restore(batch.topic);
    else if (agg.emptyPartitions(batch.topic).length > 0 && clock() - (endsAskedAt.get(batch.topic) ?? 0) >= 1000) {
      agg.setLogEnds(batch.topic, await logEnds(batch.topic));
    }
    const res = agg.processBatch(batch, clock());
    if (res.progressed) resumeWaiting(batch.topic);
    if (res.resumeAt !== null) {
      const tp = { topic: batch.topic, partition: batch.partition };
      consumer.pause([tp]);
      waiting.push(tp);
      log.debug({ ...tp, resumeAt: res.resumeAt, stats: agg.stats() }, "aggregation table full: partition waits for the others to move the watermark");
    }
    return res;
  };

  const loop = await startStreamLoop({
    consumer,
    producer: kafka.producer({ transactionalId: `${groupId}-${config.LAB_INSTANCE}` }),
    groupId,
    topics: agg.topics,
    metrics,
    clock,
    log,
    step,
    onAssignment: (assigned) => {
      agg.onAssignment(assigned);
      resumeWaiting(null);
    },
  });
  const statsTimer = setInterval(() => log.debug({ stats: agg.stats() }, "aggregation state"), 5000).unref();
  return {
    metrics,
    async stop() {
      clearInterval(statsTimer);
      await loop.stop();
      await admin.disconnect();
    },
  };
});

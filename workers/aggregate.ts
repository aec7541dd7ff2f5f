import { topicNames } from "@/lib/contract/topics";
import { AggregateProcessor } from "@/lib/pipeline/aggregate-processor";
import { windowConfigProblem, type WindowAggConfig } from "@/lib/pipeline/window-agg";
import type { LabBatch } from "@/server/kafka/types";
import { runWorker } from "./runtime/lifecycle";
import { WorkerMetrics } from "./runtime/metrics";
import { startStreamLoop, type StepResult } from "./runtime/stream-loop";

/**
 * A_output … D_output → aggregates: per strategy, count and average of `result` over tumbling or
 * sliding event-time windows with a watermark, in append, update or complete output mode.
 * Exactly once: each batch's rows, its input offset and the strategy's whole window table (as offset
 * metadata) are committed in one transaction; after a restart or rebalance the table is read back.
 * Run ONE instance: a strategy's windows need all partitions of its topic in the same process.
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

  const restore = async (topic: string) => {
    const committed = await admin.groupOffsets(groupId, [topic]);
    const fromCheckpoint = agg.restore(
      topic,
      committed
        .filter((c) => c.topic === topic)
        .map((c) => ({ partition: c.partition, offset: c.offset !== "-1" ? c.offset : null, metadata: c.metadata ?? null })),
    );
    log.info({ topic, fromCheckpoint, stats: agg.stats() }, "aggregation table restored");
  };

  const step = async (batch: LabBatch): Promise<StepResult> => {
    if (agg.needsRestore(batch.topic)) await restore(batch.topic);
    return agg.processBatch(batch, clock());
  };

  const loop = await startStreamLoop({
    consumer: kafka.consumer({ groupId }),
    producer: kafka.producer({ transactionalId: `${groupId}-${config.LAB_INSTANCE}` }),
    groupId,
    topics: agg.topics,
    metrics,
    clock,
    log,
    step,
    onAssignment: (assigned) => agg.onAssignment(assigned),
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

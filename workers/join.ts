// First, before anything connects to Kafka: this process must not outlive the app.
import "./runtime/parent-watch";
import { topicNames } from "@/lib/contract/topics";
import { maxInputSkewMs } from "@/lib/pipeline/input-alignment";
import { JoinProcessor } from "@/lib/pipeline/join-processor";
import { RateMeter } from "@/lib/pipeline/metrics";
import type { LabBatch } from "@/kafka/types";
import { createInputAligner } from "./runtime/input-aligner";
import { runWorker } from "./runtime/lifecycle";
import { WorkerMetrics } from "./runtime/metrics";
import { startStreamLoop, type StepResult } from "./runtime/stream-loop";

/** C_output ⋈ D_input → D_input_ready: the event-time interval join of the spec. */
runWorker(async ({ config, kafka, log, clock, fail }) => {
  const names = topicNames(config.LAB_TOPIC_PREFIX);
  const component = config.LAB_COMPONENT;
  const groupId = names.group(component);
  const join = new JoinProcessor({ windowMs: config.LAB_SETTINGS.joinWindowMs, watermarkDelayMs: config.LAB_SETTINGS.watermarkDelayMs }, names, component);
  const matchRate = new RateMeter(clock);
  let matchesTotal = 0;
  const metrics = new WorkerMetrics(
    clock,
    () => ({
      stateC: join.state.size().c,
      stateD: join.state.size().d,
      watermark: join.state.watermark,
      lateDropped: join.state.lateDropped(),
      matchesPerSec: matchRate.perSecond(),
      matchesTotal,
    }),
    config.LAB_SETTINGS,
  );
  const admin = kafka.admin();

  /** Where this partition's two inputs were committed, with the join's metadata, before we got it. */
  const restore = async (partition: number) => {
    const committed = await admin.groupOffsets(groupId, join.topics);
    const of = (topic: string) => {
      const c = committed.find((o) => o.topic === topic && o.partition === partition);
      return { offset: c && c.offset !== "-1" ? c.offset : null, metadata: c?.metadata ?? null };
    };
    join.restore(partition, { C: of(join.topics[0]!), D: of(join.topics[1]!) });
    log.info({ partition, watermark: join.state.watermark }, "join partition restored");
  };

  const consumer = kafka.consumer({ groupId, coPartitioned: true });
  const aligner = createInputAligner({ consumer, maxSkewMs: maxInputSkewMs(config.LAB_SETTINGS.watermarkDelayMs), log });

  const step = async (batch: LabBatch): Promise<StepResult> => {
    if (join.needsRestore(batch.partition)) await restore(batch.partition);
    const res = join.processBatch(batch, clock());
    matchesTotal += res.matches;
    matchRate.mark(res.matches);
    aligner.afterBatch(batch, res.resumeAt, join.replaying());
    return res;
  };

  const loop = await startStreamLoop({
    consumer,
    producer: kafka.producer({ transactionalId: `${groupId}-${config.LAB_INSTANCE}` }),
    groupId,
    topics: join.topics,
    metrics,
    clock,
    log,
    step,
    onFatal: fail,
    onAssignment: (assigned) => {
      join.keepOnly(assigned);
      aligner.reassigned();
    },
  });
  return {
    metrics,
    async stop() {
      await loop.stop();
      await admin.disconnect();
    },
  };
});

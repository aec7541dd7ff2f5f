import { DEAD_LETTER_TOPIC, JOIN_OUTPUT_TOPIC, type LabRecord, type OutgoingRecord } from "@/lib/contract/records";
import { topicNames } from "@/lib/contract/topics";
import { deadLetterFor } from "@/lib/pipeline/dead-letter";
import { JoinState, type JoinAddResult } from "@/lib/pipeline/join-state";
import { RateMeter } from "@/lib/pipeline/metrics";
import { validateInputRecord, validateOutputRecord } from "@/lib/pipeline/validate";
import type { LabBatch, TopicPartition } from "@/server/kafka/types";
import { runWorker } from "./runtime/lifecycle";
import { WorkerMetrics } from "./runtime/metrics";
import { startStreamLoop, type StepResult } from "./runtime/stream-loop";

/** C_output ⋈ D_input → D_input_ready: the event-time interval join of the spec. */
runWorker(async ({ config, kafka, log, clock }) => {
  const names = topicNames(config.LAB_TOPIC_PREFIX);
  const component = config.LAB_COMPONENT;
  const cTopic = names.name("C_output");
  const dTopic = names.name("D_input");
  const state = new JoinState({
    windowMs: config.LAB_SETTINGS.joinWindowMs,
    watermarkDelayMs: config.LAB_SETTINGS.watermarkDelayMs,
  });
  const matchRate = new RateMeter(clock);
  let matchesTotal = 0;
  const metrics = new WorkerMetrics(clock, () => ({
    stateC: state.size().c,
    stateD: state.size().d,
    watermark: state.watermark,
    lateDropped: state.lateDropped(),
    matchesPerSec: matchRate.perSecond(),
    matchesTotal,
  }));

  const joinOne = (rec: LabRecord, side: "C" | "D", now: number): JoinAddResult | OutgoingRecord => {
    const dead = (reason: Parameters<typeof deadLetterFor>[1], error: string) => ({
      ...deadLetterFor({ ...rec, topic: names.base(rec.topic) }, reason, error, component),
      topic: names.name(DEAD_LETTER_TOPIC),
    });
    if (side === "C") {
      const v = validateOutputRecord(rec, now);
      if (!v.ok) return dead(v.reason, v.error);
      if (rec.key === null) return dead("missing_key", "a record without a key cannot join");
      return state.addC({ key: rec.key, val: v.value.result, ts: v.value.ts, partition: rec.partition, offset: rec.offset });
    }
    const v = validateInputRecord({ ...rec, topic: names.base(rec.topic) }, "D", now);
    if (!v.ok) return dead(v.reason, v.error);
    if (rec.key === null) return dead("missing_key", "a record without a key cannot join");
    return state.addD({ key: rec.key, val: v.value.value, ts: v.value.ts, partition: rec.partition, offset: rec.offset });
  };

  const step = (batch: LabBatch): StepResult => {
    const side = batch.topic === cTopic ? "C" : "D";
    const now = clock();
    const outputs: OutgoingRecord[] = [];
    const completedEventTimes: number[] = [];
    let deadLetters = 0;
    for (const rec of batch.records) {
      const res = joinOne(rec, side, now);
      if ("topic" in res) {
        outputs.push(res);
        deadLetters++;
        continue;
      }
      for (const m of res.matches) {
        outputs.push({ topic: names.name(JOIN_OUTPUT_TOPIC), key: rec.key, value: JSON.stringify(m), timestamp: m.ts });
        completedEventTimes.push(m.ts);
      }
      matchesTotal += res.matches.length;
      matchRate.mark(res.matches.length);
    }
    const safe = state.lowestBufferedOffset(side, batch.partition);
    return { outputs, deadLetters, commitOffset: safe ?? batch.nextOffset, completedEventTimes };
  };

  let owned: TopicPartition[] = [];
  const onAssignment = (assigned: TopicPartition[]) => {
    const keep = new Set(assigned.map((a) => `${a.topic}:${a.partition}`));
    for (const o of owned) {
      if (!keep.has(`${o.topic}:${o.partition}`)) state.dropPartition(o.topic === cTopic ? "C" : "D", o.partition);
    }
    owned = assigned;
  };

  const loop = await startStreamLoop({
    consumer: kafka.consumer({ groupId: names.group(component), coPartitioned: true }),
    producer: kafka.producer({ transactionalId: `${names.group(component)}-${config.LAB_INSTANCE}` }),
    groupId: names.group(component),
    topics: [cTopic, dTopic],
    metrics,
    clock,
    log,
    step,
    onAssignment,
  });
  return { metrics, stop: loop.stop };
});

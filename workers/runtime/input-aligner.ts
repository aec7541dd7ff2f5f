import { InputAlignment, type PartitionProgress } from "@/lib/pipeline/input-alignment";
import { compareOffsets, recordsBehind } from "@/lib/pipeline/offsets";
import type { Logger } from "@/lib/log";
import type { LabBatch, LabConsumer, TopicPartition } from "@/kafka/types";

export interface InputAlignerDeps {
  consumer: Pick<LabConsumer, "pause" | "resume">;
  maxSkewMs: number;
  log: Pick<Logger, "debug">;
}

const keyOf = (topic: string, partition: number) => `${topic}:${partition}`;
const partitionOf = (key: string): TopicPartition => {
  const cut = key.lastIndexOf(":");
  return { topic: key.slice(0, cut), partition: Number(key.slice(cut + 1)) };
};

/** Pauses and resumes the join's input partitions as `InputAlignment` decides, from each batch's times and lag. */
export function createInputAligner(deps: InputAlignerDeps) {
  const alignment = new InputAlignment(deps.maxSkewMs);
  const progress = new Map<string, PartitionProgress>();
  const apply = (before: Set<string>, after: ReadonlySet<string>) => {
    const resumed = [...before].filter((k) => !after.has(k));
    const paused = [...after].filter((k) => !before.has(k));
    if (resumed.length) deps.consumer.resume(resumed.map(partitionOf));
    if (paused.length) deps.consumer.pause(paused.map(partitionOf));
    // Debug, not info: an overloaded join pauses and resumes every few seconds, which would drown its log.
    if (resumed.length || paused.length)
      deps.log.debug({ paused, resumed, nowPaused: [...after] }, "input partitions ahead of the slowest one in record time are paused until it catches up");
  };
  return {
    /** `resumeAt`: where the step stopped, if it did (the records from there on are read again). */
    afterBatch(batch: LabBatch, resumeAt: string | null, replaying: boolean): void {
      const key = keyOf(batch.topic, batch.partition);
      let maxTs = progress.get(key)?.maxTs ?? -Infinity;
      for (const r of batch.records) {
        if (resumeAt !== null && compareOffsets(r.offset, resumeAt) >= 0) break;
        if (r.timestamp > maxTs) maxTs = r.timestamp;
      }
      const lag = recordsBehind(batch.highWatermark, resumeAt ?? batch.nextOffset);
      if (maxTs !== -Infinity) progress.set(key, { maxTs, lag });
      const before = new Set(alignment.pausedPartitions);
      // While an input replays after a restart, the other side's new records wait for it: pausing could stall both.
      if (replaying) alignment.reset();
      apply(before, replaying ? alignment.pausedPartitions : alignment.update(progress));
    },
    /** After a rebalance: what was seen no longer describes what we own. */
    reassigned(): void {
      progress.clear();
      const before = new Set(alignment.pausedPartitions);
      alignment.reset();
      apply(before, alignment.pausedPartitions);
    },
  };
}

import type { Settings } from "@/lib/contract/api";

export interface RetentionPolicy {
  /** How long the lab keeps records (LAB_RETENTION_MS); raised when the workers may re-read older ones. */
  retentionMs: number;
  /** Disk the lab's topics may use together (LAB_RETENTION_MB), split evenly over every partition. */
  totalBytes: number;
}

const MIB = 1024 * 1024;
/** Kafka refuses a smaller segment.bytes. */
const MIN_SEGMENT_BYTES = MIB;
const MAX_SEGMENT_BYTES = 128 * MIB;
const REREAD_MARGIN_MS = 15 * 60_000;

/**
 * How far back in event time a restarted worker may read: the join resumes from the oldest record it
 * still holds (window plus watermark delay behind the newest), the aggregation from its oldest open
 * window. Retention must keep at least that, plus a margin for lag.
 */
export function rereadHorizonMs(s: Pick<Settings, "joinWindowMs" | "watermarkDelayMs" | "aggWindowMs" | "aggWatermarkDelayMs">): number {
  return Math.max(s.joinWindowMs + s.watermarkDelayMs, s.aggWindowMs + s.aggWatermarkDelayMs) + REREAD_MARGIN_MS;
}

/**
 * The topic configs that bound the lab's disk: time and size retention per partition, and segments
 * small enough that retention acts (Kafka deletes whole closed segments only; its defaults of 1 GiB
 * and 7 days would keep everything at a learner's rates).
 */
export function topicRetentionConfig(
  policy: RetentionPolicy,
  topics: number,
  partitions: number,
  settings: Parameters<typeof rereadHorizonMs>[0],
): Record<string, string> {
  const retentionMs = Math.max(policy.retentionMs, rereadHorizonMs(settings));
  const bytes = Math.max(MIN_SEGMENT_BYTES, Math.floor(policy.totalBytes / Math.max(1, topics * partitions)));
  const segmentBytes = Math.min(MAX_SEGMENT_BYTES, Math.max(MIN_SEGMENT_BYTES, Math.floor(bytes / 4)));
  return {
    "retention.ms": String(retentionMs),
    "retention.bytes": String(bytes),
    "segment.bytes": String(segmentBytes),
    "segment.ms": String(Math.max(60_000, Math.floor(retentionMs / 4))),
  };
}

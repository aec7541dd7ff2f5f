import { compareOffsets } from "@/lib/pipeline/offsets";
import type { LabBatch } from "@/server/kafka/types";

export type Aligned = { kind: "process"; batch: LabBatch; skipped: number } | { kind: "skip"; seekTo: string; skipped: number };

/**
 * The first batch a member reads of a partition it was (re)assigned starts where kafkajs found the
 * group's offset, which may be older than the last transaction's commit (its offsets were not yet
 * readable). Given the stable committed offset, drop what that transaction already covered: process
 * only the records at or after it, or, when the whole batch is behind it, skip to it.
 */
export function alignFirstBatch(batch: LabBatch, committed: string | null): Aligned {
  if (committed === null || committed === "-1") return { kind: "process", batch, skipped: 0 };
  const first = batch.records[0]?.offset;
  if (first === undefined || compareOffsets(first, committed) >= 0) return { kind: "process", batch, skipped: 0 };
  if (compareOffsets(batch.nextOffset, committed) <= 0) return { kind: "skip", seekTo: committed, skipped: batch.records.length };
  const records = batch.records.filter((r) => compareOffsets(r.offset, committed) >= 0);
  return { kind: "process", batch: { ...batch, records }, skipped: batch.records.length - records.length };
}

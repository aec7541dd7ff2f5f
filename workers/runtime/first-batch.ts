import { compareOffsets } from "@/lib/pipeline/offsets";
import type { Logger } from "@/lib/log";
import type { LabBatch, PartitionOffset, TopicPartition } from "@/kafka/types";

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

export interface StableStartDeps {
  stableCommitted(partitions: readonly TopicPartition[]): Promise<PartitionOffset[]>;
  seek(topic: string, partition: number, offset: string): void;
  clock: () => number;
  log: Logger;
}

/**
 * After each (re)assignment, asks once for the stable committed offsets of every assigned partition
 * (so that a step restoring its state from committed offsets, like the join's, finds them settled
 * too), then aligns each partition's first batch with its offset.
 */
export function createStableStart(deps: StableStartDeps) {
  const key = (t: string, p: number) => `${t}:${p}`;
  let assigned: TopicPartition[] = [];
  let offsets: Promise<Map<string, string>> | null = null;
  const aligned = new Set<string>();
  const ask = async (partitions: TopicPartition[]) => {
    const asked = deps.clock();
    const got = await deps.stableCommitted(partitions);
    const waited = deps.clock() - asked;
    if (waited >= 100) deps.log.info({ partitions: partitions.length, waited }, "waited for the committed offsets to become stable");
    return new Map(got.map((o) => [key(o.topic, o.partition), o.offset]));
  };
  return {
    reassigned(now: TopicPartition[]) {
      assigned = now;
      offsets = null;
      aligned.clear();
    },
    async align(batch: LabBatch): Promise<Aligned> {
      const k = key(batch.topic, batch.partition);
      if (aligned.has(k)) return { kind: "process", batch, skipped: 0 };
      const known = assigned.some((a) => key(a.topic, a.partition) === k) ? assigned : [...assigned, batch];
      if (known !== assigned) offsets = null;
      assigned = known;
      const mine = offsets ?? (offsets = ask(assigned));
      const committed = (await mine).get(k) ?? null;
      aligned.add(k);
      const result = alignFirstBatch(batch, committed);
      if (result.skipped > 0) {
        deps.log.warn(
          { topic: batch.topic, partition: batch.partition, from: batch.records[0]?.offset, committed, skipped: result.skipped },
          "skipped records a committed transaction already covered",
        );
      }
      if (result.kind === "skip") deps.seek(batch.topic, batch.partition, result.seekTo);
      return result;
    },
  };
}

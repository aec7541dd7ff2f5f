import type { LogView } from "@/lib/contract/log";

/**
 * What the log page saw happen between two answers of GET /api/log, recorded for the lessons as
 * `log-effect:<name>` (a tombstone's effect names its key): retention moved the log start, the slow
 * reader lost records, the cleaner compacted or dropped a tombstone, a held transaction held the last
 * stable offset back, an aborted one was skipped by read_committed.
 */
export function logEffects(prev: LogView | null, now: LogView): string[] {
  const out: string[] = [];
  const start = now.storage.partition?.logStart;
  const before = prev?.storage.partition?.logStart;
  if (start !== undefined && before !== undefined && BigInt(start) > BigInt(before)) out.push("log-start-advanced");
  const reset = now.storage.lastReset;
  if (reset && reset.lost > 0 && prev?.storage.lastReset?.at !== reset.at) out.push("reset-lost");
  if (now.compaction.scannedAt !== null && now.compaction.scannedAt !== prev?.compaction.scannedAt) {
    if (now.compaction.keys.some((k) => k.produced >= 3 && k.inLog === 1)) out.push("compacted");
    for (const k of now.compaction.keys) if (k.tombstonesProduced > 0 && k.inLog === 0) out.push(`tombstone-gone:${k.key}`);
  }
  const { txn } = now;
  const stable = txn.partitions.length > 0 && txn.partitions.every((p) => p.lastStable === p.highWatermark);
  if (txn.held && !stable && txn.readers.uncommitted.demoRecords > txn.readers.committed.demoRecords) out.push("lso-stuck");
  if (!txn.held && txn.lastEnded?.how === "aborted" && stable && txn.readers.uncommitted.demoRecords > 0 && txn.readers.committed.demoRecords === 0) {
    out.push("aborted-skipped");
  }
  return out;
}

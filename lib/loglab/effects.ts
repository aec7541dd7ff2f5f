import type { LogView } from "@/lib/contract/log";

/**
 * What the log page saw happen between two answers of GET /api/log, recorded for the lessons as
 * `log-effect:<name>` (a tombstone's effect names its key): retention moved the log start, the slow
 * reader lost records, the cleaner compacted or dropped a tombstone, a held transaction held the last
 * stable offset back, an aborted one was skipped by read_committed.
 */
/** Older versions of one key the cleaner must have removed before the page calls the table compacted. */
const COMPACTED_AT_LEAST = 3;

export function logEffects(prev: LogView | null, now: LogView): string[] {
  const out: string[] = [];
  const start = now.storage.partition?.logStart;
  const before = prev?.storage.partition?.logStart;
  if (start !== undefined && before !== undefined && BigInt(start) > BigInt(before)) out.push("log-start-advanced");
  const reset = now.storage.lastReset;
  if (reset && reset.lost > 0 && prev?.storage.lastReset?.at !== reset.at) out.push("reset-lost");
  if (now.compaction.scannedAt !== null && now.compaction.scannedAt !== prev?.compaction.scannedAt) {
    // The cleaner removed older versions of a key: its last value stays (with whatever the active segment holds).
    if (now.compaction.keys.some((k) => k.inLog !== null && k.produced - k.inLog >= COMPACTED_AT_LEAST)) out.push("compacted");
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

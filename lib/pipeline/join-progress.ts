import { z } from "zod";
import { compareOffsets } from "./offsets";

/**
 * What the join commits beside each input offset (Kafka's offset metadata): how far it had
 * processed that partition and the largest event times it had seen. A restart re-reads from the
 * committed offset (the oldest record still buffered) and uses this to know which records are
 * re-read and where the watermark was.
 */
const Offset = z.string().regex(/^\d+$/);

/** At most this many dropped offsets travel in the metadata (Kafka keeps up to 4 KB of it by default). */
export const MAX_DROPPED_IN_META = 100;

export const JoinCommitMeta = z.object({
  v: z.literal(1),
  next: Offset,
  maxC: z.number().nullable(),
  maxD: z.number().nullable(),
  /** Offsets at or after the committed one that were dropped (late, or dead-lettered): a replay must drop them too. */
  dropped: z.array(Offset).max(MAX_DROPPED_IN_META).default([]),
});
export type JoinCommitMeta = z.infer<typeof JoinCommitMeta>;

export function encodeJoinMeta(meta: Omit<JoinCommitMeta, "v" | "dropped"> & { dropped?: string[] }): string {
  return JSON.stringify({ v: 1, ...meta, dropped: (meta.dropped ?? []).slice(-MAX_DROPPED_IN_META) });
}

export function decodeJoinMeta(raw: string | null | undefined): JoinCommitMeta | null {
  if (!raw) return null;
  try {
    const parsed = JoinCommitMeta.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** How to treat a record read from a partition. */
export type RecordRole = "skip" | "replay" | "new";

interface Progress {
  /** Next offset this process has not yet processed. */
  next: string;
  /** Offsets below this were processed before a restart (by us or a previous owner). */
  replayUntil: string;
  /** Offsets dropped (late or dead-lettered) that a restart may read again. */
  dropped: Set<string>;
}

const plusOne = (offset: string) => (BigInt(offset) + 1n).toString();

/** Per input partition: what this process has processed, and what it re-reads after a restart. */
export class JoinProgress {
  private readonly parts = new Map<string, Progress>();

  isRestored(tp: string): boolean {
    return this.parts.has(tp);
  }

  /** The partition was just assigned: `committed` is where reading starts, `meta` what was committed with it. */
  restore(tp: string, committed: string | null, meta: JoinCommitMeta | null): void {
    const start = committed !== null && /^\d+$/.test(committed) ? committed : "0";
    const replayUntil = meta && compareOffsets(meta.next, start) > 0 ? meta.next : start;
    this.parts.set(tp, { next: start, replayUntil, dropped: new Set(meta?.dropped ?? []) });
  }

  /**
   * `skip`: processed by this process already (re-delivered after a rebalance kept the partition);
   * `replay`: processed before a restart, so its state must be rebuilt but its pairs were emitted;
   * `new`: never processed.
   */
  classify(tp: string, offset: string): RecordRole {
    const p = this.parts.get(tp);
    if (!p) return "new";
    if (compareOffsets(offset, p.next) < 0) return "skip";
    if (compareOffsets(offset, p.replayUntil) >= 0) return "new";
    return p.dropped.has(offset) ? "skip" : "replay";
  }

  /** The record was not buffered (late, or dead-lettered): a replay must not buffer it either. */
  droppedRecord(tp: string, offset: string): void {
    this.parts.get(tp)?.dropped.add(offset);
  }

  /** Dropped offsets a restart from `committed` would read again, oldest first; forgets older ones. */
  droppedFrom(tp: string, committed: string): string[] {
    const p = this.parts.get(tp);
    if (!p) return [];
    for (const o of p.dropped) if (compareOffsets(o, committed) < 0) p.dropped.delete(o);
    return [...p.dropped].sort(compareOffsets);
  }

  processed(tp: string, offset: string): void {
    const p = this.parts.get(tp);
    if (p && compareOffsets(offset, p.next) >= 0) p.next = plusOne(offset);
  }

  /** Still re-reading what was processed before a restart (or not restored at all yet). */
  replaying(tp: string): boolean {
    const p = this.parts.get(tp);
    return !p || compareOffsets(p.next, p.replayUntil) < 0;
  }

  /** Next offset this process has not processed: reading may resume here without losing anything. */
  position(tp: string): string | null {
    return this.parts.get(tp)?.next ?? null;
  }

  /** Everything below was processed by someone: what a later restart must treat as re-read. */
  frontier(tp: string): string | null {
    const p = this.parts.get(tp);
    if (!p) return null;
    return compareOffsets(p.next, p.replayUntil) >= 0 ? p.next : p.replayUntil;
  }

  drop(tp: string): void {
    this.parts.delete(tp);
  }

  tracked(): string[] {
    return [...this.parts.keys()];
  }
}

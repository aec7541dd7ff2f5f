import { MAX_INSTANCES, type ComponentName, type InstanceView } from "@/lib/contract/api";
import type { JoinMatch, JoinSideRecord } from "@/lib/contract/socket";
import { WORKER_INPUTS } from "./topology";

/**
 * Pure logic behind the experiments page: how many members of a group can work, who owns which
 * partition (see ./assignment.ts for rebalances and ./inout.ts for the "in = out" verdict).
 */

/** Topic-partitions a worker's group divides among its members. */
export function topicPartitions(worker: ComponentName, partitions: number): number {
  const topics = WORKER_INPUTS[worker]?.length ?? 0;
  // The join assigns partition p of both its inputs to one member: its unit of work is a partition number.
  return worker === "join" ? partitions : topics * partitions;
}

/** The instance counts the scale control offers: 1 … every unit busy, and one more to show an idle member. */
export function instanceChoices(worker: ComponentName, partitions: number): number[] {
  const max = Math.max(1, Math.min(MAX_INSTANCES, topicPartitions(worker, partitions) + 1));
  return Array.from({ length: max }, (_, i) => i + 1);
}

export interface Owned {
  topic: string;
  partition: number;
}

/** What each instance owns, by index, sorted; unprefixed topic names. */
export function assignmentOf(instances: readonly InstanceView[], base: (t: string) => string = (t) => t): Map<number, Owned[]> {
  const out = new Map<number, Owned[]>();
  for (const i of instances) {
    const owned = (i.status === "running" ? (i.metrics?.assigned ?? []) : [])
      .map((a) => ({ topic: base(a.topic), partition: a.partition }))
      .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
    out.set(i.index, owned);
  }
  return out;
}

/** Sum of a worker's lag over all its partitions, from the merged metrics. */
export function totalLag(lag: readonly { lag: number }[] | undefined): number {
  return (lag ?? []).reduce((n, l) => n + l.lag, 0);
}

/**
 * Offsets a learner can pick for an injected record's event time, in seconds before now: with the
 * learning defaults (15 s watermark delay) −5 s and −10 s are out of order but on time and −1 min
 * is late; with the seed preset's 30 min delay only −1 h is late.
 */
export const EVENT_OFFSET_PRESETS_S = [0, -5, -10, -60, -3600] as const;

/**
 * Whether the join will drop a record with this event time as late: it is late when it is
 * below the join's watermark (min of C's and D's max event time − delay) when it arrives.
 */
export function expectLate(eventTs: number, watermark: number | null): boolean {
  return watermark !== null && eventTs < watermark;
}

export type Fate = "travelling" | "late" | "joined" | "waiting" | "unmatched";

interface JoinView {
  records: readonly JoinSideRecord[];
  matches: readonly JoinMatch[];
  /** The join's watermark and window: once the watermark passes a record's window, no partner can come. */
  watermark?: number | null;
  windowMs?: number;
}

/**
 * What became of an injected C or D record, as the join view saw it: on its way, dropped as late,
 * joined, or on time and waiting for a partner, until the watermark passes its window (unmatched:
 * no record of that key arrived on the other side within the window).
 */
export function fateOf(h: { side: "C" | "D"; key: string; ts: number }, feed: JoinView): Fate {
  const joined = feed.matches.some((m) => m.key === h.key && (h.side === "C" ? m.c_ts === h.ts : m.d_ts === h.ts));
  if (joined) return "joined";
  const seen = feed.records.find((r) => r.side === h.side && r.key === h.key && r.ts === h.ts);
  if (!seen) return "travelling";
  if (seen.late) return "late";
  const closed = feed.watermark != null && feed.windowMs !== undefined && h.ts + feed.windowMs < feed.watermark;
  return closed ? "unmatched" : "waiting";
}

/** Fates that no later view can change: the view keeps only recent pairs, so a pair seen once may scroll out. */
export const isFinalFate = (f: Fate): boolean => f === "joined" || f === "late";

import { MAX_INSTANCES, type ComponentName, type InstanceView } from "@/lib/contract/api";
import type { JoinMatch, JoinSideRecord } from "@/lib/contract/socket";
import { WORKER_INPUTS } from "./topology";

/**
 * Pure logic behind the experiments page: how many members of a group can work, who owns
 * which partition, when the assignment changed (a rebalance), and the "in = out" verdict.
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

/** A string that changes exactly when the partition ownership changes. */
export function assignmentSignature(assignment: Map<number, Owned[]>): string {
  return [...assignment.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([i, owned]) => `${i}:${owned.map((o) => `${o.topic}-${o.partition}`).join(",")}`)
    .join("|");
}

/** Counts rebalances: an assignment that differs from the last non-empty one. Empty signatures (nobody running) are skipped. */
export function nextRebalance(prev: { signature: string; count: number }, signature: string): { signature: string; count: number } {
  const empty = !/-\d/.test(signature);
  if (empty || signature === prev.signature) return prev;
  return { signature, count: prev.signature === "" ? prev.count : prev.count + 1 };
}

/** Sum of a worker's lag over all its partitions, from the merged metrics. */
export function totalLag(lag: readonly { lag: number }[] | undefined): number {
  return (lag ?? []).reduce((n, l) => n + l.lag, 0);
}

export interface InOut {
  input: number;
  output: number;
  deadLetters: number;
  lag: number;
  /** Distinct inputs with an output or a dead letter (see InOutStats). */
  handled: number;
}

export type InOutState = "equal" | "settling" | "duplicates" | "missing" | "both";

export interface InOutVerdict {
  expected: number;
  diff: number;
  /** Inputs with neither an output nor a dead letter, counted once nothing is in flight. */
  lost: number;
  /** Outputs and dead letters beyond the first for their input: exact even while records flow. */
  duplicated: number;
  state: InOutState;
}

/**
 * Nothing lost or repeated means every input record is either a result, a dead letter, or still
 * waiting (lag). A second output for the same input is a duplicate at once; a missing one is only
 * counted as lost with nothing in flight (outputs are counted by a separate reader, and at-most-once
 * writes what it committed a little later): until then the check is "settling".
 */
export function inOutVerdict(x: InOut, flowing: boolean): InOutVerdict {
  const expected = x.input - x.deadLetters - x.lag;
  const diff = x.output - expected;
  const duplicated = Math.max(0, x.output + x.deadLetters - x.handled);
  const settled = !flowing && x.lag === 0;
  const lost = settled ? Math.max(0, x.input - x.lag - x.handled) : 0;
  const state: InOutState =
    lost > 0 && duplicated > 0 ? "both" : lost > 0 ? "missing" : duplicated > 0 ? "duplicates" : diff === 0 ? "equal" : !settled ? "settling" : diff > 0 ? "duplicates" : "missing";
  return { expected, diff, lost, duplicated, state };
}

export interface Breaks {
  lost: number;
  duplicated: number;
}

/** Totals of lost and duplicated inputs over every strategy's verdict. */
export const breaksOf = (verdicts: readonly InOutVerdict[]): Breaks =>
  verdicts.reduce((b, v) => ({ lost: b.lost + v.lost, duplicated: b.duplicated + v.duplicated }), { lost: 0, duplicated: 0 });

/**
 * What the check reports now that it did not before: more lost, more duplicated. The first report
 * (`before` null) is only the baseline: losses from before the page opened are not news.
 */
export function newlyBroken(before: Breaks | null, now: Breaks): ("lost" | "duplicated")[] {
  if (before === null) return [];
  const out: ("lost" | "duplicated")[] = [];
  if (now.lost > before.lost) out.push("lost");
  if (now.duplicated > before.duplicated) out.push("duplicated");
  return out;
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

export type Fate = "travelling" | "late" | "joined" | "waiting";

/** What became of an injected C or D record, as the join view saw it. */
export function fateOf(
  h: { side: "C" | "D"; key: string; ts: number },
  feed: { records: readonly JoinSideRecord[]; matches: readonly JoinMatch[] },
): Fate {
  const joined = feed.matches.some((m) => m.key === h.key && (h.side === "C" ? m.c_ts === h.ts : m.d_ts === h.ts));
  if (joined) return "joined";
  const seen = feed.records.find((r) => r.side === h.side && r.key === h.key && r.ts === h.ts);
  if (!seen) return "travelling";
  return seen.late ? "late" : "waiting";
}

import type { InOutStats } from "@/lib/contract/socket";

/**
 * The "in = out" verdict of the transform, per strategy. Every input record is a result, a dead
 * letter, or still waiting: waiting in the group's lag (not yet processed), or processed but not yet
 * counted by the server's reader of X_output. A record is missing (or extra) only once nothing moves.
 */
export interface InOut {
  input: number;
  output: number;
  deadLetters: number;
  lag: number;
}

export type InOutState = "equal" | "waiting" | "missing" | "duplicates";

export interface Verdict {
  state: InOutState;
  /** Records waiting, missing or extra (0 when equal). */
  n: number;
  /** Results that should be out by now: inputs processed (input − lag) minus dead letters. */
  expected: number;
  diff: number;
}

/** How long a strategy's counts must stay unchanged, with no lag, before a shortfall counts as missing. */
export const SETTLE_MS = 3000;

/**
 * Outputs are counted before the offsets are fetched (see server/live/inout-feed.ts), and a result is
 * committed in the same transaction as the input offset that caused it: so output never exceeds what
 * was processed unless something was written twice, and more is "duplicates" at once. A shortfall is
 * "waiting" while records flow, "missing" once settled: lag 0 and counts unchanged for SETTLE_MS.
 */
export function inOutVerdict(x: InOut, unchangedForMs: number): Verdict {
  const expected = x.input - x.deadLetters - x.lag;
  const diff = x.output - expected;
  if (diff === 0) return { state: "equal", n: 0, expected, diff };
  if (diff > 0) return { state: "duplicates", n: diff, expected, diff };
  if (x.lag === 0 && unchangedForMs >= SETTLE_MS) return { state: "missing", n: -diff, expected, diff };
  return { state: "waiting", n: x.lag - diff, expected, diff };
}

/** Per strategy, its counts and since when they have not changed. */
export type Unchanged = Readonly<Record<string, { key: string; since: number }>>;

/** Notes which strategies' counts changed in this report (`now` is when it arrived). */
export function trackUnchanged(prev: Unchanged, stats: InOutStats, now: number): Unchanged {
  const next: Record<string, { key: string; since: number }> = {};
  for (const s of stats.strategies) {
    const key = `${s.input}/${s.output}/${s.deadLetters}/${s.lag}`;
    const before = prev[s.strategy];
    next[s.strategy] = before?.key === key ? before : { key, since: now };
  }
  return next;
}

/** Each strategy's verdict on the latest report. */
export function judgeInOut(stats: InOutStats, unchanged: Unchanged, now: number): Record<string, Verdict> {
  return Object.fromEntries(stats.strategies.map((s) => [s.strategy, inOutVerdict(s, now - (unchanged[s.strategy]?.since ?? now))]));
}

import type { InOutStats } from "@/lib/contract/socket";

/**
 * The "in = out" verdict of the transform, per strategy. Every input record is a result, a dead
 * letter, or still waiting: waiting in the group's lag (not yet committed), or processed but not yet
 * counted by the server's reader of X_output. Every result names its input (the lab-source header),
 * so the server also counts the distinct inputs handled: outputs beyond those are duplicates, told
 * at once; inputs without any are lost, told only once nothing moves.
 */
export interface InOut {
  input: number;
  output: number;
  deadLetters: number;
  /** The strategy group's lag, as the server measures it from the committed offsets. */
  lag: number;
  /** Distinct inputs with an output or a dead letter (see InOutStats). */
  handled: number;
}

export type InOutState = "equal" | "waiting" | "missing" | "duplicates" | "both";

export interface Verdict {
  state: InOutState;
  /** Records waiting (lag + processed but not yet counted), lost, duplicated, or lost + duplicated; 0 when equal. */
  n: number;
  /** Results that should be out by now: inputs processed (input − lag) minus dead letters. */
  expected: number;
  diff: number;
  /** Inputs with neither an output nor a dead letter, counted once settled (lag 0, nothing changed for SETTLE_MS). */
  lost: number;
  /** Outputs and dead letters beyond the first for their input: exact even while records flow. */
  duplicated: number;
}

/** How long a strategy's counts must stay unchanged, with no lag, before a shortfall counts as lost. */
export const SETTLE_MS = 3000;

/**
 * Duplicates are outputs and dead letters beyond the distinct inputs they name, "duplicates" at once:
 * at least once writes results ahead of their offset commit, so more results than processed inputs
 * alone is no duplicate. A result that names no input (written before results carried the header)
 * counts as one input of its own; more of those than there are inputs are extra too.
 * A shortfall of handled inputs is "waiting" while records flow, "missing" (lost) once settled: lag 0
 * and counts unchanged for SETTLE_MS (at most once writes what it committed up to 2 s later).
 */
export function inOutVerdict(x: InOut, unchangedForMs: number): Verdict {
  const expected = x.input - x.deadLetters - x.lag;
  const diff = x.output - expected;
  const duplicated = Math.max(0, x.output + x.deadLetters - x.handled) + Math.max(0, x.handled - x.input);
  const processed = x.input - x.lag;
  const shortfall = Math.max(0, processed - x.handled);
  const settled = x.lag === 0 && unchangedForMs >= SETTLE_MS;
  const lost = settled ? shortfall : 0;
  const v = { expected, diff, lost, duplicated };
  if (lost > 0 && duplicated > 0) return { state: "both", n: lost + duplicated, ...v };
  if (duplicated > 0) return { state: "duplicates", n: duplicated, ...v };
  if (lost > 0) return { state: "missing", n: lost, ...v };
  if (x.handled === processed) return { state: "equal", n: 0, ...v };
  return { state: "waiting", n: x.lag + shortfall, ...v };
}

/** Per strategy, its counts and since when they have not changed. */
export type Unchanged = Readonly<Record<string, { key: string; since: number }>>;

/** Notes which strategies' counts changed in this report (`now` is when it arrived). */
export function trackUnchanged(prev: Unchanged, stats: InOutStats, now: number): Unchanged {
  const next: Record<string, { key: string; since: number }> = {};
  for (const s of stats.strategies) {
    const key = `${s.input}/${s.output}/${s.deadLetters}/${s.lag}/${s.handled}`;
    const before = prev[s.strategy];
    next[s.strategy] = before?.key === key ? before : { key, since: now };
  }
  return next;
}

/** Each strategy's verdict on the latest report. */
export function judgeInOut(stats: InOutStats, unchanged: Unchanged, now: number): Record<string, Verdict> {
  return Object.fromEntries(stats.strategies.map((s) => [s.strategy, inOutVerdict(s, now - (unchanged[s.strategy]?.since ?? now))]));
}

export interface Breaks {
  lost: number;
  duplicated: number;
}

/** Totals of lost and duplicated inputs over every strategy's verdict. */
export const breaksOf = (verdicts: readonly Pick<Verdict, "lost" | "duplicated">[]): Breaks =>
  verdicts.reduce((b, v) => ({ lost: b.lost + v.lost, duplicated: b.duplicated + v.duplicated }), { lost: 0, duplicated: 0 });

/**
 * What the check reports now that it did not before: more lost, more duplicated (the lessons'
 * `inout:lost`, `inout:duplicated`). The first report (`before` null) is only the baseline: losses
 * from before the page opened are not news.
 */
export function newlyBroken(before: Breaks | null, now: Breaks): ("lost" | "duplicated")[] {
  if (before === null) return [];
  const out: ("lost" | "duplicated")[] = [];
  if (now.lost > before.lost) out.push("lost");
  if (now.duplicated > before.duplicated) out.push("duplicated");
  return out;
}

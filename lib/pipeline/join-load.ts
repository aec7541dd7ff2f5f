import { NORMAL_RATE_MAX } from "@/lib/contract/api";

/**
 * Pairs per second the C/D join must write when C and D each arrive at `ratePerSecond`, spread
 * uniformly over `keys` keys, with a window of ±`joinWindowMs`: each record meets the other side's
 * records of its key within 2W, so pairs/s = rateC · rateD · 2W / K. It grows with the square of the
 * rate, which is why a fast pipeline with few keys and a wide window overwhelms any join.
 */
export function expectedJoinPairsPerSec(s: { ratePerSecond: number; keys: number; joinWindowMs: number }): number {
  if (!(s.keys >= 1) || !(s.ratePerSecond >= 0) || !(s.joinWindowMs >= 0)) return 0;
  return (s.ratePerSecond * s.ratePerSecond * 2 * (s.joinWindowMs / 1000)) / s.keys;
}

/**
 * The per-producer rate at which the join writes JOIN_PAIRS_COMFORT_PER_SEC pairs/s at these keys and
 * window (expectedJoinPairsPerSec solved for the rate), never above the normal-use cap: the rate a
 * learner can raise to without the join falling behind. Null when the window is 0 (no pairs at all).
 */
export function joinSustainableRate(s: { keys: number; joinWindowMs: number }): number | null {
  if (!(s.keys >= 1) || !(s.joinWindowMs > 0)) return null;
  return Math.min(NORMAL_RATE_MAX, Math.sqrt((JOIN_PAIRS_COMFORT_PER_SEC * s.keys) / (2 * (s.joinWindowMs / 1000))));
}

/**
 * Above this many pairs/s a single join worker on a small machine falls behind: measured ~18,000
 * written pairs/s on 2 cores (bench/README.md). Kept round and conservative for the hint.
 */
export const JOIN_PAIRS_COMFORT_PER_SEC = 10_000;

import { NORMAL_RATE_MAX } from "@/lib/contract/api";
import { expectedJoinPairsPerSec, JOIN_PAIRS_MAX_PER_SEC } from "./capacity";

export { expectedJoinPairsPerSec };

/** What the join comfortably writes: the limit settingsProblem holds to without a load test. */
export const JOIN_PAIRS_COMFORT_PER_SEC = JOIN_PAIRS_MAX_PER_SEC;

/**
 * The per-producer rate at which the join writes JOIN_PAIRS_COMFORT_PER_SEC pairs/s at these keys and
 * window (expectedJoinPairsPerSec solved for the rate), never above the normal-use cap: the rate a
 * learner can raise to without the join falling behind. Null when the window is 0 (no pairs at all).
 */
export function joinSustainableRate(s: { keys: number; joinWindowMs: number }): number | null {
  if (!(s.keys >= 1) || !(s.joinWindowMs > 0)) return null;
  return Math.min(NORMAL_RATE_MAX, Math.sqrt((JOIN_PAIRS_COMFORT_PER_SEC * s.keys) / (2 * (s.joinWindowMs / 1000))));
}

/**
 * What a set of settings costs the pipeline, and where one machine stops keeping up. Pure arithmetic
 * on the settings, with no imports, so the contract's settingsProblem and the settings form share it.
 */
export interface CostInputs {
  ratePerSecond: number;
  keys: number;
  joinWindowMs: number;
  watermarkDelayMs: number;
}

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
 * Above this many pairs/s one join worker falls behind on a small machine: measured ~18,000 written
 * pairs/s on 2 cores (bench/README.md); kept round and conservative. Past it the form asks for a load
 * test and the API refuses without `loadTest`.
 */
export const JOIN_PAIRS_MAX_PER_SEC = 10_000;

/**
 * Rows the join holds: a record stays until the watermark (newest event time − delay) has passed its
 * event time + window, i.e. for about window + delay, on each of the two sides.
 */
export function joinStateRows(s: CostInputs): number {
  if (!(s.ratePerSecond >= 0) || !(s.joinWindowMs >= 0) || !(s.watermarkDelayMs >= 0)) return 0;
  return 2 * s.ratePerSecond * ((s.joinWindowMs + s.watermarkDelayMs) / 1000);
}

/** Approximate heap one buffered join row takes (key, value, timestamps, index entries), in bytes. */
export const JOIN_ROW_BYTES = 300;
/** More join state than this (in bytes) does not fit beside the broker and the dashboard on a laptop. */
export const JOIN_STATE_MAX_BYTES = 512 * 1024 * 1024;

/**
 * Records per second the workers handle together: the transform reads 4 inputs, the join reads C and
 * D and writes its pairs, the aggregation reads 4 outputs; the producers write 4 inputs.
 */
export function recordsPerSec(s: CostInputs): number {
  const r = s.ratePerSecond >= 0 ? s.ratePerSecond : 0;
  return 4 * r + 4 * r + 2 * r + expectedJoinPairsPerSec(s) + 4 * r;
}

/** About what one core moves through a worker here (the transform: ~10k records/s on 2 cores). */
export const RECORDS_PER_CORE_MAX = 5000;

export interface Cost {
  pairsPerSec: number;
  stateRows: number;
  stateBytes: number;
  recordsPerSecPerCore: number;
  /** What is past what one machine keeps up with; empty when nothing is. */
  over: ("pairs" | "state")[];
}

/** The cost of these settings on a machine with `cores` cores. */
export function settingsCost(s: CostInputs, cores = 2): Cost {
  const pairsPerSec = expectedJoinPairsPerSec(s);
  const stateRows = joinStateRows(s);
  const stateBytes = stateRows * JOIN_ROW_BYTES;
  const over: Cost["over"] = [];
  if (pairsPerSec > JOIN_PAIRS_MAX_PER_SEC) over.push("pairs");
  if (stateBytes > JOIN_STATE_MAX_BYTES) over.push("state");
  return { pairsPerSec, stateRows, stateBytes, recordsPerSecPerCore: recordsPerSec(s) / Math.max(1, cores), over };
}

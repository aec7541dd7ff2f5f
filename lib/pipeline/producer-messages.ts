import { inputTopic, type OutgoingRecord, type Strategy } from "../contract/records";

/** A uniform integer from 1 to n inclusive; `rng` returns [0, 1) but a bad 1 is clamped. */
function pick(n: number, rng: () => number): number {
  return Math.min(n, 1 + Math.floor(rng() * n));
}

/** How much event-time disorder producers make: a share of records, shaped by the join's watermark delay. */
export interface Disorder {
  /** Share of records (0–100 %) stamped with an older event time. */
  percent: number;
  /** The join's watermark delay: what separates "out of order" from "late". */
  watermarkDelayMs: number;
}

export const NO_DISORDER: Disorder = { percent: 0, watermarkDelayMs: 0 };

/** Of the disordered records, this share is out of order but on time; the rest are late. */
export const ON_TIME_SHARE = 0.8;
/** The smallest lag of a disordered record. */
export const MIN_LAG_MS = 1000;
/** How far beyond the watermark delay a late record is, at least (see eventTimeLag). */
export const LATE_MARGIN_MS = 2000;

/** Lags of disordered records, in ms: [lowest, highest] of the on-time band and of the late band. */
export function disorderBands(watermarkDelayMs: number): { onTime: [number, number]; late: [number, number] } {
  const delay = Math.max(0, watermarkDelayMs);
  return {
    onTime: [MIN_LAG_MS, Math.max(MIN_LAG_MS, delay / 2)],
    late: [delay + LATE_MARGIN_MS, 2 * delay + LATE_MARGIN_MS],
  };
}

/**
 * How far behind now a record's event time is: 0 for most records; for `percent` % of them,
 * 80 % lag 1 s … max(1 s, delay ÷ 2) (out of order, still above the join's watermark) and
 * 20 % lag delay + 2 s … 2 × delay + 2 s (below it: the join drops them as late).
 * The 2 s margin covers what holds the watermark a little behind the wall clock: the time since
 * each side's newest record at slow rates (1 s at 1 record/s) and C's trip through the strategy
 * worker. Uniform within each band; `rng` returns [0, 1).
 */
export function eventTimeLag(disorder: Disorder, rng: () => number): number {
  const share = Math.min(100, Math.max(0, disorder.percent)) / 100;
  if (share === 0 || rng() >= share) return 0;
  const bands = disorderBands(disorder.watermarkDelayMs);
  const [lo, hi] = rng() < ON_TIME_SHARE ? bands.onTime : bands.late;
  return Math.round(lo + rng() * (hi - lo));
}

/**
 * One producer message for `X_input`, as the seed's producer makes it, except that with disorder
 * some records carry an older event time. The Kafka record timestamp is always the same `ts`.
 */
export function makeInputMessage(strategy: Strategy, keys: number, rng: () => number, now: number, disorder: Disorder = NO_DISORDER): OutgoingRecord {
  const key = `user-${pick(Math.max(1, Math.floor(keys)), rng)}`;
  const value = pick(100, rng);
  const ts = now - eventTimeLag(disorder, rng);
  return {
    topic: inputTopic(strategy),
    key,
    value: JSON.stringify({ strategy, value, ts }),
    timestamp: ts,
  };
}

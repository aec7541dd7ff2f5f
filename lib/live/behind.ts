import type { ComponentMetrics } from "@/lib/contract/api";

/**
 * How far behind a worker is, in time. Measured from event time: the newest event time among the
 * records the worker has read, against the moment it reported (both on the server's clock, so the
 * browser's clock does not matter). Records carry the time they were produced (disorder only makes
 * some older, and the newest is unaffected), so "newest read 4 min ago" means the worker reads what
 * was produced 4 min ago. When it has nothing left to read (lag 0) it is not behind, however old its
 * newest record: the producers may simply be stopped. Without an event time (an older report) the
 * lag is divided by the read rate instead, an estimate that assumes the rate holds.
 */
export interface Behind {
  /** Records not yet read, over every partition it owns. */
  records: number;
  /** Milliseconds behind, or null when it reads nothing (stalled) and no event time is known. */
  ms: number | null;
  basis: "caughtUp" | "eventTime" | "rate" | "stalled";
}

/** Below this a worker counts as keeping up: records are always a batch or two in flight. */
export const KEEPING_UP_MS = 3000;

export function workerBehind(m: Pick<ComponentMetrics, "at" | "lag" | "recordsInPerSec" | "eventTime"> | null | undefined): Behind | null {
  if (!m) return null;
  const records = m.lag.reduce((n, p) => n + Math.max(0, p.lag), 0);
  if (records === 0) return { records, ms: 0, basis: "caughtUp" };
  if (typeof m.eventTime === "number") return { records, ms: Math.max(0, m.at - m.eventTime), basis: "eventTime" };
  if (m.recordsInPerSec > 0) return { records, ms: (records / m.recordsInPerSec) * 1000, basis: "rate" };
  return { records, ms: null, basis: "stalled" };
}

/** Whether to tell the learner the worker is behind (rather than keeping up). */
export const isBehind = (b: Behind | null): b is Behind => b !== null && (b.ms === null || b.ms >= KEEPING_UP_MS);

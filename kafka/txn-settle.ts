/**
 * EndTxn returns once the coordinator has decided; the commit markers are written to the partitions
 * after that. Until they are, the next transaction's first request (AddOffsetsToTxn, AddPartitionsToTxn)
 * is answered CONCURRENT_TRANSACTIONS and must be sent again: a wasted round trip, a logged error, and
 * in kafkajs' sendBatch a metadata refresh and the whole batch regrouped. So the producer waits for
 * the previous commit to settle instead of racing it: a gap after each commit, learned from whether
 * the first request after it still met CONCURRENT_TRANSACTIONS (longer) or went through (shorter).
 * Pure: the caller gives the times.
 */
export interface SettleOptions {
  initialMs: number;
  maxMs: number;
  /** Added to the gap (beyond the time that was waited) when the first request still raced the markers. */
  growMs: number;
  /** Taken off when it went through after waiting about the gap, so the gap follows a faster broker. */
  shrinkMs: number;
}

export const DEFAULT_SETTLE: SettleOptions = { initialMs: 3, maxMs: 25, growMs: 2, shrinkMs: 0.5 };

export function createSettleGap(o: SettleOptions = DEFAULT_SETTLE) {
  let gap = o.initialMs;
  let endedAt: number | null = null;
  return {
    /** How long to wait at `now` before the next transaction's first request. */
    waitMs(now: number): number {
      return endedAt === null ? 0 : Math.max(0, Math.ceil(endedAt + gap - now));
    },
    /** The previous transaction ended (committed or aborted) at `now`. */
    ended(now: number): void {
      endedAt = now;
    },
    /** The first request of a transaction, sent at `sentAt`, raced the markers (or not). */
    firstRequest(sentAt: number, raced: boolean): void {
      if (endedAt === null) return;
      const after = sentAt - endedAt;
      if (raced) gap = Math.min(o.maxMs, Math.max(gap, after) + o.growMs);
      // Going through long after the gap says nothing about a shorter one.
      else if (after <= gap + 1) gap = Math.max(0, gap - o.shrinkMs);
    },
    gapMs: () => gap,
  };
}

/** A partition counts as having records waiting only above this lag: transaction markers alone leave a few. */
export const WAITING_MIN_RECORDS = 500;

/** How far one input partition has read: the highest record time, and how many records it has left. */
export interface PartitionProgress {
  maxTs: number;
  lag: number;
}

/**
 * Keeps every input partition of the join (both sides) within `maxSkewMs` of record time of the slowest
 * one that still has records waiting. The watermark is the smaller of the two sides' highest times minus
 * the delay, so what a fast partition reads meanwhile waits in state, and a slow partition's records
 * fall under the watermark and are dropped as late. Overloaded at 20,000 rec/s, the join read one side
 * minutes ahead of the other and held 2.6 M rows, or dropped ~8,000 rec/s as late (bench/README.md).
 * A partition that is ahead is paused until the slowest is within half the skew, or nothing is waiting.
 * Pausing only delays reading, so the pairs written are the same. Flink calls this watermark alignment;
 * Kafka Streams picks the partition with the lowest timestamp for the same reason.
 */
export class InputAlignment {
  private readonly paused = new Set<string>();

  constructor(private readonly maxSkewMs: number) {}

  get pausedPartitions(): ReadonlySet<string> {
    return this.paused;
  }

  /** The partitions to keep paused after this progress (keyed like `progress`). */
  update(progress: ReadonlyMap<string, PartitionProgress>): ReadonlySet<string> {
    let slowest = Infinity;
    for (const p of progress.values()) if (p.lag > WAITING_MIN_RECORDS && p.maxTs < slowest) slowest = p.maxTs;
    for (const [tp, p] of progress) {
      const ahead = p.maxTs - slowest;
      if (this.paused.has(tp) && ahead <= this.maxSkewMs / 2) this.paused.delete(tp);
      else if (ahead > this.maxSkewMs) this.paused.add(tp);
    }
    for (const tp of this.paused) if (!progress.has(tp)) this.paused.delete(tp);
    return this.paused;
  }

  /** After a rebalance, or while an input replays: read everything. */
  reset(): void {
    this.paused.clear();
  }
}

/** Skew allowed between input partitions: half the watermark delay (so a slow partition is not late), at least 1 s. */
export function maxInputSkewMs(watermarkDelayMs: number): number {
  return Math.max(1_000, Math.floor(watermarkDelayMs / 2));
}

import type { JoinSideName } from "./join-state";

/** A side counts as having records waiting only above this lag: transaction markers alone leave a few. */
export const WAITING_MIN_RECORDS = 500;

export interface SideProgress {
  /** Highest event time read on each side (null until the first record). */
  maxTs: Record<JoinSideName, number | null>;
  /** Records not yet read on each side, summed over its partitions, as of the last batch of each. */
  lag: Record<JoinSideName, number>;
}

/**
 * Keeps the join's two inputs within `maxSkewMs` of event time of each other while the join is behind.
 * The watermark follows the slower side, so everything the faster side reads meanwhile waits in state:
 * a join that fell behind at 20,000 rec/s read one input minutes ahead of the other and held 2.6 M rows
 * (bench/README.md). The side that is ahead is paused while the other has
 * records waiting, and resumed once it is within half the skew, or when the other has nothing left.
 * Pausing only delays reading, so the pairs written are the same. Kafka Streams picks the partition with
 * the lowest timestamp for the same reason; Flink calls it watermark alignment.
 */
export class InputAlignment {
  private paused: JoinSideName | null = null;

  constructor(private readonly maxSkewMs: number) {}

  get pausedSide(): JoinSideName | null {
    return this.paused;
  }

  /** The side to keep paused after this progress (null: read both). */
  update(p: SideProgress): JoinSideName | null {
    const { C, D } = p.maxTs;
    if (C === null || D === null) return (this.paused = null);
    const ahead = (side: JoinSideName) => (side === "C" ? C - D : D - C);
    const other = (side: JoinSideName): JoinSideName => (side === "C" ? "D" : "C");
    const waiting = (side: JoinSideName) => p.lag[side] > WAITING_MIN_RECORDS;
    if (this.paused !== null) {
      const side = this.paused;
      if (ahead(side) <= this.maxSkewMs / 2 || !waiting(other(side))) this.paused = null;
      return this.paused;
    }
    for (const side of ["C", "D"] as const) {
      if (ahead(side) > this.maxSkewMs && waiting(other(side))) return (this.paused = side);
    }
    return null;
  }

  /** After a rebalance the progress seen so far no longer describes what we own. */
  reset(): void {
    this.paused = null;
  }
}

/** Skew allowed between the inputs: a window plus the watermark delay, at least 5 s. */
export function maxInputSkewMs(windowMs: number, watermarkDelayMs: number): number {
  return Math.max(5_000, windowMs + watermarkDelayMs);
}

/**
 * Compares two Kafka offsets kept as canonical decimal strings (no sign, no leading zeros)
 * without BigInt allocation: a longer string is a larger number.
 */
export function compareOffsets(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** How many offsets of a partition lie at or after `nextOffset` (never negative). */
export function recordsBehind(highWatermark: string, nextOffset: string): number {
  return Math.max(0, Number(BigInt(highWatermark) - BigInt(nextOffset)));
}

interface Tracked {
  offset: string;
  live: boolean;
}

/**
 * The offsets still held from one partition, answering "what is the lowest?" in amortised O(1).
 * Records arrive in offset order within a partition, so a queue in arrival order is sorted;
 * removal just marks an entry dead and dead entries are skipped when they reach the head.
 */
export class PartitionOffsets<T extends Tracked> {
  private queue: T[] = [];
  private head = 0;
  private liveCount = 0;

  get size(): number {
    return this.liveCount;
  }

  add(item: T): void {
    const q = this.queue;
    const last = q.length > this.head ? q[q.length - 1] : undefined;
    if (last === undefined || compareOffsets(last.offset, item.offset) <= 0) q.push(item);
    else q.splice(this.insertionIndex(item.offset), 0, item); // a rewind: rare, keep it correct
    this.liveCount++;
  }

  /** Call after setting `item.live = false`. */
  removed(): void {
    this.liveCount--;
    this.skipDead();
  }

  lowest(): string | null {
    this.skipDead();
    return this.head < this.queue.length ? this.queue[this.head]!.offset : null;
  }

  private skipDead(): void {
    const q = this.queue;
    while (this.head < q.length && !q[this.head]!.live) this.head++;
    if (this.head === q.length) {
      this.queue = [];
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > q.length) {
      this.queue = q.slice(this.head);
      this.head = 0;
    }
  }

  private insertionIndex(offset: string): number {
    let lo = this.head;
    let hi = this.queue.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareOffsets(this.queue[mid]!.offset, offset) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

import type { JoinedValue } from "../contract/records";
import { TsMinHeap } from "./min-heap";
import { PartitionOffsets } from "./offsets";

export interface JoinConfig {
  windowMs: number;
  watermarkDelayMs: number;
}

export interface JoinSide {
  key: string;
  val: number;
  ts: number;
  /** Where it came from, for safe-offset commits. */
  partition: number;
  offset: string;
  /**
   * Re-read after a restart: it was processed before, so every pair it formed with another
   * re-read record was already emitted. Such pairs are not emitted again.
   */
  replayed?: boolean;
}

export interface JoinAddResult {
  late: boolean;
  /** Ordered by the other side's ts, then by arrival. */
  matches: JoinedValue[];
}

export type JoinSideName = "C" | "D";

interface Entry extends JoinSide {
  live: boolean;
}

/** One key's buffered records, sorted by ts (ties in arrival order); evictions advance `head`. */
interface Bucket {
  items: Entry[];
  head: number;
}

/** Index of the first item at or after `head` with ts > t (upper) or ts >= t (lower). */
function search(b: Bucket, t: number, upper: boolean): number {
  let lo = b.head;
  let hi = b.items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const ts = b.items[mid]!.ts;
    if (ts < t || (upper && ts === t)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The buffered records of one input of the join. */
class SideState {
  readonly byKey = new Map<string, Bucket>();
  readonly byTs = new TsMinHeap<Entry>();
  readonly byPartition = new Map<number, PartitionOffsets<Entry>>();
  max: number | null = null;
  count = 0;

  add(e: Entry): void {
    let b = this.byKey.get(e.key);
    if (b === undefined) this.byKey.set(e.key, (b = { items: [], head: 0 }));
    const last = b.items[b.items.length - 1];
    if (b.head === b.items.length || last === undefined || last.ts <= e.ts) b.items.push(e);
    else b.items.splice(search(b, e.ts, true), 0, e);
    this.byTs.push(e);
    let p = this.byPartition.get(e.partition);
    if (p === undefined) this.byPartition.set(e.partition, (p = new PartitionOffsets<Entry>()));
    p.add(e);
    this.count++;
    if (this.max === null || e.ts > this.max) this.max = e.ts;
  }

  /** Appends a pair for each buffered record of `rec.key` within ±w of `rec.ts`, in ts order. */
  collectMatches(rec: JoinSide, w: number, recIsC: boolean, out: JoinedValue[]): void {
    const b = this.byKey.get(rec.key);
    if (b === undefined) return;
    const hi = rec.ts + w;
    for (let i = search(b, rec.ts - w, false); i < b.items.length; i++) {
      const o = b.items[i]!;
      if (o.ts > hi) break;
      if (rec.replayed && o.replayed) continue;
      out.push(recIsC ? joined(rec, o) : joined(o, rec));
    }
  }

  /** Evicts every record with ts < bound, oldest first. */
  evictBelow(bound: number): void {
    for (let top = this.byTs.peek(); top !== undefined && top.ts < bound; top = this.byTs.peek()) {
      this.byTs.pop();
      this.removeFromBucket(top);
      top.live = false;
      this.byPartition.get(top.partition)?.removed();
      this.count--;
    }
  }

  dropPartition(partition: number): void {
    if (!this.byPartition.delete(partition)) return;
    this.byTs.filter((e) => e.partition !== partition);
    for (const [key, b] of this.byKey) {
      const kept = b.items.slice(b.head).filter((e) => e.partition !== partition);
      if (kept.length === 0) this.byKey.delete(key);
      else this.byKey.set(key, { items: kept, head: 0 });
    }
    this.count = this.byTs.size;
  }

  // Heap order means every older record of this key is already gone, so `e` sits at the
  // front of its bucket, possibly behind others with the same ts.
  private removeFromBucket(e: Entry): void {
    const b = this.byKey.get(e.key)!;
    let i = b.head;
    while (i < b.items.length && b.items[i] !== e) i++;
    if (i === b.items.length) return;
    if (i === b.head) b.head++;
    else b.items.splice(i, 1);
    if (b.head === b.items.length) this.byKey.delete(e.key);
    else if (b.head > 32 && b.head * 2 > b.items.length) {
      b.items = b.items.slice(b.head);
      b.head = 0;
    }
  }
}

/**
 * The C/D event-time interval join of the spec, with Spark's stream-stream inner join
 * semantics: window inclusive at both ends, watermark = min(maxC, maxD) − delay, late records
 * dropped, state evicted as soon as it can no longer match a non-late record.
 */
export class JoinState {
  private readonly c = new SideState();
  private readonly d = new SideState();
  private wm: number | null = null;
  private late = 0;

  constructor(private readonly config: JoinConfig) {
    const ok = (n: number) => Number.isFinite(n) && n >= 0;
    if (!ok(config.windowMs) || !ok(config.watermarkDelayMs)) {
      throw new RangeError(`join window and watermark delay must be finite and ≥ 0, got ${JSON.stringify(config)}`);
    }
  }

  addC(c: JoinSide): JoinAddResult {
    return this.add(c, this.c, this.d, true);
  }

  addD(d: JoinSide): JoinAddResult {
    return this.add(d, this.d, this.c, false);
  }

  get watermark(): number | null {
    return this.wm;
  }

  size(): { c: number; d: number } {
    return { c: this.c.count, d: this.d.count };
  }

  lateDropped(): number {
    return this.late;
  }

  /** Lowest offset per (side, partition) still buffered: what an at-least-once consumer may safely commit up to. */
  lowestBufferedOffset(side: JoinSideName, partition: number): string | null {
    return this.sideOf(side).byPartition.get(partition)?.lowest() ?? null;
  }

  /** The largest event time seen per side: with the watermark, what a restart must get back. */
  progress(): { maxC: number | null; maxD: number | null } {
    return { maxC: this.c.max, maxD: this.d.max };
  }

  /** After a restart: take back the largest event times seen before it, so the watermark is where it was. */
  restoreProgress(p: { maxC: number | null; maxD: number | null }): void {
    if (p.maxC !== null && (this.c.max === null || p.maxC > this.c.max)) this.c.max = p.maxC;
    if (p.maxD !== null && (this.d.max === null || p.maxD > this.d.max)) this.d.max = p.maxD;
    this.advanceWatermark();
  }

  /** Forgets everything buffered from a partition (on rebalance revoke). The watermark stays. */
  dropPartition(side: JoinSideName, partition: number): void {
    this.sideOf(side).dropPartition(partition);
  }

  private sideOf(side: JoinSideName): SideState {
    return side === "C" ? this.c : this.d;
  }

  private add(rec: JoinSide, own: SideState, other: SideState, recIsC: boolean): JoinAddResult {
    if (rec.replayed) {
      // It passed the late check when it first arrived; keep it only if it can still match.
      if (this.wm !== null && rec.ts + this.config.windowMs < this.wm) return { late: false, matches: [] };
    } else if (this.wm !== null && rec.ts < this.wm) {
      this.late++;
      return { late: true, matches: [] };
    }
    const matches: JoinedValue[] = [];
    other.collectMatches(rec, this.config.windowMs, recIsC, matches);
    own.add({ key: rec.key, val: rec.val, ts: rec.ts, partition: rec.partition, offset: rec.offset, replayed: rec.replayed === true, live: true });
    this.advanceWatermark();
    return { late: false, matches };
  }

  private advanceWatermark(): void {
    if (this.c.max === null || this.d.max === null) return;
    const next = Math.min(this.c.max, this.d.max) - this.config.watermarkDelayMs;
    if (this.wm !== null && next <= this.wm) return;
    this.wm = next;
    // Evict when ts + W < watermark, i.e. ts < watermark − W.
    const bound = next - this.config.windowMs;
    this.c.evictBelow(bound);
    this.d.evictBelow(bound);
  }
}

function joined(c: JoinSide, d: JoinSide): JoinedValue {
  return { c_val: c.val, d_val: d.val, c_ts: c.ts, d_ts: d.ts, ts: Math.max(c.ts, d.ts) };
}

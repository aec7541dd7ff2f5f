import { compareOffsets } from "./offsets";
import { holdBackAt, windowStarts, type AggInput, type AggRow, type LogEnd, type OutputMode, type WindowAggConfig, type WindowTableState } from "./window-spec";

export * from "./window-spec";

/**
 * Windowed count/average of `result` for ONE strategy (one X_output topic), with Spark Structured
 * Streaming's and Flink's window, watermark and late-record semantics, adapted to Kafka partitions:
 *
 * - Windows [start, start + size) with start a multiple of `slide` (aligned to the epoch); a record
 *   belongs to every window containing its event time `ts` (ceil(size/slide) of them when size is a
 *   multiple of slide; exactly one when slide = size, i.e. tumbling).
 * - Partition watermark: the largest `ts` of the partition's earlier records − delay.
 *   Table watermark: the smallest partition watermark over the partitions of the topic this instance
 *   owns (Flink's min-over-inputs rule). A partition whose log holds no record at all yet (it has
 *   never had a valid record and nothing is left to read in it) does not hold it back (Flink's
 *   idleness); a partition that has had records, or has records not read yet (a backlog, a replay),
 *   always does, however far behind it is. Only moves forward.
 * - Late records: a record updates every window it belongs to that is still open for it, and is
 *   dropped from each window already closed for it: end ≤ its partition's watermark (or ≤ the table
 *   watermark, which only matters for a partition that was empty while windows closed). A record
 *   behind the watermark whose window is still open counts. Because a record is judged by its own
 *   partition's earlier records, what is counted does not depend on how partitions interleave.
 *   `lateDropped` counts records dropped from at least one window (with sliding windows a record may
 *   count in its newer windows and be too late for older ones).
 * - Windows with end ≤ table watermark are final: emitted in append mode, then evicted in every mode.
 * - Bounded state: once `holdBackAt` windows are open, a record needing a new window waits (the batch
 *   stops there) unless its partition is the one holding the watermark back; that one always goes on.
 * - Output per batch: append = the windows finalized by it; update = the windows it changed (current
 *   values); complete = every window held (Spark keeps complete-mode state forever; here state must
 *   stay bounded, so the table is the windows not yet evicted, the finalized ones shown one last time).
 */

interface Acc {
  count: number;
  sum: number;
}
interface PartState {
  next: string | null;
  maxTs: number | null;
}

const plusOne = (offset: string) => (BigInt(offset) + 1n).toString();

export class WindowTable {
  private readonly windows = new Map<number, Acc>();
  private readonly parts = new Map<number, PartState>();
  private readonly logEnds = new Map<number, LogEnd>();
  private owned: number[] = [];
  private batchNo = 0;
  private lateCount = 0;
  private wm: number | null = null;
  private stopped: string | null = null;
  /** This batch's changed windows, and the windows its records closed (taken out of `windows`). */
  private readonly changed = new Set<number>();
  private readonly finalized = new Map<number, Acc>();
  private readonly cap: number;

  constructor(
    readonly strategy: string,
    private readonly config: WindowAggConfig,
    restored?: WindowTableState | null,
  ) {
    this.cap = holdBackAt(config);
    if (restored) this.load(restored);
  }

  get watermark(): number | null {
    return this.wm;
  }
  get lateDropped(): number {
    return this.lateCount;
  }
  get openWindows(): number {
    return this.windows.size;
  }

  /** The partitions of this topic the instance owns: the table watermark waits for each of them. */
  setOwnedPartitions(partitions: number[]): void {
    this.owned = [...new Set(partitions)].sort((a, b) => a - b);
  }

  /**
   * What the broker says each partition's log holds. Until a partition's end is known it counts as
   * possibly holding records, so it holds the watermark back until its first record is read.
   */
  setLogEnds(ends: LogEnd[]): void {
    for (const e of ends) this.logEnds.set(e.partition, e);
  }

  /** Owned partitions that do not hold the watermark back because their log has no record yet. */
  emptyPartitions(): number[] {
    return this.owned.filter((p) => this.isEmpty(p));
  }

  /** Next offset of `partition` not yet in the state (records below it are skipped), or null. */
  nextOffset(partition: number): string | null {
    return this.parts.get(partition)?.next ?? null;
  }

  /** Where the last batch stopped (read again from there), or null when it was taken whole. */
  get stoppedAt(): string | null {
    return this.stopped;
  }

  /**
   * One micro-batch from one partition. `processedUpTo` is the offset after the batch (records
   * in it that were not valid inputs count as processed too); `logEnd`, the partition's end offset
   * when it was fetched. Returns the rows to emit. Once `holdBackAt` windows are open, a record
   * needing a new window waits unless its partition holds the watermark back: the batch stops there
   * (`stoppedAt`) until other partitions have moved the watermark and closed windows.
   */
  processBatch(partition: number, inputs: AggInput[], processedUpTo: string, logEnd?: string): AggRow[] {
    const part = this.partState(partition);
    if (logEnd !== undefined) {
      const known = this.logEnds.get(partition);
      this.logEnds.set(partition, { partition, earliest: known?.earliest ?? "0", latest: logEnd });
    }
    this.stopped = null;
    const fresh = inputs.filter((r) => part.next === null || compareOffsets(r.offset, part.next) >= 0);
    const hadNew = part.next === null || compareOffsets(processedUpTo, part.next) > 0;
    if (!hadNew) return [];
    this.changed.clear();
    this.finalized.clear();
    let taken = 0;
    for (const r of fresh) {
      if (this.mustWait(partition, part, r)) {
        this.stopped = r.offset;
        break;
      }
      this.add(part, r);
      this.advanceWatermark(partition);
      taken++;
    }
    if (this.stopped !== null && taken === 0) return [];
    this.batchNo++;
    const after = taken ? plusOne(fresh[taken - 1]!.offset) : processedUpTo;
    part.next = this.stopped ?? (compareOffsets(processedUpTo, after) >= 0 ? processedUpTo : after);
    this.advanceWatermark(partition);
    return this.emit();
  }

  snapshot(): WindowTableState {
    return {
      batch: this.batchNo,
      late: this.lateCount,
      watermark: this.wm,
      parts: [...this.parts].sort(([a], [b]) => a - b).map(([p, s]) => [p, s.next, s.maxTs]),
      windows: [...this.windows].sort(([a], [b]) => a - b).map(([start, a]) => [start, a.count, a.sum]),
    };
  }

  private load(s: WindowTableState): void {
    this.batchNo = s.batch;
    this.lateCount = s.late;
    this.wm = s.watermark;
    for (const [p, next, maxTs] of s.parts) this.parts.set(p, { next, maxTs });
    for (const [start, count, sum] of s.windows) this.windows.set(start, { count, sum });
  }

  private partState(partition: number): PartState {
    let s = this.parts.get(partition);
    if (!s) this.parts.set(partition, (s = { next: null, maxTs: null }));
    return s;
  }

  /** No valid record seen, and the log has nothing left to read from where this table stands. */
  private isEmpty(partition: number): boolean {
    const part = this.parts.get(partition);
    if (part?.maxTs != null) return false;
    const end = this.logEnds.get(partition);
    return end !== undefined && compareOffsets(end.latest, part?.next ?? end.earliest) <= 0;
  }

  /** Windows before this end are closed for a record of `part` (see the class comment). */
  private closedFor(part: PartState): number {
    const partWm = part.maxTs === null ? -Infinity : part.maxTs - this.config.watermarkDelayMs;
    // The table watermark never exceeds the watermark of a partition that had records when it moved,
    // so it only matters for a partition that was empty then (those windows are already emitted).
    return Math.max(partWm, this.wm ?? -Infinity);
  }

  private add(part: PartState, r: AggInput): void {
    const closedUpTo = this.closedFor(part);
    let dropped = false;
    for (const start of windowStarts(r.ts, this.config.sizeMs, this.config.slideMs)) {
      if (start + this.config.sizeMs <= closedUpTo) {
        dropped = true;
        continue;
      }
      const acc = this.windows.get(start) ?? { count: 0, sum: 0 };
      acc.count++;
      acc.sum += r.result;
      this.windows.set(start, acc);
      this.changed.add(start);
    }
    if (dropped) this.lateCount++;
    part.maxTs = Math.max(part.maxTs ?? r.ts, r.ts);
  }

  /** The table is full, `r` needs a new window, and `partition` does not hold the watermark back. */
  private mustWait(partition: number, part: PartState, r: AggInput): boolean {
    if (this.windows.size < this.cap) return false;
    const closedUpTo = this.closedFor(part);
    const size = this.config.sizeMs;
    if (!windowStarts(r.ts, size, this.config.slideMs).some((s) => s + size > closedUpTo && !this.windows.has(s))) return false;
    const mine = part.maxTs;
    return mine !== null && this.holding(partition).some((p) => (this.parts.get(p)?.maxTs ?? -Infinity) < mine);
  }

  /** The partitions that hold the table watermark back: owned (and `current`), except empty ones. */
  private holding(current: number): number[] {
    const partitions = this.owned.includes(current) ? this.owned : [...this.owned, current];
    return partitions.filter((p) => !this.isEmpty(p));
  }

  /** Move the watermark if it can, and take the windows it closes out of the table (kept for this batch's rows). */
  private advanceWatermark(current: number): void {
    const maxima = this.holding(current).map((p) => this.parts.get(p)?.maxTs ?? null);
    if (maxima.length === 0 || maxima.includes(null)) return; // a partition not read yet holds it back
    const candidate = Math.min(...(maxima as number[])) - this.config.watermarkDelayMs;
    if (this.wm !== null && candidate <= this.wm) return;
    this.wm = candidate;
    for (const [start, acc] of this.windows) {
      if (start + this.config.sizeMs > candidate) continue;
      this.finalized.set(start, acc);
      this.windows.delete(start);
    }
  }

  /** append: the windows this batch closed; update: those it changed; complete: all held, and those closed one last time. */
  private emit(): AggRow[] {
    const all = new Map([...this.windows, ...this.finalized]);
    const pick: Record<OutputMode, (start: number) => boolean> = {
      append: (start) => this.finalized.has(start),
      update: (start) => this.changed.has(start),
      complete: () => true,
    };
    const { sizeMs, mode } = this.config;
    return [...all]
      .sort(([a], [b]) => a - b)
      .filter(([start]) => pick[mode](start))
      .map(([start, a]) => ({
        strategy: this.strategy,
        windowStart: start,
        windowEnd: start + sizeMs,
        count: a.count,
        avg: a.sum / a.count,
        mode,
        batch: this.batchNo,
      }));
  }
}

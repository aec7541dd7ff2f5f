import { compareOffsets } from "./offsets";

/**
 * Windowed count/average of `result` for ONE strategy (one X_output topic), with Spark Structured
 * Streaming's window, watermark and output-mode semantics, adapted to Kafka partitions:
 *
 * - Windows [start, start + size) with start a multiple of `slide` (aligned to the epoch); a record
 *   belongs to every window containing its event time `ts` (ceil(size/slide) of them when size is a
 *   multiple of slide; exactly one when slide = size, i.e. tumbling).
 * - Partition watermark: the largest `ts` seen in that partition − delay, updated per record.
 *   Table watermark: the smallest partition's largest `ts` − delay, over all partitions of the topic
 *   this instance owns (Flink's min-over-inputs rule), but never more than `idleGapMs` + delay behind
 *   the newest event: a partition that far behind counts as idle and stops holding it back.
 *   Both only move forward.
 * - A record is late when its ts is below its partition's watermark or the table watermark: it is
 *   dropped and counted. Within a partition the order is fixed, so while no partition is idle the
 *   set of dropped records does not depend on how Kafka interleaves partitions (Spark instead takes
 *   the max over all partitions between micro-batches, which would make drops depend on timing).
 * - Windows with end ≤ table watermark are final: emitted in append mode, then evicted in every mode.
 * - Output per batch: append = the windows finalized by it; update = the windows it changed (current
 *   values); complete = every window held (Spark keeps complete-mode state forever; here state must
 *   stay bounded, so the table is the windows not yet evicted, the finalized ones shown one last time).
 */
export type OutputMode = "append" | "update" | "complete";
export const OUTPUT_MODES: readonly OutputMode[] = ["append", "update", "complete"];

export interface WindowAggConfig {
  sizeMs: number;
  slideMs: number;
  watermarkDelayMs: number;
  mode: OutputMode;
  /** A partition whose newest event trails the topic's newest by more than this is idle; default = sizeMs. */
  idleGapMs?: number;
}

export interface AggRow {
  strategy: string;
  windowStart: number;
  windowEnd: number;
  count: number;
  avg: number;
  mode: OutputMode;
  /** This strategy's micro-batch number (1, 2, …): rows of one emission share it. */
  batch: number;
}

export interface AggInput {
  offset: string;
  ts: number;
  result: number;
}

interface Acc {
  count: number;
  sum: number;
}
interface PartState {
  next: string | null;
  maxTs: number | null;
}

/** Everything the table needs to continue exactly where it was (what is checkpointed). */
export interface WindowTableState {
  batch: number;
  late: number;
  watermark: number | null;
  parts: [partition: number, next: string | null, maxTs: number | null][];
  windows: [start: number, count: number, sum: number][];
}

/** Most windows one strategy may hold at once: they must fit Kafka's 4 KB offset metadata. */
export const MAX_OPEN_WINDOWS = 100;

/** Why these settings cannot run, or null. */
export function windowConfigProblem(c: Omit<WindowAggConfig, "mode">): string | null {
  if (!(c.sizeMs > 0 && c.slideMs > 0)) return "window size and slide must be positive";
  if (c.slideMs > c.sizeMs) return `the slide (${c.slideMs} ms) must not exceed the window size (${c.sizeMs} ms)`;
  const open = maxOpenWindows(c);
  if (open > MAX_OPEN_WINDOWS) {
    return `up to ${open} windows per strategy would be open at once (more than ${MAX_OPEN_WINDOWS}, too many to checkpoint in Kafka offset metadata): use a larger slide, a smaller window or a shorter watermark delay`;
  }
  return null;
}

/** Open windows start in (watermark − size, newest]; the watermark trails the newest by ≤ idleGap + delay. */
export function maxOpenWindows(c: Omit<WindowAggConfig, "mode">): number {
  return Math.ceil((c.sizeMs + (c.idleGapMs ?? c.sizeMs) + c.watermarkDelayMs) / c.slideMs) + 1;
}

/** Starts of the windows containing `ts`, oldest first. */
export function windowStarts(ts: number, sizeMs: number, slideMs: number): number[] {
  const last = ts - (((ts % slideMs) + slideMs) % slideMs);
  const starts: number[] = [];
  for (let s = last; s > ts - sizeMs; s -= slideMs) starts.unshift(s);
  return starts;
}

const plusOne = (offset: string) => (BigInt(offset) + 1n).toString();

export class WindowTable {
  private readonly windows = new Map<number, Acc>();
  private readonly parts = new Map<number, PartState>();
  private readonly idleGapMs: number;
  private owned: number[] = [];
  private batchNo = 0;
  private lateCount = 0;
  private wm: number | null = null;

  constructor(
    readonly strategy: string,
    private readonly config: WindowAggConfig,
    restored?: WindowTableState | null,
  ) {
    this.idleGapMs = config.idleGapMs ?? config.sizeMs;
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

  /** Next offset of `partition` not yet in the state (records below it are skipped), or null. */
  nextOffset(partition: number): string | null {
    return this.parts.get(partition)?.next ?? null;
  }

  /**
   * One micro-batch from one partition. `processedUpTo` is the offset after the batch (records
   * in it that were not valid inputs count as processed too). Returns the rows to emit.
   */
  processBatch(partition: number, inputs: AggInput[], processedUpTo: string): AggRow[] {
    const part = this.partState(partition);
    const fresh = inputs.filter((r) => part.next === null || compareOffsets(r.offset, part.next) >= 0);
    const hadNew = part.next === null || compareOffsets(processedUpTo, part.next) > 0;
    if (!hadNew) return [];
    this.batchNo++;
    const changed = new Set<number>();
    for (const r of fresh) this.add(part, r, changed);
    part.next = maxOffset(processedUpTo, fresh.length ? plusOne(fresh[fresh.length - 1]!.offset) : processedUpTo);
    this.advanceWatermark(partition);
    return this.emit(changed);
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

  private add(part: PartState, r: AggInput, changed: Set<number>): void {
    const partWm = part.maxTs === null ? -Infinity : part.maxTs - this.config.watermarkDelayMs;
    if (r.ts < Math.max(partWm, this.wm ?? -Infinity)) {
      this.lateCount++;
      return;
    }
    part.maxTs = Math.max(part.maxTs ?? r.ts, r.ts);
    for (const start of windowStarts(r.ts, this.config.sizeMs, this.config.slideMs)) {
      const acc = this.windows.get(start) ?? { count: 0, sum: 0 };
      acc.count++;
      acc.sum += r.result;
      this.windows.set(start, acc);
      changed.add(start);
    }
  }

  private advanceWatermark(current: number): void {
    const partitions = this.owned.includes(current) ? this.owned : [...this.owned, current];
    const maxima = partitions.map((p) => this.parts.get(p)?.maxTs ?? null);
    const seen = maxima.filter((m): m is number => m !== null);
    if (seen.length === 0) return;
    const newest = Math.max(...seen);
    const slowest = seen.length < maxima.length ? -Infinity : Math.min(...seen);
    const candidate = Math.max(slowest, newest - this.idleGapMs) - this.config.watermarkDelayMs;
    this.wm = Math.max(this.wm ?? -Infinity, candidate);
  }

  private emit(changed: Set<number>): AggRow[] {
    const starts = [...this.windows.keys()].sort((a, b) => a - b);
    const isFinal = (start: number) => this.wm !== null && start + this.config.sizeMs <= this.wm;
    const pick: Record<OutputMode, (start: number) => boolean> = {
      append: isFinal,
      update: (start) => changed.has(start),
      complete: () => true,
    };
    const rows = starts.filter(pick[this.config.mode]).map((start) => this.row(start));
    for (const start of starts) if (isFinal(start)) this.windows.delete(start);
    return rows;
  }

  private row(start: number): AggRow {
    const acc = this.windows.get(start)!;
    return {
      strategy: this.strategy,
      windowStart: start,
      windowEnd: start + this.config.sizeMs,
      count: acc.count,
      avg: acc.sum / acc.count,
      mode: this.config.mode,
      batch: this.batchNo,
    };
  }
}

function maxOffset(a: string, b: string): string {
  return compareOffsets(a, b) >= 0 ? a : b;
}

import { build, type Histogram } from "hdr-histogram-js";

type Clock = () => number;

/** Matches `LatencySummary` in the API contract. */
export interface LatencySummaryMs {
  p50: number;
  p99: number;
  max: number;
}

/**
 * Events per second over a sliding window (default 5 s), kept in fixed time buckets so
 * marking is O(1) and memory is constant whatever the rate.
 */
export class RateMeter {
  private readonly bucketMs: number;
  private readonly counts: Float64Array;
  private readonly ids: Float64Array;
  private readonly startedAt: number;
  private totalCount = 0;

  constructor(
    private readonly clock: Clock = Date.now,
    private readonly windowMs = 5000,
    buckets = 20,
  ) {
    this.bucketMs = Math.max(1, Math.floor(windowMs / buckets));
    this.counts = new Float64Array(buckets);
    this.ids = new Float64Array(buckets).fill(-Infinity);
    this.startedAt = clock();
  }

  /** Counts `n` events now. */
  mark(n = 1): void {
    if (!(n > 0)) return;
    this.totalCount += n;
    const id = Math.floor(this.clock() / this.bucketMs);
    const slot = this.slotOf(id);
    if (this.ids[slot] !== id) {
      this.ids[slot] = id;
      this.counts[slot] = 0;
    }
    this.counts[slot]! += n;
  }

  /** Events per second over the window (or since creation, if younger; never over less than 1 s). */
  perSecond(): number {
    const now = this.clock();
    const current = Math.floor(now / this.bucketMs);
    const oldest = current - this.counts.length + 1;
    let sum = 0;
    for (let i = 0; i < this.counts.length; i++) {
      const id = this.ids[i]!;
      if (id >= oldest && id <= current) sum += this.counts[i]!;
    }
    const span = Math.min(now - oldest * this.bucketMs, now - this.startedAt);
    return (sum * 1000) / Math.max(1000, span);
  }

  /** Every event ever marked. */
  get total(): number {
    return this.totalCount;
  }

  get window(): number {
    return this.windowMs;
  }

  private slotOf(id: number): number {
    const n = this.counts.length;
    return ((id % n) + n) % n;
  }
}

/** Latency percentiles in milliseconds, recorded at microsecond resolution in an HDR histogram. */
export class LatencyRecorder {
  private readonly histogram: Histogram = build({ numberOfSignificantValueDigits: 3, autoResize: true });
  private maxMs = 0;

  /** Records one latency; negative or non-finite values (clock skew) count as 0. */
  record(ms: number): void {
    const v = Number.isFinite(ms) && ms > 0 ? ms : 0;
    this.histogram.recordValue(Math.round(v * 1000));
    if (v > this.maxMs) this.maxMs = v;
  }

  get count(): number {
    return this.histogram.totalCount;
  }

  /** p50, p99 and max in ms, or null if nothing was recorded since the last reset. */
  summary(): LatencySummaryMs | null {
    if (this.histogram.totalCount === 0) return null;
    const at = (p: number) => Math.min(this.maxMs, this.histogram.getValueAtPercentile(p) / 1000);
    return { p50: at(50), p99: at(99), max: this.maxMs };
  }

  reset(): void {
    this.histogram.reset();
    this.maxMs = 0;
  }
}

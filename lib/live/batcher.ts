import { sampleEvenly, SummaryAccumulator, type Summary } from "./sample";

export interface Flushed<T> {
  total: number;
  sampled: boolean;
  items: T[];
  summary: Summary | null;
  intervalMs: number;
}

/**
 * Collects what a view would be sent during one interval and hands back at most
 * `perSecond × interval` of it, spread evenly. Memory stays bounded however fast
 * records arrive: beyond `reservoir` only the count and summary grow.
 */
export class ViewBatcher<T> {
  private items: T[] = [];
  /** Items that must reach the view even when the rest is sampled (a learner's injected record). */
  private kept: T[] = [];
  private total = 0;
  private summary = new SummaryAccumulator();
  private stride = 1;
  private since: number;

  constructor(
    private readonly perSecond: number,
    now: number,
    private readonly reservoir = 2_000,
  ) {
    this.since = now;
  }

  add(item: T, num: number | null = null, keep = false): void {
    if (keep && this.kept.length < KEPT_PER_FLUSH) this.kept.push(item);
    this.total++;
    if (num !== null) this.summary.add(num);
    if ((this.total - 1) % this.stride !== 0) return;
    this.items.push(item);
    if (this.items.length >= this.reservoir) {
      // Halve what is kept and take every other item from now on: still ordered and evenly spread.
      this.items = this.items.filter((_, i) => i % 2 === 0);
      this.stride *= 2;
    }
  }

  get pending(): number {
    return this.total;
  }

  flush(now: number): Flushed<T> {
    const intervalMs = Math.max(1, now - this.since);
    const limit = Math.max(1, Math.floor((this.perSecond * intervalMs) / 1000));
    const sampled = this.total > limit;
    const out: Flushed<T> = {
      total: this.total,
      sampled,
      items: sampled ? withKept(sampleEvenly(this.items, limit), this.kept) : this.items,
      summary: this.summary.result(),
      intervalMs,
    };
    this.items = [];
    this.kept = [];
    this.total = 0;
    this.stride = 1;
    this.summary = new SummaryAccumulator();
    this.since = now;
    return out;
  }
}

/** At most this many kept items per flush, beyond the sampling limit. */
const KEPT_PER_FLUSH = 20;

/** The sample, plus every kept item sampling left out (kept items were added like any other). */
function withKept<T>(sample: T[], kept: readonly T[]): T[] {
  if (kept.length === 0) return sample;
  const inSample = new Set(sample);
  return [...sample, ...kept.filter((k) => !inSample.has(k))];
}

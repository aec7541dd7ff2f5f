import { NORMAL_RATE_MAX, SETTINGS_LIMITS } from "@/lib/contract/api";

/** How long a worker's lag must keep rising before the dashboard warns. */
export const BACKLOG_WINDOW_MS = 30_000;
/** A lag at least this many records, or this many seconds of the worker's own throughput, is a backlog. */
export const BACKLOG_MIN_RECORDS = 10_000;
export const BACKLOG_MIN_SECONDS = 60;

export interface BacklogVerdict {
  growing: boolean;
  lag: number;
  /** Lag divided by what the worker reads per second (null when it reads nothing). */
  secondsBehind: number | null;
}

/**
 * Watches one worker's total lag over time. The backlog grows when the lag has risen for the whole
 * window (no sample since the window's start fell back to where it was) and is large: then the
 * producers write faster than the worker reads, and the lag will only grow, with the disk.
 */
export class BacklogWatch {
  private samples: { at: number; lag: number }[] = [];
  private inPerSec = 0;

  constructor(
    private readonly clock: () => number,
    private readonly windowMs = BACKLOG_WINDOW_MS,
  ) {}

  observe(lag: number, inPerSec: number): void {
    const now = this.clock();
    this.samples.push({ at: now, lag });
    this.inPerSec = inPerSec;
    // Keep one sample from before the window: it is the baseline the rise is measured from.
    while (this.samples.length > 2 && this.samples[1]!.at <= now - this.windowMs) this.samples.shift();
  }

  /** Forget the history, e.g. when the worker stopped: a restarted worker starts a new window. */
  reset(): void {
    this.samples = [];
  }

  verdict(): BacklogVerdict {
    const latest = this.samples.at(-1);
    if (!latest) return { growing: false, lag: 0, secondsBehind: null };
    const secondsBehind = this.inPerSec > 0 ? latest.lag / this.inPerSec : null;
    const base = this.samples[0]!;
    const coversWindow = base.at <= this.clock() - this.windowMs;
    const rising = latest.lag > base.lag && this.samples.slice(1).every((s) => s.lag > base.lag);
    const large = latest.lag >= BACKLOG_MIN_RECORDS || (secondsBehind !== null && secondsBehind >= BACKLOG_MIN_SECONDS);
    return { growing: coversWindow && rising && large, lag: latest.lag, secondsBehind };
  }
}

/**
 * A per-producer rate the worker keeps up with: what it reads per second now, shared over the input
 * topics it reads (each fed by one producer at the set rate), with a fifth spare, rounded down to two
 * significant digits, and always below the current rate.
 */
export function sustainableRate(inPerSec: number, inputs: number, currentRate: number): number {
  const { min } = SETTINGS_LIMITS.ratePerSecond;
  const fromThroughput = inPerSec > 0 ? (0.8 * inPerSec) / Math.max(1, inputs) : currentRate / 2;
  const target = Math.min(fromThroughput, currentRate * 0.9, NORMAL_RATE_MAX);
  if (target <= min) return min;
  const step = 10 ** Math.max(Math.floor(Math.log10(target)) - 1, -1);
  return Math.max(min, Math.round(Math.floor(target / step) * step * 10) / 10);
}

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
 * Watches one worker's total lag over time. The backlog grows when, over the whole window, the lag's
 * floor rose (its lowest value in the last third of the window is above its lowest in the first
 * third) and the lag is large: then the producers write faster than the worker reads, and the lag
 * will only grow, with the disk. Floors, not single samples, because a worker's lag swings while it
 * works through batches and pauses one input to let the other catch up (the join).
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
    // Keep one sample from before the window: it shows the window is covered.
    while (this.samples.length > 2 && this.samples[1]!.at <= now - this.windowMs) this.samples.shift();
  }

  /** Forget the history, e.g. when the worker stopped: a restarted worker starts a new window. */
  reset(): void {
    this.samples = [];
  }

  verdict(): BacklogVerdict {
    const latest = this.samples.at(-1);
    if (!latest) return { growing: false, lag: 0, secondsBehind: null };
    const now = this.clock();
    const secondsBehind = this.inPerSec > 0 ? latest.lag / this.inPerSec : null;
    const coversWindow = this.samples[0]!.at <= now - this.windowMs;
    const third = this.windowMs / 3;
    const lagsBetween = (from: number, to: number) => this.samples.filter((s) => s.at >= from && s.at <= to).map((s) => s.lag);
    const early = lagsBetween(now - this.windowMs - 1, now - this.windowMs + third);
    const late = lagsBetween(now - third, now);
    const rising = early.length > 0 && late.length > 0 && Math.min(...early) < Math.min(...late);
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

/** The window settings of the aggregation and what follows from them, without state: see window-agg.ts. */
export type OutputMode = "append" | "update" | "complete";
export const OUTPUT_MODES: readonly OutputMode[] = ["append", "update", "complete"];

export interface WindowAggConfig {
  sizeMs: number;
  slideMs: number;
  watermarkDelayMs: number;
  mode: OutputMode;
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

/**
 * Open windows start in (watermark − size, newest]. The watermark trails the newest event by the delay
 * plus how far partitions drift apart; the worker pauses partitions more than `maxPartitionSkewMs`
 * ahead of the slowest one that still has a backlog, so that drift stays about that small.
 */
export function maxOpenWindows(c: Omit<WindowAggConfig, "mode">): number {
  return Math.ceil((c.sizeMs + maxPartitionSkewMs(c) + c.watermarkDelayMs) / c.slideMs) + 1;
}

/** How far ahead (in event time) of the slowest partition with a backlog a partition may read: one window. */
export const maxPartitionSkewMs = (c: Pick<WindowAggConfig, "sizeMs">) => c.sizeMs;

/** How far one partition's log reaches (what the broker says), to tell an empty partition from one behind. */
export interface LogEnd {
  partition: number;
  earliest: string;
  latest: string;
}

/** Starts of the windows containing `ts`, oldest first. */
export function windowStarts(ts: number, sizeMs: number, slideMs: number): number[] {
  const last = ts - (((ts % slideMs) + slideMs) % slideMs);
  const starts: number[] = [];
  for (let s = last; s > ts - sizeMs; s -= slideMs) starts.unshift(s);
  return starts;
}

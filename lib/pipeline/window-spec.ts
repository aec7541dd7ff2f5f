/** The window settings of the aggregation and what follows from them, without state: see window-agg.ts. */
export type OutputMode = "append" | "update" | "complete";
export const OUTPUT_MODES: readonly OutputMode[] = ["append", "update", "complete"];

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

/** Everything the table needs to continue exactly where it was (what is checkpointed). */
export interface WindowTableState {
  batch: number;
  late: number;
  watermark: number | null;
  parts: [partition: number, next: string | null, maxTs: number | null][];
  windows: [start: number, count: number, sum: number][];
}

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
 * Most windows open at once in steady state: open windows start in (watermark − size, newest], and the
 * watermark trails the newest event by the delay plus how far partitions drift apart in event time,
 * allowed for here up to one window. The settings must keep this within MAX_OPEN_WINDOWS.
 */
export function maxOpenWindows(c: Omit<WindowAggConfig, "mode">): number {
  return Math.ceil((c.sizeMs + c.sizeMs + c.watermarkDelayMs) / c.slideMs) + 1;
}

/**
 * Windows a table holds before a partition ahead of the one holding the watermark back must wait
 * (a backlog read one partition at a time). The one holding it back may still open about
 * `maxOpenWindows` more, so both together stay within MAX_OPEN_WINDOWS.
 */
export function holdBackAt(c: Omit<WindowAggConfig, "mode">): number {
  return Math.max(maxOpenWindows(c), MAX_OPEN_WINDOWS - maxOpenWindows(c));
}

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

import { z } from "zod";
import type { TailRecord } from "../contract/socket";

/**
 * Exercise 7's output (seed 003's dashboard): one record per gender per window, its latest value
 * the window's count. `gender` is user_log's code: 0 female, 1 male, 2 unknown.
 */
export const GenderCount = z.object({
  windowStart: z.number().int(),
  gender: z.coerce.number().int().min(0).max(2),
  count: z.number().int().min(0),
});
export type GenderCount = z.infer<typeof GenderCount>;

export const GENDER_SERIES = ["female", "male", "unknown"] as const;
export type GenderSeries = (typeof GENDER_SERIES)[number];

/** One point of the chart: a window's start and its count per gender (0 until that gender's count came). */
export type GenderWindowPoint = { t: number } & Record<GenderSeries, number>;

/** Windows the chart keeps: the newest, about a year of days. */
export const MAX_WINDOWS = 400;

function parse(value: string | null): GenderCount | null {
  if (value === null) return null;
  try {
    const parsed = GenderCount.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Folds output records into counts per window: a later record for the same window and gender replaces
 * the earlier one (a window emitted again with a new count, in update mode); a record that is not a
 * gender count is ignored. Points sorted by window start, at most MAX_WINDOWS (the newest).
 */
export function foldGenderCounts(points: readonly GenderWindowPoint[], records: readonly Pick<TailRecord, "value">[]): GenderWindowPoint[] {
  const byStart = new Map(points.map((p) => [p.t, p]));
  let changed = false;
  for (const r of records) {
    const c = parse(r.value);
    if (!c) continue;
    const prev = byStart.get(c.windowStart) ?? { t: c.windowStart, female: 0, male: 0, unknown: 0 };
    byStart.set(c.windowStart, { ...prev, [GENDER_SERIES[c.gender]!]: c.count });
    changed = true;
  }
  if (!changed) return points as GenderWindowPoint[];
  return [...byStart.values()].sort((a, b) => a.t - b.t).slice(-MAX_WINDOWS);
}

const DAY = 86_400_000;

/** A window start as its day, `MM-DD` (UTC): the user_log's windows are days. */
export const dayLabel = (ms: number): string => new Date(ms).toISOString().slice(5, 10);

/** At most `max` ticks on whole days across the points' windows, evenly spaced. */
export function dayTicks(points: readonly GenderWindowPoint[], max = 8): number[] {
  if (points.length === 0) return [];
  const first = points[0]!.t;
  const last = points[points.length - 1]!.t;
  const days = Math.round((last - first) / DAY);
  const step = Math.max(1, Math.ceil(days / Math.max(1, max - 1)));
  return Array.from({ length: Math.floor(days / step) + 1 }, (_, i) => first + i * step * DAY);
}

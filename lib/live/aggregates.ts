import { z } from "zod";
import { AGG_OUTPUT_MODES } from "@/lib/contract/api";

/** One row of the `aggregates` topic: a window's count and average for one strategy. */
export const AggRowSchema = z.object({
  strategy: z.string().min(1),
  windowStart: z.number(),
  windowEnd: z.number(),
  count: z.number().int().nonnegative(),
  avg: z.number(),
  mode: z.enum(AGG_OUTPUT_MODES),
  batch: z.number().int().nonnegative(),
});
export type AggRow = z.infer<typeof AggRowSchema>;
export type AggMode = AggRow["mode"];

/** Rows the worker emitted together: same strategy, batch number and mode. */
export interface Emission {
  id: string;
  strategy: string;
  batch: number;
  mode: AggMode;
  /** When the page first saw it (ms). */
  at: number;
  /** Oldest window first. */
  rows: AggRow[];
}

/** Newest emissions kept by the live table. */
export const MAX_EMISSIONS = 40;

/** A record value as text → a row, or null when it is not one. */
export function parseAggRow(text: string | null): AggRow | null {
  if (text === null) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = AggRowSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export const emissionId = (r: Pick<AggRow, "strategy" | "batch" | "mode">) => `${r.strategy}:${r.mode}:${r.batch}`;

const byWindow = (a: AggRow, b: AggRow) => a.windowStart - b.windowStart || a.windowEnd - b.windowEnd;

/**
 * Adds rows (in arrival order) to the emissions (newest first): rows of an emission already held
 * join it (one emission may arrive in several feed batches), others start a new emission on top.
 * Keeps at most `max` emissions, dropping the oldest.
 */
export function addRows(prev: readonly Emission[], rows: readonly AggRow[], at: number, max = MAX_EMISSIONS): Emission[] {
  if (rows.length === 0) return prev as Emission[];
  const next = [...prev];
  for (const row of rows) {
    const id = emissionId(row);
    const i = next.findIndex((e) => e.id === id);
    if (i >= 0) {
      const e = next[i] as Emission;
      const rest = e.rows.filter((r) => r.windowStart !== row.windowStart || r.windowEnd !== row.windowEnd);
      next[i] = { ...e, rows: [...rest, row].sort(byWindow) };
    } else {
      next.unshift({ id, strategy: row.strategy, batch: row.batch, mode: row.mode, at, rows: [row] });
    }
  }
  return next.slice(0, max);
}

/** Output modes the page has seen rows of. */
export const modesSeen = (emissions: readonly Emission[]): AggMode[] => AGG_OUTPUT_MODES.filter((m) => emissions.some((e) => e.mode === m));

export type AvgPoint = { t: number } & Partial<Record<string, number>>;

/**
 * The newest average per window and strategy, one point per window start (oldest first):
 * what the chart draws. Emissions are newest first, so the first value seen wins.
 */
export function avgByWindow(emissions: readonly Emission[], maxPoints = 60): AvgPoint[] {
  const points = new Map<number, AvgPoint>();
  for (const e of emissions) {
    for (const r of e.rows) {
      let p = points.get(r.windowStart);
      if (!p) points.set(r.windowStart, (p = { t: r.windowStart }));
      if (p[r.strategy] === undefined) p[r.strategy] = r.avg;
    }
  }
  const sorted = [...points.values()].sort((a, b) => a.t - b.t);
  return sorted.slice(Math.max(0, sorted.length - maxPoints));
}

/** Strategies present in the emissions, sorted. */
export const strategiesOf = (emissions: readonly Emission[]): string[] => [...new Set(emissions.map((e) => e.strategy))].sort();

/** What the aggregation still needs running to receive records: a producer, the transform, itself. Empty when all run. */
export function aggregationNeeds(components: readonly { name: string; kind: string; status: string }[]): string[] {
  const running = (n: string) => components.some((c) => c.name === n && c.status === "running");
  const needs: string[] = [];
  if (!components.some((c) => c.kind === "producer" && c.status === "running")) needs.push("producer-A");
  if (!running("strategy")) needs.push("strategy");
  if (!running("aggregate")) needs.push("aggregate");
  return needs;
}

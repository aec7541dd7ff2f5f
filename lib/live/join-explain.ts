import type { JoinMatch, JoinSideRecord } from "@/lib/contract/socket";

export type PairVerdict =
  | { kind: "match" }
  | { kind: "other_key" }
  | { kind: "too_early"; byMs: number }
  | { kind: "too_late"; byMs: number }
  | { kind: "late_record"; side: "C" | "D" };

type Side = Pick<JoinSideRecord, "key" | "ts" | "late">;

/** Why a C record and a D record did or did not join, in the order the join decides it. */
export function explainPair(c: Side, d: Side, windowMs: number): PairVerdict {
  if (c.late) return { kind: "late_record", side: "C" };
  if (d.late) return { kind: "late_record", side: "D" };
  if (c.key === null || d.key === null || c.key !== d.key) return { kind: "other_key" };
  if (d.ts < c.ts - windowMs) return { kind: "too_early", byMs: c.ts - windowMs - d.ts };
  if (d.ts > c.ts + windowMs) return { kind: "too_late", byMs: d.ts - (c.ts + windowMs) };
  return { kind: "match" };
}

export const recordId = (r: Pick<JoinSideRecord, "side" | "partition" | "offset">) => `${r.side}:${r.partition}:${r.offset}`;

export interface Link {
  c: JoinSideRecord;
  d: JoinSideRecord;
}

/**
 * Pairs the join emitted, tied back to the C and D records on screen. A match names its
 * inputs only by key, value and time, so that is what we look them up by.
 */
export function linkMatches(records: readonly JoinSideRecord[], matches: readonly JoinMatch[]): Link[] {
  const byIdentity = new Map<string, JoinSideRecord>();
  for (const r of records) byIdentity.set(`${r.side}|${r.key}|${r.val}|${r.ts}`, r);
  const links: Link[] = [];
  for (const m of matches) {
    const c = byIdentity.get(`C|${m.key}|${m.c_val}|${m.c_ts}`);
    const d = byIdentity.get(`D|${m.key}|${m.d_val}|${m.d_ts}`);
    if (c && d) links.push({ c, d });
  }
  return links;
}

/** Records the join still buffers: not late and not yet evictable at this watermark. */
export function inState(r: Pick<JoinSideRecord, "ts" | "late">, windowMs: number, watermark: number | null): boolean {
  if (r.late) return false;
  return watermark === null || r.ts + windowMs >= watermark;
}

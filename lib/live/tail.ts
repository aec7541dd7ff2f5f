import type { TailRecord } from "@/lib/contract/socket";

export const VALUE_TEXT_LIMIT = 300;

/** A record as read from Kafka, with its value already decoded to text (or null). */
export interface RawRecord {
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  timestamp: number;
}

const NUMERIC_FIELDS = ["value", "result", "c_val"] as const;

/** The number worth charting and the event time of a record, whatever topic it came from. */
export function readValue(text: string | null): { num: number | null; eventTs: number | null } {
  if (text === null) return { num: null, eventTs: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { num: null, eventTs: null };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return { num: null, eventTs: null };
  const obj = parsed as Record<string, unknown>;
  let num: number | null = null;
  for (const f of NUMERIC_FIELDS) {
    const v = obj[f];
    if (typeof v === "number" && Number.isFinite(v)) {
      num = v;
      break;
    }
  }
  const ts = obj.ts;
  return { num, eventTs: typeof ts === "number" && Number.isFinite(ts) ? ts : null };
}

export function toTailRecord(r: RawRecord): TailRecord {
  const { num, eventTs } = readValue(r.value);
  const value = r.value !== null && r.value.length > VALUE_TEXT_LIMIT ? `${r.value.slice(0, VALUE_TEXT_LIMIT)}…` : r.value;
  return { partition: r.partition, offset: r.offset, key: r.key, value, num, eventTs, timestamp: r.timestamp };
}

/** Lag of a consumer group on one partition: how many records it has yet to commit. */
export function partitionLag(latest: string, committed: string | null): number | null {
  if (committed === null || committed.startsWith("-")) return null;
  const lag = Number(BigInt(latest) - BigInt(committed));
  return lag < 0 ? 0 : lag;
}

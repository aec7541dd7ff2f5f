import type { ColumnMapping, RowProblem, TimeMapping } from "../contract/datasets";
import { TS_MIN } from "../contract/records";
import type { Fields } from "./rows";

/** 2100-01-01T00:00:00Z: a later event time is a mistake in the file (or the unit), not data. */
export const TS_MAX = 4102444800000;
/** Longest key a replayed record may have. */
export const MAX_KEY_CHARS = 256;

export type MappedRow = { ok: true; key: string; ts: number | null; value: string } | { ok: false; problem: RowProblem };

const text = (v: unknown): string => (v === undefined || v === null ? "" : typeof v === "object" ? JSON.stringify(v) : String(v).trim());

const wholeNumber = (v: unknown): number | null => {
  const s = text(v);
  return /^-?\d{1,16}(\.\d+)?$/.test(s) ? Math.floor(Number(s)) : null;
};

/** The event time a row carries under `time`, or why it has none (null for kind "none": stamped when sent). */
export function eventTimeOf(fields: Fields, time: TimeMapping): { ts: number | null } | { error: string } {
  if (time.kind === "none") return { ts: null };
  if (time.kind === "monthDay") {
    const month = wholeNumber(fields[time.month]);
    const day = wholeNumber(fields[time.day]);
    if (month === null || day === null)
      return { error: `${time.month}/${time.day} are not numbers: "${text(fields[time.month])}", "${text(fields[time.day])}"` };
    const ts = Date.UTC(time.year, month - 1, day);
    const d = new Date(ts);
    if (month < 1 || month > 12 || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return { error: `no day ${day} in month ${month}` };
    return { ts };
  }
  const raw = fields[time.column];
  let ts: number | null;
  if (time.unit === "iso") {
    const s = text(raw);
    ts = /^\d{4}-\d{2}-\d{2}/.test(s) ? Date.parse(s) : NaN;
    if (Number.isNaN(ts)) return { error: `${time.column} is not an ISO date-time: "${s}"` };
  } else {
    const n = wholeNumber(raw);
    if (n === null) return { error: `${time.column} is not a number: "${text(raw)}"` };
    ts = time.unit === "s" ? n * 1000 : n;
  }
  if (ts < TS_MIN || ts > TS_MAX) return { error: `${time.column} is outside 2000–2100 (${ts} ms since 1970): check its unit` };
  return { ts };
}

/** A row as the record to write: its key and event time from the mapped columns, its value the whole row as JSON. */
export function mapRow(line: number, fields: Fields, mapping: ColumnMapping): MappedRow {
  const key = text(fields[mapping.key]);
  if (key === "") return { ok: false, problem: { line, reason: "missing_key", error: `no value in the key column ${mapping.key}` } };
  if (key.length > MAX_KEY_CHARS) return { ok: false, problem: { line, reason: "too_large", error: `the key is longer than ${MAX_KEY_CHARS} characters` } };
  const time = eventTimeOf(fields, mapping.time);
  if ("error" in time) return { ok: false, problem: { line, reason: "bad_time", error: time.error } };
  return { ok: true, key, ts: time.ts, value: JSON.stringify(fields) };
}

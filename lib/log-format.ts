/** pino's numeric levels by name. */
export const LEVEL_NAMES: Record<number, string> = { 10: "trace", 20: "debug", 30: "info", 40: "warn", 50: "error", 60: "fatal" };

/** Bookkeeping fields every pino line has: shown in their own places or not at all. */
const OMIT = new Set(["level", "time", "msg", "pid", "hostname", "name", "v"]);
const MAX_FIELDS = 6;
const MAX_VALUE = 120;

export interface FormatOptions {
  /** Print an error's stack on the lines after (LOG_LEVEL=debug); otherwise only its message. */
  stack?: boolean;
  /** The time column; default local HH:MM:SS. */
  clock?: (ms: number) => string;
}

const localClock = (ms: number) => new Date(ms).toTimeString().slice(0, 8);

type ErrorLike = { message: string; stack?: string; type?: string };
const isErrorLike = (v: unknown): v is ErrorLike => typeof v === "object" && v !== null && typeof (v as ErrorLike).message === "string";

const clip = (s: string) => (s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE - 1)}…` : s);

/** One field as key=value; strings with spaces are quoted so the line stays readable and splittable. */
function formatValue(value: unknown): string {
  if (isErrorLike(value)) return JSON.stringify(clip(value.message));
  if (typeof value === "string") return /[\s="]/.test(value) || value === "" ? JSON.stringify(clip(value)) : clip(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return clip(JSON.stringify(value) ?? String(value));
}

/** The key=value part of a pino record: a few fields, errors by message only. */
export function formatFields(record: Record<string, unknown>): string {
  // A null field ("error=null" beside "broker connected") says nothing a person needs.
  const entries = Object.entries(record).filter(([k, v]) => !OMIT.has(k) && v !== undefined && v !== null);
  const shown = entries.slice(0, MAX_FIELDS).map(([k, v]) => `${k}=${formatValue(v)}`);
  if (entries.length > MAX_FIELDS) shown.push(`(+${entries.length - MAX_FIELDS} more)`);
  return shown.join(" ");
}

/**
 * One pino JSON record as a human-readable terminal line: time, level, component, message, fields.
 * E.g. `14:02:11 WARN  lab  could not create topics yet err="connect ECONNREFUSED 127.0.0.1:9092"`.
 */
export function formatRecord(record: Record<string, unknown>, opts: FormatOptions = {}): string {
  const time = typeof record.time === "number" ? record.time : Date.now();
  const level = (typeof record.level === "number" ? (LEVEL_NAMES[record.level] ?? "info") : String(record.level ?? "info")).toUpperCase();
  const name = typeof record.name === "string" ? `${record.name}  ` : "";
  const msg = typeof record.msg === "string" ? record.msg : "";
  const fields = formatFields(record);
  const line = `${(opts.clock ?? localClock)(time)} ${level.padEnd(5)} ${name}${[msg, fields].filter(Boolean).join(" ")}`;
  const stack = opts.stack && isErrorLike(record.err) ? record.err.stack : undefined;
  return stack ? `${line}\n${stack.replace(/^/gm, "    ")}` : line;
}

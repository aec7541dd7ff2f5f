import { DEFAULT_DATASET_TOPIC, StartReplay, type DatasetInfo } from "../contract/datasets";
import { SAMPLE_YEAR } from "./sample";

/** The replay form as typed: text fields stay text until Start, where they are checked. */
export interface ReplayForm {
  key: string;
  timeKind: "column" | "monthDay" | "none";
  timeColumn: string;
  unit: "ms" | "s" | "iso";
  month: string;
  day: string;
  year: string;
  paceKind: "rate" | "speed";
  rate: string;
  speed: string;
  topic: string;
}

const TIME_NAMES = /^(ts|time|timestamp|event_?time|eventtime|created_?at|date_?time)$/i;

/** Guess a time column's unit from its first value: an ISO date, epoch seconds (10 digits) or ms. */
function unitOf(sample: string | undefined): ReplayForm["unit"] {
  if (sample && /^\d{4}-\d{2}-\d{2}/.test(sample)) return "iso";
  return sample && /^\d{9,10}(\.\d+)?$/.test(sample) ? "s" : "ms";
}

/** A first mapping for a dataset: user_log's user_id and month + day, else a column named like a time, else none. */
export function formFor(info: DatasetInfo): ReplayForm {
  const has = (c: string) => info.columns.includes(c);
  const timeColumn = info.columns.find((c) => TIME_NAMES.test(c)) ?? "";
  const timeKind = has("month") && has("day") ? "monthDay" : timeColumn ? "column" : "none";
  return {
    key: has("user_id") ? "user_id" : (info.columns[0] ?? ""),
    timeKind,
    timeColumn: timeColumn || (info.columns[0] ?? ""),
    unit: unitOf(info.preview[0]?.[timeColumn]),
    month: has("month") ? "month" : (info.columns[0] ?? ""),
    day: has("day") ? "day" : (info.columns[0] ?? ""),
    year: String(SAMPLE_YEAR),
    // A day of user_log a second; a plain 100 records/s without event times.
    paceKind: timeKind === "none" ? "rate" : "speed",
    rate: "100",
    speed: "86400",
    topic: DEFAULT_DATASET_TOPIC,
  };
}

/** The start request for the form, or the first problem (the field and the schema's message). */
export function startOf(dataset: string, f: ReplayForm): { ok: true; start: StartReplay } | { ok: false; field: string; error: string } {
  const time =
    f.timeKind === "column"
      ? { kind: f.timeKind, column: f.timeColumn, unit: f.unit }
      : f.timeKind === "monthDay"
        ? { kind: f.timeKind, month: f.month, day: f.day, year: Number(f.year) }
        : { kind: f.timeKind };
  const pace = f.paceKind === "rate" ? { kind: f.paceKind, recordsPerSecond: Number(f.rate) } : { kind: f.paceKind, factor: Number(f.speed) };
  const parsed = StartReplay.safeParse({ dataset, mapping: { key: f.key, time }, pace, topic: f.topic.trim() });
  if (parsed.success) return { ok: true, start: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, field: issue.path.join("."), error: issue.message };
}

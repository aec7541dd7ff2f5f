import type { DatasetFormat } from "../contract/datasets";
import { createRowReader, csvHeader } from "./rows";

/** Rows shown to help choose the columns, and rows checked before an upload is accepted. */
export const PREVIEW_ROWS = 5;
const CHECKED_ROWS = 50;

export type Inspection =
  { ok: true; format: DatasetFormat; columns: string[]; preview: Record<string, string>[] } | { ok: false; status: 400 | 415; error: string };

const HOW = "upload a CSV file with a header line, or JSON lines (one JSON object per line), as UTF-8 text";
const refuse = (status: 400 | 415, error: string): Inspection => ({ ok: false, status, error });

const CSV_TYPES = new Set(["text/csv", "application/csv", "text/comma-separated-values", "application/vnd.ms-excel"]);
const JSONL_TYPES = new Set([
  "application/x-ndjson",
  "application/ndjson",
  "application/jsonl",
  "application/x-jsonlines",
  "application/json-lines",
  "application/json",
]);
/** Types that say nothing about the content: the file's name or first line decides. */
const VAGUE_TYPES = new Set(["", "text/plain", "application/octet-stream"]);

/** The format a client declared (Content-Type, then the file name's extension), or null to look at the content. */
function declaredFormat(contentType: string | null, name: string | null): DatasetFormat | null | { unsupported: string } {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (CSV_TYPES.has(type)) return "csv";
  if (JSONL_TYPES.has(type)) return "jsonl";
  if (!VAGUE_TYPES.has(type)) return { unsupported: type };
  const ext = (name ?? "").toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (ext === "csv") return "csv";
  if (ext === "jsonl" || ext === "ndjson" || ext === "json") return "jsonl";
  return null;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Checks an uploaded file before it is stored: UTF-8 text, a CSV with a usable header or JSON
 * lines, and its first rows readable. 415 for what is not such a file at all, 400 for one that is
 * meant to be but is broken, each with a message saying what to upload instead.
 */
export function inspectDataset(bytes: Uint8Array, contentType: string | null, name: string | null): Inspection {
  const declared = declaredFormat(contentType, name);
  if (declared && typeof declared === "object") return refuse(415, `${declared.unsupported} is not a dataset: ${HOW}`);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return refuse(415, `the file is not UTF-8 text: ${HOW}`);
  }
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const first = lines.findIndex((l) => l.trim() !== "");
  if (first === -1) return refuse(400, `the file is empty: ${HOW}`);
  const format = declared ?? (lines[first]!.trimStart().startsWith("{") ? "jsonl" : "csv");
  if (format === "csv" && lines[first]!.trimStart().startsWith("{")) return refuse(400, `the file looks like JSON lines, not a CSV with a header: ${HOW}`);
  if (format === "csv" && first > 0) return refuse(400, "a CSV's first line must be its header");
  if (format === "csv") {
    const header = csvHeader(lines[0]!);
    if ("error" in header) return refuse(400, `${header.error}: ${HOW}`);
  }
  return readFirstRows(lines, format);
}

function readFirstRows(lines: string[], format: DatasetFormat): Inspection {
  const read = createRowReader(format);
  const rows: Record<string, unknown>[] = [];
  const problems: string[] = [];
  for (let i = 0; i < lines.length && rows.length + problems.length < CHECKED_ROWS; i++) {
    const row = read({ line: i + 1, text: lines[i]!, tooLong: false });
    if (row?.kind === "problem") problems.push(`line ${row.problem.line}: ${row.problem.error}`);
    else if (row) rows.push(row.fields);
  }
  // A few bad rows are the replay's to dead-letter; a file mostly of them is not the format it claims.
  if (problems.length > 0 && problems.length >= rows.length) return refuse(400, `${problems[0]!}; ${HOW}`);
  if (rows.length === 0) return refuse(400, "the file has a header but no rows");
  const columns = format === "csv" ? Object.keys(rows[0]!) : [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const preview = rows.slice(0, PREVIEW_ROWS).map((r) => Object.fromEntries(columns.map((c) => [c, shown(r[c])])));
  return { ok: true, format, columns, preview };
}

const shown = (v: unknown): string => (v === undefined || v === null ? "" : typeof v === "object" ? JSON.stringify(v) : String(v));

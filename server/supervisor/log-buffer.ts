import type { LogLine } from "@/lib/contract/api";
import { appendCollapsed } from "@/lib/logs/collapse";
import { formatFields, LEVEL_NAMES } from "@/lib/log-format";

/** Turn one line a worker printed into a LogLine: pino JSON when it is (fields as key=value, errors by message), plain text otherwise. */
export function parseLogLine(raw: string, now: number, stream: "stdout" | "stderr"): LogLine {
  try {
    const obj = JSON.parse(raw) as Record<string, unknown>;
    if (obj && typeof obj === "object" && typeof obj.level === "number") {
      const msg = [typeof obj.msg === "string" ? obj.msg : "", formatFields(obj)].filter(Boolean).join(" ");
      return { at: typeof obj.time === "number" ? obj.time : now, level: LEVEL_NAMES[obj.level] ?? "info", msg: msg.slice(0, 2000) };
    }
  } catch {
    // not JSON: a plain line, e.g. a Node stack trace on stderr
  }
  return { at: now, level: stream === "stderr" ? "error" : "info", msg: raw.slice(0, 2000) };
}

/** The most recent lines of one component, bounded; repeats are collapsed into one line with a count. */
export class LogBuffer {
  private lines: LogLine[] = [];
  constructor(private readonly capacity = 200) {}

  /** Store a line; returns it as stored (with its count when it repeated a recent one). */
  push(line: LogLine): LogLine {
    this.lines = appendCollapsed(this.lines, line, { capacity: this.capacity });
    return this.lines[this.lines.length - 1] ?? line;
  }

  recent(n = this.capacity): LogLine[] {
    return this.lines.slice(-n);
  }

  last(): LogLine | undefined {
    return this.lines[this.lines.length - 1];
  }
}

/** Split a stream of chunks into lines, keeping a partial line until its end arrives. */
export function lineSplitter(onLine: (line: string) => void) {
  let rest = "";
  return (chunk: Buffer | string) => {
    rest += chunk.toString();
    const parts = rest.split("\n");
    rest = parts.pop() ?? "";
    for (const p of parts) if (p.trim()) onLine(p);
    if (rest.length > 64_000) {
      onLine(rest);
      rest = "";
    }
  };
}

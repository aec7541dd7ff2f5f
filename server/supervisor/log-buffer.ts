import type { LogLine } from "@/lib/contract/api";

const PINO_LEVELS: Record<number, string> = { 10: "trace", 20: "debug", 30: "info", 40: "warn", 50: "error", 60: "fatal" };
const OMIT = new Set(["level", "time", "msg", "pid", "hostname", "name"]);

/** Turn one line a worker printed into a LogLine: pino JSON when it is, plain text otherwise. */
export function parseLogLine(raw: string, now: number, stream: "stdout" | "stderr"): LogLine {
  try {
    const obj = JSON.parse(raw) as Record<string, unknown>;
    if (obj && typeof obj === "object" && typeof obj.level === "number") {
      const extra = Object.entries(obj)
        .filter(([k]) => !OMIT.has(k))
        .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
        .join(" ");
      const msg = [typeof obj.msg === "string" ? obj.msg : "", extra].filter(Boolean).join(" ");
      return { at: typeof obj.time === "number" ? obj.time : now, level: PINO_LEVELS[obj.level] ?? "info", msg: msg.slice(0, 2000) };
    }
  } catch {
    // not JSON: a plain line, e.g. a Node stack trace on stderr
  }
  return { at: now, level: stream === "stderr" ? "error" : "info", msg: raw.slice(0, 2000) };
}

/** The most recent lines of one component, bounded. */
export class LogBuffer {
  private lines: LogLine[] = [];
  constructor(private readonly capacity = 200) {}

  push(line: LogLine): void {
    this.lines.push(line);
    if (this.lines.length > this.capacity) this.lines.splice(0, this.lines.length - this.capacity);
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

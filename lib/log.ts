import pino, { type DestinationStream, type Logger } from "pino";
import { formatRecord } from "./log-format";

export type { Logger };

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** `pretty`: one readable line per record, for a person at a terminal; `json`: pino's JSON lines, for machines. */
export const LOG_FORMATS = ["pretty", "json"] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** At debug and below a person is hunting a problem: errors come with their stack, library chatter is shown. */
export const isVerbose = (level: LogLevel) => level === "debug" || level === "trace";

/** Turns pino's JSON lines into readable ones before they reach the terminal. */
function prettyStream(stack: boolean, out: NodeJS.WritableStream): DestinationStream {
  return {
    write(chunk: string) {
      for (const raw of chunk.split("\n")) {
        if (!raw) continue;
        let text = raw;
        try {
          text = formatRecord(JSON.parse(raw) as Record<string, unknown>, { stack });
        } catch {
          // not JSON (should not happen with pino): print it as it is
        }
        out.write(`${text}\n`);
      }
    },
  };
}

/**
 * One logger per process; `name` says which component wrote a line. Workers keep the default JSON: the
 * supervisor reads their lines into the dashboard's log drawer. The server prints `pretty` unless LOG_FORMAT=json.
 */
export function createLogger(name: string, level: LogLevel = "info", format: LogFormat = "json"): Logger {
  const options = { name, level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.epochTime };
  return format === "pretty" ? pino(options, prettyStream(isVerbose(level), process.stdout)) : pino(options);
}

/**
 * The start's step lines ("[kafka] ✓ ready …", the ready line): printed as they are, or as JSON records
 * with LOG_FORMAT=json, so that format has no plain line. Shown whatever LOG_LEVEL is: they are the start's progress.
 */
export function createSay(format: LogFormat): (line: string) => void {
  if (format === "pretty") return (line) => process.stdout.write(`${line}\n`);
  const log = createLogger("lab", "info", "json");
  return (line) => {
    const tagged = /^\s*\[([\w-]+)\]\s*(.*)$/s.exec(line);
    if (tagged) log.info({ component: tagged[1] }, tagged[2]);
    else if (line.trim()) log.info(line.trim());
  };
}

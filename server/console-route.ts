import { format, stripVTControlCharacters } from "node:util";
import type { Logger } from "@/lib/log";

type Method = "log" | "info" | "warn" | "error" | "debug";
const LEVEL: Record<Method, "info" | "warn" | "error" | "debug"> = { log: "info", info: "info", warn: "warn", error: "error", debug: "debug" };

/**
 * Send what libraries print with console.* (Next.js above all) through our logger, so the terminal has
 * one format: readable lines, or JSON with LOG_FORMAT=json. While `quiet` (Next's start-up chatter such
 * as "✓ Running next.config.mjs took 36ms") it is logged at debug.
 */
export function routeConsole(log: Logger): { setQuiet(quiet: boolean): void } {
  const next = log.child({ component: "next" });
  let quiet = false;
  for (const method of Object.keys(LEVEL) as Method[]) {
    console[method] = (...args: unknown[]) => {
      const err = args.find((a): a is Error => a instanceof Error);
      const text = stripVTControlCharacters(format(...args.filter((a) => a !== err))).trim();
      const level = quiet ? "debug" : LEVEL[method];
      if (err) next[level]({ err }, text || err.message);
      else if (text) next[level](text);
    };
  }
  return { setQuiet: (q) => void (quiet = q) };
}

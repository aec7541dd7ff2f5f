import { READY_MARKER } from "./properties";

/**
 * Lines the broker logs while it loads and recovers its partitions (kafka.log.LogManager and LogLoader,
 * which properties.ts keeps at INFO): after an unclean stop this can take minutes on a loaded machine.
 */
export const RECOVERY_PROGRESS = /Recovering|Loading|Loaded|Completed load|recovery/i;

export type ReadyVerdict = "ready" | "exited" | "stalled" | "waiting";

export interface ReadinessJudgeOptions {
  startedAt: number;
  /** Give up when the broker has been this long neither ready nor reporting recovery progress. */
  stallMs: number;
}

/**
 * Decides, from the log lines a starting broker wrote since the last look, whether it is ready, gone, stalled
 * or worth waiting for. Each recovery line pushes the stall deadline out, so a long log recovery is waited
 * for, while a broker that shows nothing (or only warnings) for `stallMs` is not.
 */
export function createReadinessJudge(o: ReadinessJudgeOptions) {
  let lastProgressAt = o.startedAt;
  return {
    observe(newLines: string, now: number, exited: boolean): ReadyVerdict {
      if (newLines.includes(READY_MARKER)) return "ready";
      if (exited) return "exited";
      if (RECOVERY_PROGRESS.test(newLines)) lastProgressAt = now;
      return now - lastProgressAt >= o.stallMs ? "stalled" : "waiting";
    },
    /** How long the broker has now gone without progress. */
    quietFor: (now: number) => now - lastProgressAt,
  };
}

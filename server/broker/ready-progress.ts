import { READY_MARKER } from "./properties";

export type ReadyVerdict = "ready" | "exited" | "stalled" | "too-long" | "waiting";

export interface ReadinessJudgeOptions {
  startedAt: number;
  /** Give up when the broker has been this long neither ready nor showing progress. */
  stallMs: number;
  /** Give up after this long in all, progress or not (a broker looping on an error also writes and computes). */
  maxMs: number;
  /** CPU time the JVM must have used since the last sign of progress for its work to count as one. */
  cpuProgressMs?: number;
}

export interface ReadinessSample {
  /** Complete log lines written since the last sample. */
  newLines: string;
  /** CPU time the JVM has used so far (null if unknown). */
  cpuMs: number | null;
  now: number;
  exited: boolean;
}

/**
 * Decides, sample by sample, whether a starting broker is ready, gone, stalled or worth waiting for. Progress is
 * a new log line (log loading and recovery are logged line by line, see RECOVERY_LOGGERS) or CPU work (a JVM
 * on a loaded machine can take a minute to get as far as its first line). Each pushes the stall deadline out,
 * so a long recovery or a slow machine is waited for, and a JVM that sits idle and silent is not.
 */
export function createReadinessJudge(o: ReadinessJudgeOptions) {
  const cpuProgressMs = o.cpuProgressMs ?? 1000;
  let lastProgressAt = o.startedAt;
  let cpuAtProgress: number | null = null;
  return {
    observe(s: ReadinessSample): ReadyVerdict {
      if (s.newLines.includes(READY_MARKER)) return "ready";
      if (s.exited) return "exited";
      if (s.cpuMs !== null && cpuAtProgress === null) cpuAtProgress = s.cpuMs;
      const worked = s.cpuMs !== null && cpuAtProgress !== null && s.cpuMs - cpuAtProgress >= cpuProgressMs;
      if (s.newLines.trim() !== "" || worked) {
        lastProgressAt = s.now;
        cpuAtProgress = s.cpuMs ?? cpuAtProgress;
      }
      if (s.now - o.startedAt >= o.maxMs) return "too-long";
      return s.now - lastProgressAt >= o.stallMs ? "stalled" : "waiting";
    },
  };
}

import { existsSync, writeFileSync } from "node:fs";
import { setPriority } from "node:os";

export interface CpuPriorityDeps {
  setPriority(pid: number, nice: number): void;
  /** Writes a /proc file; throws like fs.writeFileSync. */
  writeProc(file: string, text: string): void;
  procExists(file: string): boolean;
}

const realDeps: CpuPriorityDeps = {
  setPriority,
  writeProc: (file, text) => writeFileSync(file, text),
  procExists: existsSync,
};

/**
 * Lower a process's CPU priority to `nice` (0–19), returning what could not be done (empty when all was).
 *
 * Linux desktops group processes by session for CPU time ("autogroup"): a nice value then only counts
 * against processes of the same session, and the browser, in another session, gets no more CPU from it.
 * So a process that leads its own session (spawned detached) also gets its session's nice value, which
 * is what lets the browser win the CPU when the pipeline uses every core (bench/README.md).
 */
export function lowerCpuPriority(pid: number, nice: number, deps: CpuPriorityDeps = realDeps): string[] {
  if (nice <= 0) return [];
  const problems: string[] = [];
  try {
    deps.setPriority(pid, nice);
  } catch (err) {
    problems.push(`could not lower its priority to nice ${nice}: ${(err as Error).message}`);
  }
  return [...problems, ...lowerSessionCpuShare(pid, nice, deps)];
}

/** Only the session's share: for a process started under `nice`, whose own nice value is already set. */
export function lowerSessionCpuShare(pid: number, nice: number, deps: CpuPriorityDeps = realDeps): string[] {
  if (nice <= 0) return [];
  const problems: string[] = [];
  const autogroup = `/proc/${pid}/autogroup`;
  if (deps.procExists(autogroup)) {
    try {
      deps.writeProc(autogroup, String(nice));
    } catch (err) {
      problems.push(`could not lower its session's CPU share (${autogroup}) to nice ${nice}: ${(err as Error).message}`);
    }
  }
  return problems;
}

import { readFileSync } from "node:fs";
import { pollUntil } from "@/lib/retry";

/** True if `pid` is a live, non-zombie process. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
  return processState(pid) !== "Z";
}

/** Fields of /proc/<pid>/stat after the command name: [state, ppid, ...]. */
function statFields(pid: number): string[] {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return [];
  }
}

const processState = (pid: number): string | null => statFields(pid)[0] ?? null;

/** CPU time (user + system) the process has used so far, in ms; null if it is gone. Linux ticks are 10 ms. */
export function cpuTimeMs(pid: number): number | null {
  const fields = statFields(pid);
  // utime and stime are fields 14 and 15 of proc(5), i.e. 11 and 12 after the command name.
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(ticks) ? ticks * 10 : null;
}

export function parentPid(pid: number): number | null {
  const ppid = Number(statFields(pid)[1]);
  return Number.isInteger(ppid) && ppid > 0 ? ppid : null;
}

export function readCmdline(pid: number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
  } catch {
    return null;
  }
}

export function sendSignal(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone: nothing to signal.
  }
}

export const waitForDeath = async (pid: number, timeoutMs: number) =>
  (await pollUntil(() => (isAlive(pid) ? undefined : true), { timeoutMs, intervalMs: 50 })) ?? false;

/** SIGTERM, then SIGKILL if still alive after `graceMs`. Resolves true once the process is gone. */
export async function terminate(pid: number, graceMs: number): Promise<boolean> {
  sendSignal(pid, "SIGTERM");
  if (await waitForDeath(pid, graceMs)) return true;
  sendSignal(pid, "SIGKILL");
  return waitForDeath(pid, 5000);
}

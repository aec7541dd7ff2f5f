import { readFileSync } from "node:fs";

/** The fields of a /proc stat line after the command name: index 0 is field 3 (state) of proc(5). */
const statFields = (file: string) => readFileSync(file, "utf8").split(") ")[1]!.split(" ");

/** The nice value of a thread (the main thread by default). */
export const niceOf = (pid: number, tid = pid) => Number(statFields(`/proc/${pid}/task/${tid}/stat`)[16]);

/** The session id: equal to the pid for a session leader. */
export const sessionOf = (pid: number) => Number(statFields(`/proc/${pid}/stat`)[3]);

/** The resident memory of a process in bytes (VmRSS of /proc/<pid>/status). */
export function rssOf(pid: number): number {
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  if (kb === undefined) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb) * 1024;
}

/** Whether a process with this pid exists (signal 0 only checks). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

import { spawn, type ChildProcess } from "node:child_process";
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

/**
 * Starts a parent process that runs `script` (ES module, TypeScript through tsx) with `env`, and
 * resolves with the JSON of the first line it prints: how a launcher test gets a parent to SIGKILL.
 */
export function spawnParent(cwd: string, script: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
}

/** The JSON of the first line a child prints; rejects when it exits first. */
export function firstLineJson<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    let text = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      const newline = text.indexOf("\n");
      if (newline >= 0) resolve(JSON.parse(text.slice(0, newline)) as T);
    });
    child.once("exit", (code) => reject(new Error(`the parent process exited early with ${code}`)));
  });
}

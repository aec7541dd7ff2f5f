import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parentPid, readCmdline, terminate } from "./process-control";
import { SUPERVISOR_NAME } from "./supervisor";

export const pidFilePath = (dataDir: string) => path.join(dataDir, "broker.pid");

export const writePidFile = (dataDir: string, pid: number) => writeFile(pidFilePath(dataDir), `${pid}\n`);

export const removePidFile = (dataDir: string) => rm(pidFilePath(dataDir), { force: true });

/** A pid is "our broker" only if it is a JVM running kafka.Kafka on this data dir, so a recycled pid is never killed. */
export function isBrokerCmdline(cmdline: string[] | null, dataDir: string): boolean {
  if (!cmdline?.[0] || !path.basename(cmdline[0]).startsWith("java")) return false;
  const prefix = path.resolve(dataDir) + path.sep;
  return cmdline.includes("kafka.Kafka") && cmdline.some((arg) => arg.startsWith(prefix));
}

/** Removes the pid file only if it still names `pid`, so a newer broker's file survives. */
export async function releasePidFile(dataDir: string, pid: number): Promise<void> {
  if ((await readPidFile(dataDir)) === pid) await removePidFile(dataDir);
}

async function readPidFile(dataDir: string): Promise<number | null> {
  try {
    const pid = Number.parseInt(await readFile(pidFilePath(dataDir), "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

export type RecoveryOutcome = { kind: "none" } | { kind: "stale"; pid: number | null } | { kind: "killed"; pid: number } | { kind: "in-use"; pid: number };

/** Our JVMs die with the Node process that started them, so one still under its supervisor belongs to a live run. */
function isSupervised(pid: number): boolean {
  const ppid = parentPid(pid);
  return ppid !== null && (readCmdline(ppid) ?? []).includes(SUPERVISOR_NAME);
}

/**
 * Stops a broker JVM left running on `dataDir` by an earlier run (one no longer supervised) and clears
 * its pid file; reports "in-use" without touching it if another live run still supervises it.
 */
export async function recoverOrphan(dataDir: string, graceMs = 10_000): Promise<RecoveryOutcome> {
  const pid = await readPidFile(dataDir);
  const hadFile = pid !== null || (await fileExists(pidFilePath(dataDir)));
  if (!hadFile) return { kind: "none" };
  if (pid !== null && isBrokerCmdline(readCmdline(pid), dataDir)) {
    if (isSupervised(pid)) return { kind: "in-use", pid };
    await terminate(pid, graceMs);
    await removePidFile(dataDir);
    return { kind: "killed", pid };
  }
  await removePidFile(dataDir);
  return { kind: "stale", pid };
}

const fileExists = (file: string) =>
  readFile(file).then(
    () => true,
    () => false,
  );

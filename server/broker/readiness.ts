import { open, stat } from "node:fs/promises";
import { lastLines } from "./command";
import { pollUntil } from "./poll";
import { READY_MARKER } from "./properties";

export const logSize = (file: string) => stat(file).then((s) => s.size, () => 0);

/** The log text written since `offset` (the log is appended to across restarts). */
export async function readLogSince(file: string, offset: number): Promise<string> {
  const handle = await open(file, "r").catch(() => null);
  if (!handle) return "";
  try {
    const { size } = await handle.stat();
    const length = Math.max(0, size - offset);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, offset);
    return buffer.toString("utf8");
  } finally {
    await handle.close();
  }
}

export async function logTail(file: string, offset: number, n = 20): Promise<string> {
  return lastLines((await readLogSince(file, offset)).split("\n"), n).join("\n");
}

export type ReadyOutcome = "ready" | "exited" | "timeout";

/** Waits for the broker's "started" log line, giving up early if the JVM exits. */
export async function waitForReady(o: { logFile: string; offset: number; timeoutMs: number; hasExited: () => boolean }): Promise<ReadyOutcome> {
  const outcome = await pollUntil<ReadyOutcome>(
    async () => {
      if ((await readLogSince(o.logFile, o.offset)).includes(READY_MARKER)) return "ready";
      return o.hasExited() ? "exited" : undefined;
    },
    { timeoutMs: o.timeoutMs, intervalMs: 100 },
  );
  return outcome ?? "timeout";
}

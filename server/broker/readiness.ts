import { open, stat } from "node:fs/promises";
import { lastLines } from "./command";
import { delay } from "@/lib/retry";
import { cpuTimeMs } from "./process-control";
import { createReadinessJudge } from "./ready-progress";

export const logSize = (file: string) =>
  stat(file).then(
    (s) => s.size,
    () => 0,
  );

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

export type ReadyOutcome = "ready" | "exited" | "stalled" | "too-long";

/**
 * Waits for the broker's "started" log line, giving up early if the JVM exits, and otherwise only when it has
 * shown no progress (log lines, CPU work) for `stallMs`, or after `maxMs` in all (see ready-progress.ts).
 */
export async function waitForReady(o: {
  logFile: string;
  offset: number;
  pid: number;
  stallMs: number;
  maxMs: number;
  hasExited: () => boolean;
}): Promise<ReadyOutcome> {
  const judge = createReadinessJudge({ startedAt: Date.now(), stallMs: o.stallMs, maxMs: o.maxMs });
  let offset = o.offset;
  for (;;) {
    // Only whole lines: a line being written is read on the next look.
    const text = await readLogSince(o.logFile, offset);
    const complete = text.slice(0, text.lastIndexOf("\n") + 1);
    offset += Buffer.byteLength(complete);
    const verdict = judge.observe({ newLines: complete, cpuMs: cpuTimeMs(o.pid), now: Date.now(), exited: o.hasExited() });
    if (verdict !== "waiting") return verdict;
    await delay(100);
  }
}

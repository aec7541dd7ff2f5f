import { backoffMs } from "@/lib/retry";

/** Delay before restart number `attempt` (0-based) of a crashed component: 0.5 s doubling, at most 30 s. */
export function restartDelayMs(attempt: number, baseMs = 500, maxMs = 30_000): number {
  return backoffMs(attempt, { initialMs: baseMs, maxMs });
}

/** A component that stayed up this long is healthy again: its next crash starts the backoff anew. */
export const HEALTHY_AFTER_MS = 30_000;

export function describeExit(code: number | null, signal: string | null): string {
  if (signal) return `killed by ${signal}`;
  return `exited with code ${code ?? "unknown"}`;
}

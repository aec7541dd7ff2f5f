import { restartDelayMs } from "@/server/supervisor/backoff";

export interface RestartPolicyOptions {
  clock: () => number;
  /** First delay after a crash; it doubles with each crash in a row. */
  baseMs?: number;
  maxMs?: number;
  /** A broker that stayed up this long is healthy again: its next crash starts from baseMs. */
  healthyAfterMs?: number;
}

/** When to start a crashed broker again: 1 s, 2 s, 4 s … at most 30 s; back to 1 s once it has run a minute. */
export function createRestartPolicy(o: RestartPolicyOptions) {
  const { clock, baseMs = 1000, maxMs = 30_000, healthyAfterMs = 60_000 } = o;
  let streak = 0;
  let upSince: number | null = null;
  return {
    /** The broker is up and ready. */
    up(): void {
      upSince = clock();
    },
    /** It crashed, or a start failed: the delay before the next start. */
    nextDelayMs(): number {
      if (upSince !== null && clock() - upSince >= healthyAfterMs) streak = 0;
      upSince = null;
      return restartDelayMs(streak++, baseMs, maxMs);
    },
    /** Someone stopped or started it by hand: the next crash is a first one. */
    reset(): void {
      streak = 0;
      upSince = null;
    },
  };
}
export type RestartPolicy = ReturnType<typeof createRestartPolicy>;

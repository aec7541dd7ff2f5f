import type { ReplayPace } from "../contract/datasets";
import { Pacer } from "../pipeline/pacer";

/** Says when the next row of a replay may go: 0 = now (and it counts as sent), else how many ms to wait. */
export interface ReplayPacer {
  wait(nowMs: number, eventTime: number | null): number;
}

/** A fixed rate, paced as the lab's producers are (lib/pipeline/pacer.ts). */
function ratePacer(recordsPerSecond: number): ReplayPacer {
  const pacer = new Pacer(recordsPerSecond);
  let credit = 0;
  return {
    wait(now) {
      if (credit === 0) credit = pacer.due(now);
      if (credit === 0) return Math.max(1, pacer.msUntilNext(now));
      credit--;
      return 0;
    },
  };
}

/**
 * Event time replayed `factor` times faster than it happened: the row whose event time is `t` goes
 * (t − first) / factor after the first row went. A row older than one already sent (out of order in
 * the file) goes at once, as it would have arrived late; a row without an event time goes at once.
 */
function speedPacer(factor: number): ReplayPacer {
  let start: { wall: number; event: number } | null = null;
  let latest = -Infinity;
  return {
    wait(now, eventTime) {
      if (eventTime === null) return 0;
      start ??= { wall: now, event: eventTime };
      const due = start.wall + (Math.max(eventTime, latest) - start.event) / factor;
      if (now < due) return Math.ceil(due - now);
      latest = Math.max(latest, eventTime);
      return 0;
    },
  };
}

export function createReplayPacer(pace: ReplayPace): ReplayPacer {
  return pace.kind === "rate" ? ratePacer(pace.recordsPerSecond) : speedPacer(pace.factor);
}

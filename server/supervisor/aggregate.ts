import type { ComponentMetrics, ComponentStatus } from "@/lib/contract/api";

const PRIORITY: ComponentStatus[] = ["crashed", "starting", "stopping", "running", "stopped"];

/** One status for a component from its instances': the one a learner most needs to see. */
export function aggregateStatus(statuses: ComponentStatus[]): ComponentStatus {
  if (statuses.length === 0) return "stopped";
  return PRIORITY.find((p) => statuses.includes(p)) ?? "stopped";
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Instances of one consumer group own disjoint partitions: their metrics add up. */
export function mergeMetrics(all: (ComponentMetrics | null)[]): ComponentMetrics | null {
  const ms = all.filter((m): m is ComponentMetrics => m !== null);
  if (ms.length === 0) return null;
  if (ms.length === 1) return ms[0]!;
  const latencies = ms.map((m) => m.latencyMs).filter((l) => l !== null);
  const joins = ms.map((m) => m.join).filter((j) => j !== null);
  const generations = ms.map((m) => m.generation).filter((g): g is number => typeof g === "number");
  const eventTimes = ms.map((m) => m.eventTime).filter((t): t is number => typeof t === "number");
  const watermarks = joins.map((j) => j.watermark).filter((w): w is number => w !== null);
  return {
    at: Math.max(...ms.map((m) => m.at)),
    recordsInPerSec: sum(ms.map((m) => m.recordsInPerSec)),
    recordsOutPerSec: sum(ms.map((m) => m.recordsOutPerSec)),
    recordsInTotal: sum(ms.map((m) => m.recordsInTotal)),
    recordsOutTotal: sum(ms.map((m) => m.recordsOutTotal)),
    deadLettered: sum(ms.map((m) => m.deadLettered)),
    latencyMs: latencies.length
      ? { p50: Math.max(...latencies.map((l) => l.p50)), p99: Math.max(...latencies.map((l) => l.p99)), max: Math.max(...latencies.map((l) => l.max)) }
      : null,
    lag: ms.flatMap((m) => m.lag).sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition),
    assigned: ms.flatMap((m) => m.assigned),
    generation: generations.length ? Math.max(...generations) : null,
    // Instances of one start share their settings: the first reporting one speaks for them.
    settings: ms.find((m) => m.settings)?.settings,
    // The group is as far as its slowest member: the oldest of the newest event times read.
    eventTime: eventTimes.length ? Math.min(...eventTimes) : null,
    sendError: ms.find((m) => m.sendError)?.sendError ?? null,
    join: joins.length
      ? {
          stateC: sum(joins.map((j) => j.stateC)),
          stateD: sum(joins.map((j) => j.stateD)),
          watermark: watermarks.length ? Math.min(...watermarks) : null,
          lateDropped: sum(joins.map((j) => j.lateDropped)),
          matchesPerSec: sum(joins.map((j) => j.matchesPerSec)),
          matchesTotal: sum(joins.map((j) => j.matchesTotal)),
        }
      : null,
  };
}

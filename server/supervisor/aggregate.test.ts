import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, type ComponentMetrics } from "@/lib/contract/api";
import { aggregateStatus, mergeMetrics } from "./aggregate";

const metrics = (over: Partial<ComponentMetrics>): ComponentMetrics => ({
  at: 1,
  recordsInPerSec: 10,
  recordsOutPerSec: 10,
  recordsInTotal: 100,
  recordsOutTotal: 100,
  deadLettered: 1,
  latencyMs: { p50: 2, p99: 5, max: 9 },
  lag: [],
  assigned: [],
  join: null,
  ...over,
});

describe("aggregateStatus", () => {
  it("is stopped with no instances, and the shared status when all agree", () => {
    expect(aggregateStatus([])).toBe("stopped");
    expect(aggregateStatus(["running", "running"])).toBe("running");
  });

  it("shows a crash first, then anything in motion, over running", () => {
    expect(aggregateStatus(["running", "crashed", "starting"])).toBe("crashed");
    expect(aggregateStatus(["running", "starting"])).toBe("starting");
    expect(aggregateStatus(["running", "stopping"])).toBe("stopping");
  });
});

describe("mergeMetrics", () => {
  it("is null with nothing reported and the same object for one instance", () => {
    expect(mergeMetrics([null, null])).toBeNull();
    const one = metrics({});
    expect(mergeMetrics([one, null])).toBe(one);
  });

  it("adds rates and totals, takes the worst latency, and joins lag and assignment", () => {
    const a = metrics({ lag: [{ topic: "A", partition: 1, lag: 3 }], assigned: [{ topic: "A", partition: 1 }] });
    const b = metrics({
      recordsInPerSec: 5,
      latencyMs: { p50: 1, p99: 20, max: 30 },
      lag: [{ topic: "A", partition: 0, lag: 7 }],
      assigned: [{ topic: "A", partition: 0 }],
    });
    const m = mergeMetrics([a, b])!;
    expect(m.recordsInPerSec).toBe(15);
    expect(m.recordsInTotal).toBe(200);
    expect(m.deadLettered).toBe(2);
    expect(m.latencyMs).toEqual({ p50: 2, p99: 20, max: 30 });
    expect(m.lag.map((l) => l.partition)).toEqual([0, 1]);
    expect(m.assigned).toHaveLength(2);
  });

  it("reports the newest group generation any instance has joined", () => {
    expect(mergeMetrics([metrics({ generation: 4 }), metrics({ generation: 5 }), metrics({ generation: null })])!.generation).toBe(5);
    expect(mergeMetrics([metrics({}), metrics({ generation: null })])!.generation).toBeNull();
  });

  it("sums join state and takes the lowest watermark of the instances", () => {
    const join = (stateC: number, watermark: number | null) => ({ stateC, stateD: 1, watermark, lateDropped: 1, matchesPerSec: 2, matchesTotal: 3 });
    const m = mergeMetrics([metrics({ join: join(4, 100) }), metrics({ join: join(6, 50) }), metrics({ join: join(1, null) })])!;
    expect(m.join).toEqual({ stateC: 11, stateD: 3, watermark: 50, lateDropped: 3, matchesPerSec: 6, matchesTotal: 9 });
  });

  it("is as far in event time as its slowest member, and shows the settings its members run with", () => {
    const settings = { ...DEFAULT_SETTINGS, joinWindowMs: 2000 };
    const merged = mergeMetrics([metrics({ eventTime: 5000, settings }), metrics({ eventTime: 3000, settings }), metrics({ eventTime: null })]);
    expect(merged?.eventTime).toBe(3000);
    expect(merged?.settings).toEqual(settings);
  });
});

import { COMPONENT_NAMES, DEFAULT_SETTINGS, type ComponentName, type ComponentView, type PipelineView } from "@/lib/contract/api";
import { metrics as workerMetrics, type Metrics } from "@/lib/live/fixtures.test-support";
import type { ClusterView } from "@/lib/contract/cluster";
import { emptySnapshot, withAction, withCluster, withGroupLag, withJoinBatch, withLag, withPipeline, withSeen, type LiveSnapshot } from "@/lib/live/snapshot";

/** Test fixtures for lesson rules: a pipeline that runs everything, and a timeline to write on. */

export const metrics = (over: Partial<Metrics> = {}): Metrics => workerMetrics({ at: 1, ...over });

const instance = (index: number, m: Metrics, restarts = 0) => ({ index, status: "running" as const, pid: 100 + index, restarts, reason: null, metrics: m });

/** One component, running, with `instances` members that each own a partition. */
export function running(
  name: ComponentName,
  over: { lag?: number; restarts?: number; instances?: number; outTotal?: number; watermark?: number | null } = {},
): ComponentView {
  const producer = name.startsWith("producer");
  const m = metrics({
    recordsOutPerSec: 100,
    recordsOutTotal: over.outTotal ?? 500,
    lag: producer ? [] : [{ topic: "A_input", partition: 0, lag: over.lag ?? 0 }],
    assigned: producer ? [] : [{ topic: "A_input", partition: 0 }],
    join:
      name === "join"
        ? { stateC: 1, stateD: 1, watermark: over.watermark === undefined ? 5000 : over.watermark, lateDropped: 0, matchesPerSec: 1, matchesTotal: 9 }
        : null,
  });
  const n = producer ? 1 : (over.instances ?? 1);
  return {
    name,
    kind: producer ? "producer" : "worker",
    status: "running",
    pid: 100,
    restarts: over.restarts ?? 0,
    reason: null,
    metrics: m,
    desiredInstances: n,
    instances: Array.from({ length: n }, (_, i) => instance(i, m, over.restarts ?? 0)),
  };
}

export function stopped(name: ComponentName): ComponentView {
  return { ...running(name), status: "stopped", pid: null, metrics: null, instances: [] };
}

/** Every component running, two transform instances, the rate at 100/s: the busiest arrival. */
export function everything(over: Partial<Record<ComponentName, ComponentView>> = {}): PipelineView {
  return {
    components: COMPONENT_NAMES.map((n) => over[n] ?? running(n, n === "strategy" ? { instances: 2 } : {})),
    settings: { ...DEFAULT_SETTINGS, ratePerSecond: 100 },
  };
}

/** When the lesson under test was opened. */
export const OPENED = 10_000;

/** A snapshot written step by step, each step at a later time. */
export class Timeline {
  s: LiveSnapshot = emptySnapshot();
  t: number;
  constructor(start = OPENED + 1) {
    this.t = start;
  }
  private next() {
    return (this.t += 100);
  }
  act(...names: string[]) {
    for (const n of names) this.s = withAction(this.s, n, this.next());
    return this;
  }
  pipeline(p: PipelineView) {
    this.s = withPipeline(this.s, p, this.next());
    return this;
  }
  seen(topic: string, n: number) {
    this.s = withSeen(this.s, topic, n, this.next());
    return this;
  }
  lag(topic: string, lag: number) {
    this.s = withLag(this.s, topic, lag, this.next());
    return this;
  }
  groupLag(name: ComponentName, ...lags: number[]) {
    for (const lag of lags) this.s = withGroupLag(this.s, name, lag, this.next());
    return this;
  }
  join(c: number, d: number, matches = 0) {
    this.s = withJoinBatch(this.s, { c, d, matches }, this.next());
    return this;
  }
  /** A cluster push: A_input's partitions led by `leaders`, the first `shrunk` of them under-replicated, partition 0 at high watermark `hw`. */
  cluster(leaders: number[], o: { shrunk?: number; hw?: number; up?: number[] } = {}) {
    const view: ClusterView = {
      at: this.t,
      mode: "cluster",
      controllable: true,
      brokers: (o.up ?? [1, 2, 3]).map((id) => ({ id, address: `x:${id}`, up: true, listed: true, controller: id === 1 })),
      topics: [
        {
          topic: "A_input",
          partitions: leaders.map((leader, partition) => ({
            partition,
            leader,
            replicas: [],
            isr: [],
            highWatermark: partition === 0 ? String(o.hw ?? 0) : "0",
            lastStableOffset: "0",
            underReplicated: partition < (o.shrunk ?? 0),
            offline: leader < 0,
          })),
        },
      ],
      error: null,
    };
    this.s = withCluster(this.s, view, this.next());
    return this;
  }
  broker(connected: boolean) {
    this.s = {
      ...this.s,
      broker: {
        connected,
        mode: "embedded",
        brokers: "x:1",
        clusterId: null,
        version: null,
        topics: [],
        error: null,
        process: null,
        cluster: null,
        at: this.next(),
      },
    };
    return this;
  }
}

/** Everything every lesson asks for, done and seen before the lesson was opened. */
export const EVERY_ACTION = [
  "start:all",
  "stop:all",
  "start:producer-A",
  "start:producer-C",
  "start:producer-D",
  "stop:strategy",
  "start:strategy",
  "pause-tail:A_input",
  "pause-tail-rows:A_input",
  "resume-tail:A_input",
  "pause-tail:dead_letters",
  "settings:ratePerSecond",
  "settings:watermarkDelayMs",
  "settings:aggOutputMode",
  "agg-rows:update",
  "agg-rows:append",
  "scale:strategy",
  "pair:match",
  "late-fate:late",
  "late-fate:joined",
  "inject-bad",
  "bad-arrived",
  "delivery:at-most-once",
  "kill:strategy",
  "inout:lost",
  "inout:duplicated",
  "delivery:exactly-once",
  "replay:strategy",
  "replay-rewritten:strategy",
  "log:storage-start",
  "log-effect:log-start-advanced",
  "log:resume:earliest",
  "log-effect:reset-lost",
  "log:compaction-start",
  "log-effect:compacted",
  "log:delete:user-6",
  "log-effect:tombstone-gone:user-6",
  "log:txn-hold",
  "log-effect:lso-stuck",
  "log:txn-abort",
  "log-effect:aborted-skipped",
  "cluster-kill:1",
  "cluster-leader-down:1",
  "cluster-stop:2",
  "cluster-start:1",
  "cluster-start:2",
];

/** The page's history before the lesson was opened: every action, and every effect, all too early to count. */
export function busyPast(): Timeline {
  const tl = new Timeline(0);
  tl.broker(true).pipeline(everything({ strategy: stopped("strategy"), join: stopped("join") }));
  tl.act(...EVERY_ACTION);
  tl.seen("A_input", 500).seen("A_output", 500).lag("A_input", 50).lag("A_input", 0).join(10, 10, 3).groupLag("strategy", 2, 400, 0);
  tl.pipeline(everything({ strategy: running("strategy", { instances: 2, lag: 40, restarts: 1 }) }));
  tl.cluster([1, 2, 3]).cluster([2, 2, 3], { shrunk: 2, hw: 10 }).cluster([2, 2, 3], { shrunk: 2, hw: 20 }).cluster([2, 2, 3], { hw: 20 });
  tl.t = OPENED + 1;
  return tl;
}

/** Opening the lesson with everything running: records flow, lag moves, the state arrives; the learner does nothing. */
export function arrival(): Timeline {
  const tl = busyPast();
  tl.pipeline(everything())
    .seen("A_input", 100)
    .seen("A_output", 100)
    .seen("dead_letters", 0)
    .lag("A_input", 3)
    .lag("A_input", 1)
    .join(5, 5, 2)
    .groupLag("strategy", 3, 1);
  tl.pipeline(everything({ join: running("join", { watermark: 9000 }) }));
  return tl;
}

import type { BrokerState, ComponentName, ComponentStatus, ComponentView, PipelineView } from "@/lib/contract/api";
import type { ClusterView } from "@/lib/contract/cluster";

/**
 * What the learner's page has seen and done, each with when it happened, so that a lesson can count
 * only what came after the learner opened it. Pure: every reducer takes the time (`at`, epoch ms).
 */
export interface LiveSnapshot {
  broker: BrokerState | null;
  pipeline: PipelineView | null;
  /** Things the learner did in the UI, oldest first, e.g. `start:strategy`, `pause-tail:A_input`, `pair:match`. */
  actions: readonly Action[];
  /** What the page was told, oldest first: records, lag, matches, and changes of each component. */
  observations: readonly Observation[];
}

export interface Action {
  at: number;
  name: string;
}

export type Observation =
  /** Records of a topic the page was told about. */
  | { at: number; kind: "seen"; topic: string; n: number }
  /** The largest consumer group lag on a topic (summed over its partitions), when it changed. */
  | { at: number; kind: "lag"; topic: string; lag: number }
  /** Join matches the page was told about. */
  | { at: number; kind: "matches"; n: number }
  /** C and D records the join view was told about. */
  | { at: number; kind: "join-seen"; c: number; d: number }
  /** A component's status, restarts or number of instances owning partitions changed. */
  | { at: number; kind: "component"; name: ComponentName; status: ComponentStatus; restarts: number; owners: number }
  /** A worker's total lag changed. */
  | { at: number; kind: "worker-lag"; name: ComponentName; lag: number }
  /** A worker's consumer-group lag, as the server measures it from committed offsets, changed. */
  | { at: number; kind: "group-lag"; name: ComponentName; lag: number }
  /** The join reported a (new) watermark. */
  | { at: number; kind: "watermark"; value: number }
  /** A producer's records/s crossed one of RATE_STEPS, up or down: the rate it writes at then. */
  | { at: number; kind: "rate"; name: ComponentName; perSec: number }
  /** Why a producer's sends are being retried changed (null: they succeed again). */
  | { at: number; kind: "send-error"; name: ComponentName; type: string | null }
  /** The cluster's replication changed (see clusterSummary). */
  | ({ at: number; kind: "cluster" } & ClusterSummary);

/** What the lessons read of a cluster push: who is up, who leads what, how many partitions lack an in-sync replica, how far the HWs got. */
export interface ClusterSummary {
  up: number[];
  /** `topic:partition` → leader (-1: none). */
  leaders: Record<string, number>;
  /** Partitions with fewer in-sync replicas than replicas. */
  shrunk: number;
  /** The sum of every partition's high watermark. */
  hw: number;
}

export function clusterSummary(v: ClusterView): ClusterSummary {
  const leaders: Record<string, number> = {};
  let shrunk = 0;
  let hw = 0;
  for (const t of v.topics)
    for (const p of t.partitions) {
      leaders[`${t.topic}:${p.partition}`] = p.leader;
      if (p.underReplicated || p.offline) shrunk++;
      hw += Number(p.highWatermark ?? 0);
    }
  return { up: v.brokers.filter((b) => b.up).map((b) => b.id), leaders, shrunk, hw };
}

/** Records/s a producer's rate is noted at when it crosses them (only then, so the list stays short). */
export const RATE_STEPS = [5, 50, 500, 5000] as const;
const rateStep = (c: ComponentView | undefined) => RATE_STEPS.filter((s) => (c?.metrics?.recordsOutPerSec ?? 0) >= s).length;

const MAX_ACTIONS = 300;
const MAX_OBSERVATIONS = 3000;

export const emptySnapshot = (): LiveSnapshot => ({ broker: null, pipeline: null, actions: [], observations: [] });

export function component(s: Pick<LiveSnapshot, "pipeline">, name: ComponentName): ComponentView | undefined {
  return s.pipeline?.components.find((c) => c.name === name);
}

export const isRunning = (s: Pick<LiveSnapshot, "pipeline">, name: ComponentName) => component(s, name)?.status === "running";

/** Instances of a component that run and own at least one partition. */
export const owners = (c: ComponentView | undefined) =>
  (c?.instances ?? []).filter((i) => i.status === "running" && (i.metrics?.assigned.length ?? 0) > 0).length;

export const workerLag = (c: ComponentView | undefined) => (c?.metrics?.lag ?? []).reduce((n, l) => n + l.lag, 0);

export function withAction(s: LiveSnapshot, name: string, at: number): LiveSnapshot {
  return { ...s, actions: [...s.actions, { at, name }].slice(-MAX_ACTIONS) };
}

function observe(s: LiveSnapshot, o: Observation[]): LiveSnapshot {
  return o.length === 0 ? s : { ...s, observations: [...s.observations, ...o].slice(-MAX_OBSERVATIONS) };
}

export const withSeen = (s: LiveSnapshot, topic: string, n: number, at: number): LiveSnapshot => (n > 0 ? observe(s, [{ at, kind: "seen", topic, n }]) : s);

/** A join batch: the matches, and the C and D records, it told the page about. */
export function withJoinBatch(s: LiveSnapshot, totals: { c: number; d: number; matches: number }, at: number): LiveSnapshot {
  const o: Observation[] = [];
  if (totals.matches > 0) o.push({ at, kind: "matches", n: totals.matches });
  if (totals.c + totals.d > 0) o.push({ at, kind: "join-seen", c: totals.c, d: totals.d });
  return observe(s, o);
}

/** Notes the topic's lag when it differs from the last lag noted for it. */
export function withLag(s: LiveSnapshot, topic: string, lag: number, at: number): LiveSnapshot {
  const last = s.observations.findLast((o) => o.kind === "lag" && o.topic === topic);
  return last?.kind === "lag" && last.lag === lag ? s : observe(s, [{ at, kind: "lag", topic, lag }]);
}

/** Notes a worker's group lag (measured by the server) when it differs from the last noted. */
export function withGroupLag(s: LiveSnapshot, name: ComponentName, lag: number, at: number): LiveSnapshot {
  const last = s.observations.findLast((o) => o.kind === "group-lag" && o.name === name);
  return last?.kind === "group-lag" && last.lag === lag ? s : observe(s, [{ at, kind: "group-lag", name, lag }]);
}

/** Notes the cluster when its replication changed: who is up, the leaders, the shrunk partitions, the high watermarks. */
export function withCluster(s: LiveSnapshot, v: ClusterView, at: number): LiveSnapshot {
  const now = clusterSummary(v);
  const last = s.observations.findLast((o) => o.kind === "cluster");
  const same =
    last?.kind === "cluster" && JSON.stringify([last.up, last.leaders, last.shrunk, last.hw]) === JSON.stringify([now.up, now.leaders, now.shrunk, now.hw]);
  return same ? s : observe(s, [{ at, kind: "cluster", ...now }]);
}

/** The new pipeline state, and what changed in it: statuses, restarts, owners, worker lag, the join's watermark. */
export function withPipeline(s: LiveSnapshot, p: PipelineView, at: number): LiveSnapshot {
  const o: Observation[] = [];
  for (const c of p.components) {
    const before = component(s, c.name);
    const n = owners(c);
    if (!before || before.status !== c.status || before.restarts !== c.restarts || owners(before) !== n) {
      o.push({ at, kind: "component", name: c.name, status: c.status, restarts: c.restarts, owners: n });
    }
    if (c.kind === "worker" && c.metrics && (!before || workerLag(before) !== workerLag(c)))
      o.push({ at, kind: "worker-lag", name: c.name, lag: workerLag(c) });
    if (c.kind === "producer" && rateStep(before) !== rateStep(c)) o.push({ at, kind: "rate", name: c.name, perSec: c.metrics?.recordsOutPerSec ?? 0 });
    const sendError = c.metrics?.sendError?.type ?? (c.metrics?.sendError ? "" : null);
    const sendErrorBefore = before?.metrics?.sendError?.type ?? (before?.metrics?.sendError ? "" : null);
    if (c.kind === "producer" && before && sendError !== sendErrorBefore) o.push({ at, kind: "send-error", name: c.name, type: sendError });
  }
  const wm = component({ pipeline: p }, "join")?.metrics?.join?.watermark ?? null;
  if (wm !== null && wm !== (component(s, "join")?.metrics?.join?.watermark ?? null)) o.push({ at, kind: "watermark", value: wm });
  return observe({ ...s, pipeline: p }, o);
}

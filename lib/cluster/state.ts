import type { ClusterBroker, ClusterPartition, ClusterView } from "@/lib/contract/cluster";

/** What the adapter (kafka/cluster-state.ts) read from the brokers, before shaping. Pure data. */
export interface RawPartition {
  partition: number;
  leader: number;
  replicas: number[];
  isr: number[];
  offlineReplicas: number[];
}

export interface RawClusterState {
  /** The brokers the metadata lists: those registered and not fenced. */
  live: { id: number; host: string; port: number }[];
  /** The quorum leader, or null when no controller answered. */
  controllerId: number | null;
  topics: { topic: string; partitions: RawPartition[] }[];
  /** `topic:partition` → offset, from the partition's leader. */
  highWatermarks: Map<string, string>;
  lastStableOffsets: Map<string, string>;
  /** `broker:topic:partition` → what that broker holds of the partition. */
  replicaEnds: Map<string, string>;
  replicaSizes: Map<string, number>;
  /** Brokers that did not answer one of the per-broker questions, with why. */
  failures: { broker: number; error: string }[];
  /** Listed brokers that could not be reached at all (killed, and the controller has not fenced them yet). */
  unreachable: Set<number>;
}

export const partitionKey = (topic: string, partition: number) => `${topic}:${partition}`;
export const replicaKey = (broker: number, topic: string, partition: number) => `${broker}:${topic}:${partition}`;

/** Under-replicated: fewer in-sync replicas than replicas. Offline: no leader, or a leader the metadata no longer lists. */
export function partitionFlags(p: Pick<RawPartition, "leader" | "replicas" | "isr">, live: ReadonlySet<number>) {
  return { underReplicated: p.isr.length < p.replicas.length, offline: p.leader < 0 || !live.has(p.leader) };
}

/**
 * The brokers: those expected (the lab's own nodes), those the metadata lists, and any a partition
 * names as a replica (a broker that is down is in no metadata broker list, but still in replica lists).
 */
export function shapeBrokers(raw: RawClusterState, expected: readonly number[]): ClusterBroker[] {
  const live = new Map(raw.live.map((b) => [b.id, `${b.host}:${b.port}`]));
  const ids = new Set<number>([...expected, ...live.keys()]);
  for (const t of raw.topics) for (const p of t.partitions) for (const r of p.replicas) ids.add(r);
  return [...ids]
    .sort((a, b) => a - b)
    .map((id) => ({
      id,
      address: live.get(id) ?? null,
      up: live.has(id) && !raw.unreachable.has(id),
      listed: live.has(id),
      controller: id === raw.controllerId,
    }));
}

export function shapePartition(raw: RawClusterState, topic: string, p: RawPartition, live: ReadonlySet<number>): ClusterPartition {
  const key = partitionKey(topic, p.partition);
  const flags = partitionFlags(p, live);
  const isr = new Set(p.isr);
  const offline = new Set(p.offlineReplicas);
  return {
    partition: p.partition,
    leader: p.leader,
    replicas: p.replicas.map((broker) => ({
      broker,
      logEndOffset: raw.replicaEnds.get(replicaKey(broker, topic, p.partition)) ?? null,
      sizeBytes: raw.replicaSizes.get(replicaKey(broker, topic, p.partition)) ?? null,
      inSync: isr.has(broker),
      offline: offline.has(broker) || !live.has(broker),
    })),
    isr: p.isr,
    highWatermark: flags.offline ? null : (raw.highWatermarks.get(key) ?? null),
    lastStableOffset: flags.offline ? null : (raw.lastStableOffsets.get(key) ?? null),
    ...flags,
  };
}

export interface ShapeOptions {
  at: number;
  mode: ClusterView["mode"];
  controllable: boolean;
  /** The node ids the lab runs (empty with an external cluster). */
  expected: readonly number[];
}

/** The Cluster view of what was read: topics and partitions in order, `__` internal topics left out. */
export function shapeClusterView(raw: RawClusterState, o: ShapeOptions): ClusterView {
  const live = new Set(raw.live.map((b) => b.id));
  const topics = raw.topics
    .filter((t) => !t.topic.startsWith("__"))
    .sort((a, b) => a.topic.localeCompare(b.topic))
    .map((t) => ({
      topic: t.topic,
      partitions: [...t.partitions].sort((a, b) => a.partition - b.partition).map((p) => shapePartition(raw, t.topic, p, live)),
    }));
  const error = raw.failures.length ? raw.failures.map((f) => `broker ${f.broker}: ${f.error}`).join("; ") : null;
  return { at: o.at, mode: o.mode, controllable: o.controllable, brokers: shapeBrokers(raw, o.expected), topics, error };
}

/** Partitions that need attention, for a summary line. */
export function clusterHealth(view: Pick<ClusterView, "topics">) {
  let underReplicated = 0;
  let offline = 0;
  for (const t of view.topics)
    for (const p of t.partitions) {
      if (p.offline) offline++;
      else if (p.underReplicated) underReplicated++;
    }
  return { underReplicated, offline };
}

import { z } from "zod";

/**
 * GET /api/cluster and the `cluster:state` socket event: the brokers of the cluster and, per partition
 * of every topic the lab can see (Kafka's internal `__` topics left out), where its replicas are and
 * how far each got. Offsets are decimal strings (Kafka's int64).
 */

/** How the lab runs its brokers: one embedded node, three embedded nodes, or a cluster run elsewhere. */
export const CLUSTER_MODES = ["single", "cluster", "external"] as const;

export const ClusterBroker = z.object({
  id: z.number().int(),
  /** host:port of its client listener; null for a broker the metadata no longer lists (it is down). */
  address: z.string().nullable(),
  /** Listed by the metadata and answering. */
  up: z.boolean(),
  /** Listed by the metadata: a killed broker stays listed until the controller fences it (its session times out, ~9 s). */
  listed: z.boolean(),
  /** The leader of the KRaft metadata quorum (DescribeQuorum), not Metadata's controller id, which KRaft fills with a random broker. */
  controller: z.boolean(),
});
export type ClusterBroker = z.infer<typeof ClusterBroker>;

export const ClusterReplica = z.object({
  broker: z.number().int(),
  /** The replica's log end offset, asked of its own broker; null while that broker is down or did not answer. */
  logEndOffset: z.string().nullable(),
  /** Bytes on disk (DescribeLogDirs); null as for logEndOffset. */
  sizeBytes: z.number().nullable(),
  inSync: z.boolean(),
  offline: z.boolean(),
});
export type ClusterReplica = z.infer<typeof ClusterReplica>;

export const ClusterPartition = z.object({
  partition: z.number().int(),
  /** -1 when the partition has no leader (offline). */
  leader: z.number().int(),
  replicas: z.array(ClusterReplica),
  isr: z.array(z.number().int()),
  /** The high watermark: the end of what every in-sync replica has, what a read_uncommitted consumer can read. Null without a leader. */
  highWatermark: z.string().nullable(),
  /** The last stable offset: no open transaction before it, what a read_committed consumer can read. Null without a leader. */
  lastStableOffset: z.string().nullable(),
  underReplicated: z.boolean(),
  offline: z.boolean(),
});
export type ClusterPartition = z.infer<typeof ClusterPartition>;

export const ClusterTopic = z.object({ topic: z.string(), partitions: z.array(ClusterPartition) });
export type ClusterTopic = z.infer<typeof ClusterTopic>;

export const ClusterView = z.object({
  at: z.number(),
  mode: z.enum(CLUSTER_MODES),
  /** Whether brokers can be killed, stopped and started from here (the lab runs them). */
  controllable: z.boolean(),
  brokers: z.array(ClusterBroker),
  topics: z.array(ClusterTopic),
  /** Why part of the view is missing (a broker did not answer), or null. */
  error: z.string().nullable(),
});
export type ClusterView = z.infer<typeof ClusterView>;

/** The path's broker id: Kafka node ids are non-negative integers; the lab's are 1 to 3. */
export const BrokerId = z.coerce.number().int().min(0).max(1000);

/** POST /api/cluster/brokers/{id}/kill|stop|start: what was done, and the cluster right after. */
export const BrokerActionAnswer = z.object({
  broker: z.number().int(),
  action: z.enum(["kill", "stop", "start"]),
  /** Null when no broker answered right after (the last one was stopped). */
  cluster: ClusterView.nullable(),
});
export type BrokerActionAnswer = z.infer<typeof BrokerActionAnswer>;

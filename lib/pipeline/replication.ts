import type { NodeCount } from "@/lib/contract/api";

/** How many Kafka nodes the embedded broker side may run: one, or a three-node cluster (KAFKA_NODES). */
export const NODE_COUNTS: readonly NodeCount[] = [1, 3];

export interface Replication {
  /** Copies of every partition: the lab's topics and Kafka's internal ones. */
  replicationFactor: number;
  /** Copies that must have a record before an `acks=all` write of it succeeds. */
  minInsyncReplicas: number;
}

/**
 * The one place replication is decided. On one node every partition has its only copy. On three, every
 * partition has a copy on each node and a write with `acks=all` needs two of them: one node may be down
 * with no write refused, and no acknowledged record is lost with it.
 */
export function replicationFor(nodes: NodeCount): Replication {
  return nodes === 3 ? { replicationFactor: 3, minInsyncReplicas: 2 } : { replicationFactor: 1, minInsyncReplicas: 1 };
}

/** The topic config the lab sets beside retention: set explicitly, so a topic's description shows it. */
export const replicationTopicConfig = (r: Replication): Record<string, string> => ({ "min.insync.replicas": String(r.minInsyncReplicas) });

/** The broker defaults (server.properties) for internal topics and topics made without explicit settings. */
export function replicationBrokerConfig(r: Replication): [string, number | boolean][] {
  return [
    ["default.replication.factor", r.replicationFactor],
    ["min.insync.replicas", r.minInsyncReplicas],
    ["offsets.topic.replication.factor", r.replicationFactor],
    ["transaction.state.log.replication.factor", r.replicationFactor],
    ["transaction.state.log.min.isr", r.minInsyncReplicas],
    ["share.coordinator.state.topic.replication.factor", r.replicationFactor],
    ["share.coordinator.state.topic.min.isr", r.minInsyncReplicas],
    // Explicit although it is Kafka's default: a replica that missed acknowledged records never becomes leader.
    ["unclean.leader.election.enable", false],
  ];
}

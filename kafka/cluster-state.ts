import { partitionKey, replicaKey, type RawClusterState, type RawPartition } from "@/lib/cluster/state";
import { internalCluster } from "./group-commit";
import { DESCRIBE_LOG_DIRS, decodeDescribeLogDirsV2, encodeDescribeLogDirsV2 } from "./log-dirs";
import { DESCRIBE_QUORUM, decodeDescribeQuorumV0, encodeDescribeQuorumV0 } from "./quorum";
import { sendRaw, sendRequestOf } from "./raw-request";

/**
 * Reads what the Cluster view shows, from every live broker. kafkajs' public admin has metadata but
 * neither DescribeLogDirs nor DescribeQuorum, and its offsets are the leader's only, so this uses its
 * internal cluster (as group-commit.ts does):
 * - Metadata: live brokers, and per partition its leader, replicas, ISR and offline replicas.
 * - DescribeQuorum (forwarded by a broker to the controllers): the active controller.
 * - ListOffsets to each partition's leader, latest: read_uncommitted gives the high watermark,
 *   read_committed the last stable offset.
 * - ListOffsets to every broker with replica id -2 (Kafka's "debugging" replica id): the broker answers
 *   from its own replica, leader or not, and with no isolation level it answers the log end offset.
 *   That is each replica's LEO exactly; DescribeLogDirs' offsetLag cannot give it (see log-dirs.ts).
 * - DescribeLogDirs to every broker: each replica's size on disk.
 */
interface InternalBroker {
  metadata(topics: string[]): Promise<{
    brokers: { nodeId: number; host: string; port: number }[];
    topicMetadata: {
      topic: string;
      partitionMetadata: { partitionId: number; leader: number; replicas: number[]; isr: number[]; offlineReplicas?: number[] }[];
    }[];
  }>;
  listOffsets(r: {
    replicaId?: number;
    isolationLevel: number;
    topics: { topic: string; partitions: { partition: number; timestamp: number }[] }[];
  }): Promise<{ responses: { topic: string; partitions: { partition: number; offset: string; errorCode: number }[] }[] }>;
}

interface InternalCluster {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  refreshMetadata(): Promise<void>;
  findBroker(q: { nodeId: number }): Promise<InternalBroker & object>;
  brokerPool: { metadata: Awaited<ReturnType<InternalBroker["metadata"]>> };
}

const LATEST = -1;
const DEBUGGING_REPLICA = -2;
const READ_UNCOMMITTED = 0;
const READ_COMMITTED = 1;
/** A broker that was just killed can still be listed for a few seconds: do not wait long for it. */
const BROKER_TIMEOUT_MS = 2500;

const within = <T>(ms: number, work: Promise<T>): Promise<T> =>
  Promise.race([work, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);

type Topics = { topic: string; partitions: RawPartition[] }[];

const latestOf = (topics: { topic: string; partitions: number[] }[]) =>
  topics.map((t) => ({ topic: t.topic, partitions: t.partitions.map((partition) => ({ partition, timestamp: LATEST })) }));

function byBroker(topics: Topics, pick: (p: RawPartition) => number[]): Map<number, { topic: string; partitions: number[] }[]> {
  const out = new Map<number, Map<string, number[]>>();
  for (const t of topics)
    for (const p of t.partitions)
      for (const b of pick(p)) {
        if (b < 0) continue;
        const perTopic = out.get(b) ?? new Map<string, number[]>();
        out.set(b, perTopic);
        perTopic.set(t.topic, [...(perTopic.get(t.topic) ?? []), p.partition]);
      }
  return new Map([...out].map(([b, m]) => [b, [...m].map(([topic, partitions]) => ({ topic, partitions }))]));
}

export function clusterReader(kafka: object) {
  let cluster: InternalCluster | null = null;
  let connected: Promise<void> | null = null;
  const connect = async () => {
    cluster ??= internalCluster<InternalCluster>(kafka, "read the cluster's state");
    await (connected ??= cluster.connect().catch((err: unknown) => {
      connected = null;
      throw err;
    }));
    return cluster;
  };

  async function read(): Promise<RawClusterState> {
    const c = await connect();
    // With no target topics, kafkajs asks the metadata of every topic.
    await c.refreshMetadata();
    const md = c.brokerPool.metadata;
    const topics: Topics = md.topicMetadata.map((t) => ({
      topic: t.topic,
      partitions: t.partitionMetadata.map((p) => ({
        partition: p.partitionId,
        leader: p.leader,
        replicas: p.replicas,
        isr: p.isr,
        offlineReplicas: p.offlineReplicas ?? [],
      })),
    }));
    const live = md.brokers.map((b) => ({ id: b.nodeId, host: b.host, port: b.port }));
    const state: RawClusterState = {
      live,
      controllerId: null,
      topics,
      highWatermarks: new Map(),
      lastStableOffsets: new Map(),
      replicaEnds: new Map(),
      replicaSizes: new Map(),
      failures: [],
      unreachable: new Set(),
    };
    const leaders = byBroker(topics, (p) => [p.leader]);
    const hosted = byBroker(topics, (p) => p.replicas);
    await Promise.all(
      live.map(async ({ id }) => {
        try {
          await within(BROKER_TIMEOUT_MS, askBroker(c, id, leaders.get(id) ?? [], hosted.get(id) ?? [], state));
        } catch (err) {
          state.unreachable.add(id);
          state.failures.push({ broker: id, error: err instanceof Error ? err.message : String(err) });
        }
      }),
    );
    return state;
  }

  return {
    read,
    disconnect: async () => {
      if (connected) await cluster?.disconnect().catch(() => undefined);
      connected = null;
    },
  };
}

async function askBroker(
  c: InternalCluster,
  id: number,
  leads: { topic: string; partitions: number[] }[],
  hosts: { topic: string; partitions: number[] }[],
  into: RawClusterState,
): Promise<void> {
  const broker = await c.findBroker({ nodeId: id });
  const send = sendRequestOf(broker);
  const store = (res: Awaited<ReturnType<InternalBroker["listOffsets"]>>, set: (topic: string, partition: number, offset: string) => void) => {
    for (const t of res.responses) for (const p of t.partitions) if (p.errorCode === 0) set(t.topic, p.partition, p.offset);
  };
  // Each question on its own: a partition whose leadership just moved fails one ListOffsets, not the rest.
  const failed = (what: string) => (err: unknown) => {
    into.failures.push({ broker: id, error: `${what}: ${err instanceof Error ? err.message : String(err)}` });
    return null;
  };
  const [hw, lso, ends, dirs, quorum] = await Promise.all([
    leads.length ? broker.listOffsets({ isolationLevel: READ_UNCOMMITTED, topics: latestOf(leads) }).catch(failed("high watermarks")) : null,
    leads.length ? broker.listOffsets({ isolationLevel: READ_COMMITTED, topics: latestOf(leads) }).catch(failed("last stable offsets")) : null,
    hosts.length
      ? broker.listOffsets({ replicaId: DEBUGGING_REPLICA, isolationLevel: READ_UNCOMMITTED, topics: latestOf(hosts) }).catch(failed("log end offsets"))
      : null,
    sendRaw(send, DESCRIBE_LOG_DIRS, encodeDescribeLogDirsV2(), decodeDescribeLogDirsV2).catch((err: unknown) => {
      // Every broker is asked this: a broker that cannot answer it is not reachable.
      into.unreachable.add(id);
      return failed("log dirs")(err);
    }),
    sendRaw(send, DESCRIBE_QUORUM, encodeDescribeQuorumV0(), decodeDescribeQuorumV0).catch(() => null),
  ]);
  if (hw) store(hw, (t, p, o) => into.highWatermarks.set(partitionKey(t, p), o));
  if (lso) store(lso, (t, p, o) => into.lastStableOffsets.set(partitionKey(t, p), o));
  if (ends) store(ends, (t, p, o) => into.replicaEnds.set(replicaKey(id, t, p), o));
  for (const d of dirs?.dirs ?? []) for (const r of d.replicas) if (!r.isFuture) into.replicaSizes.set(replicaKey(id, r.topic, r.partition), r.sizeBytes);
  if (into.controllerId === null && quorum && quorum.errorCode === 0 && quorum.leaderId >= 0) into.controllerId = quorum.leaderId;
}

export type ClusterReader = ReturnType<typeof clusterReader>;

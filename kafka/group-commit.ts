import type { PartitionOffset } from "@/lib/pipeline/replay";

/**
 * Commits a group's offsets the way Kafka's own admin client does (alterConsumerGroupOffsets): one
 * OffsetCommit request with generation -1 and no member id, which the group coordinator applies
 * whole or refuses whole, and refuses while the group has members. Public kafkajs has no such call,
 * so this reaches its internal cluster through the kafkajs client that adapter.ts (the one kafkajs
 * importer) hands over.
 */
export interface GroupCommitter {
  commit(groupId: string, offsets: readonly PartitionOffset[]): Promise<void>;
  disconnect(): Promise<void>;
}

/** The parts of kafkajs' internal Cluster and Broker this uses: public kafkajs has no admin OffsetCommit. */
interface InternalCluster {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  findGroupCoordinator(q: { groupId: string }): Promise<{
    offsetCommit(r: {
      groupId: string;
      groupGenerationId: number;
      memberId: string;
      topics: { topic: string; partitions: { partition: number; offset: string }[] }[];
    }): Promise<unknown>;
  }>;
}

/** A new kafkajs internal Cluster (its own connections) of the kafkajs client `kafka`. */
export function internalCluster<C>(kafka: object, purpose: string, opts: { isolationLevel?: number } = {}): C {
  const key = Object.getOwnPropertySymbols(kafka).find((s) => s.description === "private:Kafka:createCluster");
  const create = key ? (kafka as Record<symbol, (o: { allowAutoTopicCreation: boolean; isolationLevel?: number }) => C>)[key] : undefined;
  if (!create) throw new Error(`this kafkajs version has no internal cluster factory: cannot ${purpose}`);
  return create.call(kafka, { allowAutoTopicCreation: false, ...opts });
}

export function groupCommitter(kafka: object): GroupCommitter {
  const cluster = internalCluster<InternalCluster>(kafka, "commit a group's offsets atomically");
  let connected: Promise<void> | null = null;
  return {
    async commit(groupId, offsets) {
      await (connected ??= cluster.connect());
      const byTopic = new Map<string, { partition: number; offset: string }[]>();
      for (const o of offsets) {
        let list = byTopic.get(o.topic);
        if (!list) byTopic.set(o.topic, (list = []));
        list.push({ partition: o.partition, offset: o.offset });
      }
      const coordinator = await cluster.findGroupCoordinator({ groupId });
      await coordinator.offsetCommit({
        groupId,
        groupGenerationId: -1,
        memberId: "",
        topics: [...byTopic].map(([topic, partitions]) => ({ topic, partitions })),
      });
    },
    disconnect: async () => {
      if (connected) await cluster.disconnect();
    },
  };
}

import type { PartitionMetadata } from "kafkajs";
import type { OutgoingRecord } from "@/lib/contract/records";

type PartitionerArgs = { topic: string; partitionMetadata: PartitionMetadata[]; message: { key?: string | Buffer | null; value: string | Buffer | null } };
export type Partitioner = (args: PartitionerArgs) => number;

const replicated = (pm: readonly PartitionMetadata[]) => pm.some((p) => p.replicas.length > 1);

/**
 * The sends to make: all records in one when no topic of theirs is replicated (one broker holds every
 * partition), else one per topic partition, each in the records' order.
 */
export function sendsByPartition(
  records: readonly OutgoingRecord[],
  metadataOf: (topic: string) => PartitionMetadata[] | undefined,
  partitioner: Partitioner,
): OutgoingRecord[][] {
  if (records.length === 0) return [];
  const topics = new Set(records.map((r) => r.topic));
  if (![...topics].some((t) => replicated(metadataOf(t) ?? []))) return [records.slice()];
  const groups = new Map<string, OutgoingRecord[]>();
  for (const r of records) {
    const pm = metadataOf(r.topic) ?? [];
    const p = pm.length ? partitioner({ topic: r.topic, partitionMetadata: pm, message: { key: r.key, value: r.value } }) : -1;
    const k = `${r.topic}\u0000${p}`;
    let list = groups.get(k);
    if (!list) groups.set(k, (list = []));
    list.push(r);
  }
  return [...groups.values()];
}

/**
 * kafkajs retries a send that failed on one broker by sending again to each broker it has no answer
 * from in that send, tracked by its broker objects; the sequence numbers of the partitions that were
 * answered have moved on. When a broker dies, kafkajs may reconnect with new broker objects and
 * partitions change leaders, so a retry sends again partitions that another broker already wrote, with
 * new sequence numbers the broker's duplicate check cannot catch. Seen on a three-node cluster: 7 records
 * written twice inside one transaction after one broker was killed. A send that holds one partition
 * goes to one broker on every try: a retry only sends again what failed, with the sequence numbers
 * kafkajs rolled back, which the broker recognises as a duplicate.
 */
export function createPartitionSplitter(partitioner: Partitioner) {
  const metadata = new Map<string, PartitionMetadata[]>();
  return {
    /** The producer's partitioner, noting the partition metadata kafkajs hands it for each topic. */
    partitioner: ((args) => {
      metadata.set(args.topic, args.partitionMetadata);
      return partitioner(args);
    }) as Partitioner,
    /**
     * Sends `records` through `send`, one partition per call wherever a topic is known to be replicated. A
     * process's first send to a topic goes whole: kafkajs' partitioner learns the topic's partitions from it.
     * (Sending a record ahead of the rest would change the record batches a reader fetches, which a stateful
     * step such as the aggregation's update mode emits by.)
     */
    async send(records: readonly OutgoingRecord[], send: (records: OutgoingRecord[]) => Promise<void>): Promise<void> {
      for (const group of sendsByPartition(records, (t) => metadata.get(t), partitioner)) await send(group);
    },
  };
}

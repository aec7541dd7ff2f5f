import type { Consumer, Kafka, Producer } from "kafkajs";
import { internalCluster } from "./group-commit";
import { stablePartitioner } from "./producer";

/**
 * The log page's Kafka calls (storage, compaction, transactions made visible): offsets at both
 * isolation levels, records with null values (tombstones), a transaction held open, whole-topic
 * scans and tailing readers. Part of the adapter (./adapter.ts), the one kafkajs importer.
 */

/** kafkajs' isolation levels on the wire (ListOffsets, Fetch). */
const READ_UNCOMMITTED = 0;
const READ_COMMITTED = 1;

export interface PartitionLogOffsets {
  partition: number;
  /** The log start offset: the first offset still in the log (retention and compaction move it). */
  logStart: string;
  /** The high watermark: the end of what every in-sync replica has, what read_uncommitted reads up to. */
  highWatermark: string;
  /** The last stable offset: below the first still-open transaction, what read_committed reads up to. */
  lastStable: string;
}

interface InternalCluster {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  addTargetTopic(topic: string): Promise<void>;
  refreshMetadataIfNecessary(): Promise<void>;
  refreshMetadata(): Promise<void>;
  findTopicPartitionMetadata(topic: string): { partitionId: number }[];
  fetchTopicsOffset(
    q: { topic: string; fromBeginning: boolean; partitions: { partition: number }[] }[],
  ): Promise<{ topic: string; partitions: { partition: number; offset: string }[] }[]>;
}

/** Log start, high watermark and last stable offset of every partition of a topic. */
export function logOffsetsReader(kafka: Kafka) {
  const uncommitted = internalCluster<InternalCluster>(kafka, "list offsets", { isolationLevel: READ_UNCOMMITTED });
  const committed = internalCluster<InternalCluster>(kafka, "list offsets", { isolationLevel: READ_COMMITTED });
  let connected: Promise<unknown> | null = null;
  const list = async (cluster: InternalCluster, topic: string, fromBeginning: boolean) => {
    await cluster.addTargetTopic(topic);
    await cluster.refreshMetadataIfNecessary();
    const partitions = cluster.findTopicPartitionMetadata(topic).map((p) => ({ partition: p.partitionId }));
    const [answer] = await cluster.fetchTopicsOffset([{ topic, fromBeginning, partitions }]);
    return new Map((answer?.partitions ?? []).map((p) => [p.partition, p.offset]));
  };
  return {
    async offsets(topic: string): Promise<PartitionLogOffsets[]> {
      await (connected ??= Promise.all([uncommitted.connect(), committed.connect()]).catch((err: unknown) => {
        connected = null;
        throw err;
      }));
      const [start, high, stable] = await Promise.all([list(uncommitted, topic, true), list(uncommitted, topic, false), list(committed, topic, false)]);
      return [...high.keys()]
        .sort((a, b) => a - b)
        .map((partition) => ({
          partition,
          logStart: start.get(partition) ?? "0",
          highWatermark: high.get(partition)!,
          lastStable: stable.get(partition) ?? "0",
        }));
    },
    disconnect: async () => {
      if (connected) await Promise.all([uncommitted.disconnect(), committed.disconnect()]).catch(() => undefined);
      connected = null;
    },
  };
}
export type LogOffsetsReader = ReturnType<typeof logOffsetsReader>;

/** A record of the log page's demos: a null value is a tombstone (delete this key). */
export interface DemoRecord {
  key: string;
  value: string | null;
  headers?: Record<string, string>;
}

/** An idempotent producer that can write tombstones (the pipeline's producer never does). */
export function demoProducer(kafka: Kafka) {
  const producer: Producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: stablePartitioner });
  let connected: Promise<void> | null = null;
  return {
    async send(topic: string, records: readonly DemoRecord[]) {
      await (connected ??= producer.connect().catch((err: unknown) => {
        connected = null;
        throw err;
      }));
      await producer.send({ topic, acks: -1, messages: records.map((r) => ({ key: r.key, value: r.value, headers: r.headers })) });
    },
    disconnect: async () => {
      if (connected) await producer.disconnect().catch(() => undefined);
      connected = null;
    },
  };
}
export type DemoProducer = ReturnType<typeof demoProducer>;

/** A transaction begun, written to and left open: the caller ends it with abort or commit. */
export interface HeldTransaction {
  abort(): Promise<void>;
  commit(): Promise<void>;
}

/**
 * Begin a transaction, write these records in it and leave it open. The broker aborts it by itself
 * after `timeoutMs` (transaction.timeout.ms), as it does for a producer killed mid-transaction.
 */
export async function holdTransaction(kafka: Kafka, o: { transactionalId: string; topic: string; records: readonly DemoRecord[]; timeoutMs: number }) {
  const producer = kafka.producer({
    transactionalId: o.transactionalId,
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    transactionTimeout: o.timeoutMs,
    createPartitioner: stablePartitioner,
  });
  await producer.connect();
  try {
    const tx = await producer.transaction();
    await tx.send({ topic: o.topic, acks: -1, messages: o.records.map((r) => ({ key: r.key, value: r.value, headers: r.headers })) });
    const end = (how: "abort" | "commit") => async () => {
      try {
        await tx[how]();
      } finally {
        await producer.disconnect().catch(() => undefined);
      }
    };
    return { abort: end("abort"), commit: end("commit") } satisfies HeldTransaction;
  } catch (err) {
    await producer.disconnect().catch(() => undefined);
    throw err;
  }
}

/** A record as the log page reads it: only what it counts and shows. */
export interface ReadRecord {
  partition: number;
  offset: string;
  key: string | null;
  /** null: a tombstone */
  value: string | null;
}

const toRead = (partition: number, m: { offset: string; key: Buffer | null; value: Buffer | null }): ReadRecord => ({
  partition,
  offset: m.offset,
  key: m.key?.toString("utf8") ?? null,
  value: m.value === null ? null : m.value.toString("utf8"),
});

function quickConsumer(kafka: Kafka, groupId: string, readUncommitted: boolean): Consumer {
  return kafka.consumer({ groupId, readUncommitted, sessionTimeout: 10_000, heartbeatInterval: 1000, maxWaitTimeInMs: 100, allowAutoTopicCreation: false });
}

/**
 * Every record in the topic now, from its log start to `ends` (per partition, e.g. the high
 * watermarks), read by a throwaway group that commits nothing. Null when it did not get there in time.
 */
export async function scanTopic(
  kafka: Kafka,
  o: { topic: string; groupId: string; ends: Map<number, bigint>; timeoutMs: number },
): Promise<ReadRecord[] | null> {
  const waiting = new Set([...o.ends].filter(([, end]) => end > 0n).map(([p]) => p));
  const out: ReadRecord[] = [];
  if (waiting.size === 0) return out;
  const consumer = quickConsumer(kafka, o.groupId, true);
  try {
    await consumer.connect();
    await consumer.subscribe({ topic: o.topic, fromBeginning: true });
    const done = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), o.timeoutMs);
      void consumer.run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          for (const m of batch.messages) out.push(toRead(batch.partition, m));
          const next = BigInt(batch.lastOffset()) + 1n;
          if (next >= (o.ends.get(batch.partition) ?? 0n)) waiting.delete(batch.partition);
          if (waiting.size === 0) {
            clearTimeout(timer);
            resolve(true);
          }
        },
      });
    });
    return (await done) ? out.filter((r) => BigInt(r.offset) < (o.ends.get(r.partition) ?? 0n)) : null;
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
}

/** A reader from the end of a topic on, at one isolation level, handing over what it reads. */
export async function tailTopic(kafka: Kafka, o: { topic: string; groupId: string; readUncommitted: boolean; onRecords: (r: ReadRecord[]) => void }) {
  const consumer = quickConsumer(kafka, o.groupId, o.readUncommitted);
  // Resolved once it has fetched: it knows where the end was, so a record written after this is read.
  const fetched = new Promise<void>((resolve) => {
    const off = consumer.on(consumer.events.FETCH, () => {
      off();
      resolve();
    });
  });
  await consumer.connect();
  await consumer.subscribe({ topic: o.topic, fromBeginning: false });
  await consumer.run({ autoCommit: false, eachBatch: async ({ batch }) => o.onRecords(batch.messages.map((m) => toRead(batch.partition, m))) });
  return { fetched, stop: () => consumer.disconnect().catch(() => undefined) };
}

/**
 * Resume a consumer group whose committed offset may have fallen out of the log: kafkajs then resets
 * it as auto.offset.reset says (fromBeginning: earliest, else latest). Answers the first offset it
 * was given per partition (null: none within the timeout), committing nothing, so it can be asked again.
 */
export async function resumeGroup(kafka: Kafka, o: { topic: string; groupId: string; earliest: boolean; timeoutMs: number }): Promise<Map<number, string>> {
  const consumer = quickConsumer(kafka, o.groupId, false);
  const first = new Map<number, string>();
  try {
    await consumer.connect();
    await consumer.subscribe({ topic: o.topic, fromBeginning: o.earliest });
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, o.timeoutMs);
      void consumer.run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          const offset = batch.messages[0]?.offset;
          if (offset !== undefined && !first.has(batch.partition)) first.set(batch.partition, offset);
          if (first.size > 0) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
    return first;
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
}

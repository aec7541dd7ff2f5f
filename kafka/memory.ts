import type { LabRecord, OutgoingRecord } from "@/lib/contract/records";
import type { BatchOutcome, LabBatch, LabConsumer, LabProducer, PartitionOffset, TopicPartition } from "./types";

/**
 * An in-memory stand-in for one Kafka cluster, for unit tests of the stream loops: topics with
 * partitions and offsets, a consumer group's committed offsets, and transactions that write outputs
 * and offsets together or not at all. One consumer per group at a time, owning every partition; no
 * rebalances, no network. What needs a real broker (fencing, rebalances) stays in tests/integration.
 */
export interface MemoryKafka {
  createTopic(topic: string, partitions: number): void;
  /** Append records as a producer outside the pipeline would (keys hashed to partitions). */
  append(records: OutgoingRecord[]): void;
  records(topic: string): LabRecord[];
  committed(groupId: string): PartitionOffset[];
  producer(opts?: { failCommit?: (attempt: number) => Error | null }): LabProducer;
  /** `startAt` overrides where a partition is first read (as kafkajs may, from an offset not yet stable). */
  consumer(groupId: string, opts?: { batchSize?: number; startAt?: (tp: TopicPartition) => string | undefined }): LabConsumer;
}

const tpKey = (topic: string, partition: number) => `${topic}:${partition}`;

function hashPartition(key: string | null, partitions: number, fallback: number): number {
  if (key === null) return fallback % partitions;
  let h = 0;
  for (const ch of key) h = (h * 31 + ch.charCodeAt(0)) | 0;
  return Math.abs(h) % partitions;
}

export function createMemoryKafka(): MemoryKafka {
  const topics = new Map<string, LabRecord[][]>();
  const groups = new Map<string, Map<string, PartitionOffset>>();
  const waiters = new Set<() => void>();
  let appended = 0;

  const log = (topic: string) => {
    const t = topics.get(topic);
    if (!t) throw new Error(`unknown topic ${topic}`);
    return t;
  };
  const append = (records: OutgoingRecord[]) => {
    for (const r of records) {
      const parts = log(r.topic);
      const partition = hashPartition(r.key, parts.length, appended++);
      const part = parts[partition]!;
      const value = typeof r.value === "string" ? Buffer.from(r.value) : r.value;
      part.push({ topic: r.topic, partition, offset: String(part.length), key: r.key, value, timestamp: r.timestamp, headers: r.headers });
    }
    for (const wake of [...waiters]) wake();
  };
  const group = (id: string) => groups.get(id) ?? groups.set(id, new Map()).get(id)!;

  return {
    createTopic: (topic, partitions) =>
      void topics.set(
        topic,
        Array.from({ length: partitions }, () => []),
      ),
    append,
    records: (topic) => log(topic).flat(),
    committed: (groupId) => [...group(groupId).values()],
    producer(opts = {}) {
      let attempts = 0;
      return {
        connect: async () => undefined,
        disconnect: async () => undefined,
        send: async (records) => append(records),
        async sendAtomically(records, commit) {
          const failure = opts.failCommit?.(++attempts) ?? null;
          await commit.beforeCommit?.();
          if (failure) throw failure;
          append(records);
          for (const o of commit.offsets) group(commit.groupId).set(tpKey(o.topic, o.partition), o);
        },
      };
    },
    consumer(groupId, opts = {}) {
      return memoryConsumer({ groupId, topics: log, group, waiters, batchSize: opts.batchSize ?? 50, startAt: opts.startAt });
    },
  };
}

interface ConsumerDeps {
  groupId: string;
  topics: (topic: string) => LabRecord[][];
  group: (id: string) => Map<string, PartitionOffset>;
  waiters: Set<() => void>;
  batchSize: number;
  startAt?: (tp: TopicPartition) => string | undefined;
}

function memoryConsumer(d: ConsumerDeps): LabConsumer {
  let subscribed: TopicPartition[] = [];
  const position = new Map<string, number>();
  const assignmentListeners = new Set<(assigned: TopicPartition[]) => void>();
  let running = false;
  let stopped: Promise<void> = Promise.resolve();

  const startOf = (tp: TopicPartition) => {
    const start = d.startAt?.(tp) ?? d.group(d.groupId).get(tpKey(tp.topic, tp.partition))?.offset ?? "0";
    return Number(start);
  };
  const nextBatch = (): LabBatch | null => {
    for (const tp of subscribed) {
      const k = tpKey(tp.topic, tp.partition);
      const part = d.topics(tp.topic)[tp.partition]!;
      const from = position.get(k) ?? startOf(tp);
      position.set(k, from);
      if (from >= part.length) continue;
      const records = part.slice(from, from + d.batchSize);
      return { ...tp, records, highWatermark: String(part.length), nextOffset: String(from + records.length) };
    }
    return null;
  };
  const waitForRecords = () =>
    new Promise<void>((resolve) => {
      const wake = () => {
        d.waiters.delete(wake);
        resolve();
      };
      d.waiters.add(wake);
      setTimeout(wake, 20);
    });

  return {
    connect: async () => undefined,
    disconnect: async () => {
      running = false;
      await stopped;
    },
    stop: async () => {
      running = false;
      await stopped;
    },
    async subscribe(topics) {
      subscribed = topics.flatMap((topic) => d.topics(topic).map((_, partition) => ({ topic, partition })));
    },
    seek: (topic, partition, offset) => void position.set(tpKey(topic, partition), Number(offset)),
    pause: () => undefined,
    resume: () => undefined,
    onAssignment: (listener) => {
      assignmentListeners.add(listener);
      return () => assignmentListeners.delete(listener);
    },
    onGeneration: () => () => undefined,
    onCrash: () => () => undefined,
    async run(eachBatch) {
      running = true;
      for (const listener of assignmentListeners) listener(subscribed);
      const ctx = { heartbeat: async () => undefined, stillMember: async () => undefined, isStale: () => false };
      const loop = async () => {
        while (running) {
          const batch = nextBatch();
          if (!batch) {
            await waitForRecords();
            continue;
          }
          const positionBefore = position.get(tpKey(batch.topic, batch.partition));
          const outcome: BatchOutcome | void = await eachBatch(batch, ctx);
          const k = tpKey(batch.topic, batch.partition);
          if (position.get(k) !== positionBefore) continue; // the step sought elsewhere
          const next = outcome?.resumeAt === undefined || outcome.resumeAt === null ? batch.nextOffset : outcome.resumeAt;
          position.set(k, Number(next));
        }
      };
      stopped = loop().catch(() => undefined);
    },
    commit: async (offsets) => {
      for (const o of offsets) d.group(d.groupId).set(tpKey(o.topic, o.partition), o);
    },
    stableCommitted: async (partitions) =>
      partitions.map((tp) => d.group(d.groupId).get(tpKey(tp.topic, tp.partition)) ?? { ...tp, offset: "-1", metadata: null }),
  };
}

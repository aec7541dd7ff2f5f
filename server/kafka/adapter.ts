import {
  AssignerProtocol,
  Kafka,
  logLevel,
  Partitioners,
  type Admin,
  type ConfigResourceTypes,
  type Consumer,
  type EachBatchPayload,
  type KafkaMessage,
  type LogEntry,
  type ICustomPartitioner,
  type PartitionAssigner,
  type Producer,
} from "kafkajs";
import type { LabRecord, OutgoingRecord } from "@/lib/contract/records";
import { assignCoPartitioned } from "@/lib/pipeline/co-partition";
import type { Logger } from "../log";
import { chunkBySize } from "./chunk";
import { groupCommitter, type GroupCommitter } from "./group-commit";
import { stableOffsets } from "./stable-offsets";
import type { GroupDescription, PartitionOffset } from "@/lib/pipeline/replay";
import type { CommitOffsets, LabBatch, LabConsumer, LabProducer, TopicPartitionOffsets } from "./types";

/**
 * The one place that imports kafkajs: every record read is turned into our `LabRecord`,
 * every write starts as our `OutgoingRecord`.
 */
export interface KafkaAdapterOptions {
  brokers: string[];
  clientId: string;
  log: Logger;
  connectionTimeoutMs?: number;
  retries?: number;
}

export type KafkaAdapter = ReturnType<typeof createKafkaAdapter>;

process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= "1";

export function createKafkaAdapter(opts: KafkaAdapterOptions) {
  const kafka = new Kafka({
    clientId: opts.clientId,
    brokers: opts.brokers,
    connectionTimeout: opts.connectionTimeoutMs ?? 3000,
    retry: { retries: opts.retries ?? 8, initialRetryTime: 200, maxRetryTime: 5000 },
    logLevel: logLevel.WARN,
    logCreator: () => (entry: LogEntry) => forwardLog(opts.log, entry),
  });
  return {
    brokers: opts.brokers,
    admin: () => wrapAdmin(kafka.admin(), () => groupCommitter(kafka)),
    producer: (p: { transactionalId?: string } = {}) => wrapProducer(kafka, p.transactionalId),
    consumer: (c: ConsumerOptions) => wrapConsumer(kafka, c),
  };
}

function forwardLog(log: Logger, { namespace, label, log: entry }: LogEntry) {
  const { message, ...rest } = entry;
  const level = label === "ERROR" ? "warn" : "debug";
  log[level]({ kafkajs: namespace, ...rest }, message);
}

export function toLabRecord(topic: string, partition: number, m: KafkaMessage): LabRecord {
  return {
    topic,
    partition,
    offset: m.offset,
    key: m.key ? m.key.toString("utf8") : null,
    value: m.value ?? null,
    timestamp: Number(m.timestamp),
  };
}

function toMessages(records: OutgoingRecord[]) {
  const byTopic = new Map<string, { key: string | null; value: string | Buffer; timestamp: string }[]>();
  for (const r of records) {
    let list = byTopic.get(r.topic);
    if (!list) byTopic.set(r.topic, (list = []));
    list.push({ key: r.key, value: r.value, timestamp: String(r.timestamp) });
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}

/** kafkajs' ConfigResourceTypes.TOPIC; its enum is not a named export Node's ESM loader can see. */
const TOPIC_RESOURCE = 2 as ConfigResourceTypes;

function wrapAdmin(admin: Admin, makeCommitter: () => GroupCommitter) {
  let connected: Promise<void> | null = null;
  const ready = () => (connected ??= admin.connect());
  let committing: GroupCommitter | null = null;
  const committer = () => (committing ??= makeCommitter());
  return {
    connect: ready,
    disconnect: async () => {
      await committing?.disconnect();
      await admin.disconnect();
    },
    async describeCluster() {
      await ready();
      const c = await admin.describeCluster();
      return { clusterId: c.clusterId, controller: c.controller, brokers: c.brokers.map((b) => `${b.host}:${b.port}`) };
    },
    async listTopics() {
      await ready();
      return (await admin.listTopics()).filter((t) => !t.startsWith("__")).sort();
    },
    async ensureTopics(names: readonly string[], partitions: number, configs: Record<string, string> = {}) {
      await ready();
      const existing = new Set(await admin.listTopics());
      const missing = names.filter((n) => !existing.has(n));
      const configEntries = Object.entries(configs).map(([name, value]) => ({ name, value }));
      if (missing.length) {
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: 1, configEntries })),
        });
      }
      return { created: missing };
    },
    /** Set these topic configs. AlterConfigs replaces a topic's whole set, so pass every config the lab sets. */
    async configureTopics(topics: readonly string[], configs: Record<string, string>) {
      await ready();
      const configEntries = Object.entries(configs).map(([name, value]) => ({ name, value }));
      await admin.alterConfigs({ validateOnly: false, resources: topics.map((name) => ({ type: TOPIC_RESOURCE, name, configEntries })) });
    },
    /** The named configs of each topic, as the broker reports them. */
    async topicConfigs(topics: readonly string[], names: readonly string[]): Promise<Record<string, Record<string, string>>> {
      await ready();
      const res = await admin.describeConfigs({ includeSynonyms: false, resources: topics.map((name) => ({ type: TOPIC_RESOURCE, name, configNames: [...names] })) });
      return Object.fromEntries(res.resources.map((r) => [r.resourceName, Object.fromEntries(r.configEntries.map((e) => [e.configName, e.configValue]))]));
    },
    async partitionCounts(names: readonly string[]) {
      await ready();
      const meta = await admin.fetchTopicMetadata({ topics: [...names] });
      return Object.fromEntries(meta.topics.map((t) => [t.name, t.partitions.length]));
    },
    /**
     * Grow a topic to at least `count` partitions and return once the broker's metadata shows them, so
     * a client started next hashes keys over the new count. A metadata answer from just before an
     * earlier growth may ask to grow again: Kafka refuses that (the count is there), which counts as done.
     */
    async growPartitions(topic: string, count: number) {
      await ready();
      const shown = async () => (await admin.fetchTopicMetadata({ topics: [topic] })).topics[0]?.partitions.length ?? 0;
      const failed = await admin.createPartitions({ topicPartitions: [{ topic, count }] }).then(() => null, (err: unknown) => err);
      for (let i = 0; i < 100; i++) {
        if ((await shown()) >= count) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw failed ?? new Error(`${topic} still shows fewer than ${count} partitions`);
    },
    async topicOffsets(topic: string): Promise<TopicPartitionOffsets[]> {
      await ready();
      const offsets = await admin.fetchTopicOffsets(topic);
      return offsets
        .map((o) => ({ partition: o.partition, earliest: o.low, latest: o.high }))
        .sort((a, b) => a.partition - b.partition);
    },
    async groupOffsets(groupId: string, topics: string[]) {
      await ready();
      const res = await admin.fetchOffsets({ groupId, topics });
      return res.flatMap((t) =>
        t.partitions.map((p) => ({ topic: t.topic, partition: p.partition, offset: p.offset, metadata: p.metadata })),
      );
    },
    /** The group's state and members, as its coordinator describes it (Dead with no members: it never existed). */
    async describeGroup(groupId: string): Promise<GroupDescription> {
      await ready();
      const g = (await admin.describeGroups([groupId])).groups[0];
      if (!g) return { groupId, state: "Dead", members: [] };
      return { groupId, state: g.state, members: g.members.map((m) => ({ memberId: m.memberId, clientId: m.clientId, host: m.clientHost })) };
    },
    /** Per partition of each topic: its earliest offset, or the first offset at or after `at` (the end when there is none). */
    async rewindTargets(topics: readonly string[], to: { earliest: true } | { at: number }): Promise<PartitionOffset[]> {
      await ready();
      const out: PartitionOffset[] = [];
      for (const topic of topics) {
        const parts = "earliest" in to
          ? (await admin.fetchTopicOffsets(topic)).map((o) => ({ partition: o.partition, offset: o.low }))
          : await admin.fetchTopicOffsetsByTimestamp(topic, to.at);
        for (const p of parts) out.push({ topic, partition: p.partition, offset: p.offset });
      }
      return out;
    },
    /**
     * Commit these offsets for a group with no members, every topic in ONE OffsetCommit request
     * (generation -1, no member id, as Kafka's own admin client does): the coordinator applies it
     * whole or refuses it whole, and refuses it while the group has members (UNKNOWN_MEMBER_ID).
     * kafkajs' setOffsets instead joins the group with a consumer, one topic at a time.
     */
    async commitEmptyGroupOffsets(groupId: string, offsets: readonly PartitionOffset[]) {
      await committer().commit(groupId, offsets);
    },
    async deleteTopics(topics: string[]) {
      await ready();
      await admin.deleteTopics({ topics });
    },
    /** Delete these consumer groups with their committed offsets; one that does not exist counts as deleted. */
    async deleteGroups(groupIds: string[]) {
      await ready();
      try {
        await admin.deleteGroups(groupIds);
      } catch (err) {
        const groups = (err as { groups?: { groupId: string; errorCode: number; error?: { type?: string } }[] }).groups;
        const failed = groups?.filter((g) => g.errorCode !== 0 && g.error?.type !== "GROUP_ID_NOT_FOUND");
        if (!groups || (failed && failed.length > 0)) throw err;
      }
    },
  };
}
export type LabAdmin = ReturnType<typeof wrapAdmin>;

/**
 * kafkajs' default partitioner, except that a record without a key goes to a partition chosen from
 * its value instead of round-robin. kafkajs partitions a batch again on every retry: round-robin
 * would send a keyless record that was written but not acknowledged to another partition, where the
 * idempotent producer's sequence check cannot catch the duplicate (in a transaction as well).
 */
export const stablePartitioner: ICustomPartitioner = () => {
  const byKey = Partitioners.DefaultPartitioner();
  return (args) => {
    const { message } = args;
    if (message.key !== null && message.key !== undefined) return byKey(args);
    return byKey({ ...args, message: { ...message, key: message.value ?? "" } });
  };
};

function wrapProducer(kafka: Kafka, transactionalId?: string): LabProducer {
  // Idempotent even without a transaction: kafkajs retries a whole batch when part of it failed,
  // and only the broker's sequence check keeps that retry from writing duplicates.
  const producer: Producer = kafka.producer({
    ...(transactionalId ? { transactionalId } : {}),
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: stablePartitioner,
    // Retries stay unlimited (kafkajs's default for an idempotent producer); only the first backoff is
    // shorter. A transaction's first send right after the previous commit usually meets
    // CONCURRENT_TRANSACTIONS for a few ms (the broker is still writing commit markers): waiting the
    // client-wide 200 ms there made every transaction take ~250 ms.
    retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 10, maxRetryTime: 5000 },
  });
  return {
    async connect() {
      await producer.connect();
      // A transactional producer fences its predecessor (the same id, e.g. a killed process) at once, as
      // Kafka's initTransactions() does: that aborts the transaction it left open. kafkajs would only do
      // so at the first transaction, but the worker reads the group's stable offsets before that, and
      // they stay unstable while the left-over transaction holds offsets (until its timeout, 60 s).
      if (transactionalId) await (await producer.transaction()).abort();
    },
    disconnect: () => producer.disconnect(),
    async send(records) {
      for (const chunk of chunkBySize(records)) await producer.sendBatch({ topicMessages: toMessages(chunk), acks: -1 });
    },
    async sendAtomically(records: OutgoingRecord[], commit: CommitOffsets) {
      if (!transactionalId) throw new Error("sendAtomically needs a transactional producer");
      const tx = await producer.transaction();
      try {
        for (const chunk of chunkBySize(records)) await tx.sendBatch({ topicMessages: toMessages(chunk), acks: -1 });
        // kafkajs does not retry AddOffsetsToTxn; the broker answers CONCURRENT_TRANSACTIONS (retriable)
        // while it still finishes the previous commit. The call is idempotent within the transaction.
        await retrying(() =>
          tx.sendOffsets({
            consumerGroupId: commit.groupId,
            topics: commit.offsets.map((o) => ({
              topic: o.topic,
              partitions: [{ partition: o.partition, offset: o.offset, metadata: o.metadata ?? null }],
            })),
          }),
        );
        await commit.beforeCommit?.();
        await tx.commit();
      } catch (err) {
        await tx.abort().catch(() => undefined);
        throw err;
      }
    },
  };
}

async function retrying<T>(fn: () => Promise<T>, attempts = 12): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (i + 1 >= attempts || !(err as { retriable?: boolean }).retriable) throw err;
      await new Promise((r) => setTimeout(r, Math.min(2000, 10 * 2 ** i)));
    }
  }
}

export interface ConsumerOptions {
  groupId: string;
  /** Assign partition p of every subscribed topic to the same member (for co-partitioned joins). */
  coPartitioned?: boolean;
  readUncommitted?: boolean;
  sessionTimeoutMs?: number;
}

const coPartitionedAssigner: PartitionAssigner = ({ cluster }) => ({
  name: "CoPartitioned",
  version: 1,
  async assign({ members, topics }) {
    await cluster.refreshMetadataIfNecessary();
    const layout = topics.map((topic) => ({
      topic,
      partitions: cluster.findTopicPartitionMetadata(topic).map((p) => p.partitionId),
    }));
    const plan = assignCoPartitioned(members.map((m) => m.memberId).sort(), layout);
    return members.map(({ memberId }) => ({
      memberId,
      memberAssignment: AssignerProtocol.MemberAssignment.encode({
        version: 1,
        assignment: plan[memberId] ?? {},
        userData: Buffer.alloc(0),
      }),
    }));
  },
  protocol: ({ topics }) => ({
    name: "CoPartitioned",
    metadata: AssignerProtocol.MemberMetadata.encode({ version: 1, topics, userData: Buffer.alloc(0) }),
  }),
});

function toLabBatch({ batch }: EachBatchPayload): LabBatch {
  return {
    topic: batch.topic,
    partition: batch.partition,
    records: batch.messages.map((m) => toLabRecord(batch.topic, batch.partition, m)),
    highWatermark: batch.highWatermark,
    nextOffset: (BigInt(batch.lastOffset()) + 1n).toString(),
  };
}

function wrapConsumer(kafka: Kafka, o: ConsumerOptions): LabConsumer {
  const consumer: Consumer = kafka.consumer({
    groupId: o.groupId,
    readUncommitted: o.readUncommitted ?? false,
    sessionTimeout: o.sessionTimeoutMs ?? 10_000,
    // Every heartbeat() call reaches the coordinator (kafkajs otherwise skips calls within the interval):
    // stillMember() must ask the coordinator, not remember an old answer.
    heartbeatInterval: 0,
    rebalanceTimeout: 20_000,
    maxWaitTimeInMs: 100,
    ...(o.coPartitioned ? { partitionAssigners: [coPartitionedAssigner] } : {}),
  });
  const stable = stableOffsets(kafka);
  return {
    connect: async () => {
      await consumer.connect();
      await stable.connect();
    },
    disconnect: async () => {
      await consumer.disconnect();
      await stable.disconnect();
    },
    stop: () => consumer.stop(),
    subscribe: (topics, fromBeginning) => consumer.subscribe({ topics: [...topics], fromBeginning }),
    seek: (topic, partition, offset) => consumer.seek({ topic, partition, offset }),
    pause: (tps) => consumer.pause(tps.map(({ topic, partition }) => ({ topic, partitions: [partition] }))),
    resume: (tps) => consumer.resume(tps.map(({ topic, partition }) => ({ topic, partitions: [partition] }))),
    onAssignment(listener) {
      return consumer.on(consumer.events.GROUP_JOIN, (e) => {
        const assigned = Object.entries(e.payload.memberAssignment).flatMap(([topic, parts]) =>
          (parts as number[]).map((partition) => ({ topic, partition })),
        );
        listener(assigned);
      });
    },
    onGeneration(listener) {
      // kafkajs tells the generation only with a heartbeat, which follows a join within a heartbeat interval.
      const offs = [
        consumer.on(consumer.events.REBALANCING, () => listener(null)),
        consumer.on(consumer.events.GROUP_JOIN, () => listener(null)),
        consumer.on(consumer.events.HEARTBEAT, (e) => listener(e.payload.groupGenerationId)),
      ];
      return () => offs.forEach((off) => off());
    },
    onCrash(listener) {
      return consumer.on(consumer.events.CRASH, (e) => listener(e.payload.error, e.payload.restart));
    },
    run: (eachBatch, runOpts) =>
      consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: runOpts?.partitionsConcurrently ?? 1,
        eachBatch: async (payload) => {
          const { batch } = payload;
          if (batch.isEmpty()) return payload.resolveOffset(batch.lastOffset());
          const stillMember = () =>
            payload.heartbeat().catch((err: { type?: string }) => {
              if (err.type !== "REBALANCE_IN_PROGRESS") throw err;
            });
          const outcome = await eachBatch(toLabBatch(payload), { heartbeat: payload.heartbeat, isStale: payload.isStale, stillMember });
          if (!outcome?.resumeAt) return payload.resolveOffset(batch.lastOffset());
          const upTo = BigInt(outcome.resumeAt) - 1n;
          if (upTo >= BigInt(batch.firstOffset() ?? outcome.resumeAt)) payload.resolveOffset(upTo.toString());
        },
      }),
    commit: (offsets) =>
      consumer.commitOffsets(offsets.map((x) => ({ topic: x.topic, partition: x.partition, offset: x.offset }))),
    stableCommitted: async (partitions) =>
      (await stable.fetch(o.groupId, partitions)).map(({ topic, partition, offset, metadata }) => ({ topic, partition, offset, metadata })),
  };
}

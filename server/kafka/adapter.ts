import {
  AssignerProtocol,
  Kafka,
  logLevel,
  Partitioners,
  type Consumer,
  type LogEntry,
  type ICustomPartitioner,
  type PartitionAssigner,
  type Producer,
} from "kafkajs";
import type { OutgoingRecord } from "@/lib/contract/records";
import { assignCoPartitioned } from "@/lib/pipeline/co-partition";
import type { Logger } from "../log";
import { chunkBySize } from "./chunk";
import { wrapAdmin } from "./admin";
import { toLabBatch, toMessages } from "./messages";
import { groupCommitter } from "./group-commit";
import { stableOffsets } from "./stable-offsets";
import type { CommitOffsets, LabConsumer, LabProducer } from "./types";

export type { LabAdmin } from "./admin";

/**
 * The one place (with ./admin.ts, ./messages.ts and ./group-commit.ts) that imports kafkajs: every record read is
 * turned into our `LabRecord`, every write starts as our `OutgoingRecord`.
 */
export interface KafkaAdapterOptions {
  brokers: string[];
  clientId: string;
  log: Logger;
  connectionTimeoutMs?: number;
  retries?: number;
}

export type KafkaAdapter = ReturnType<typeof createKafkaAdapter>;

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
    // Passing a partitioner also keeps kafkajs from warning that its default one changed in v2.
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

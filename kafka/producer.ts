import { Partitioners, type ICustomPartitioner, type Kafka, type Producer } from "kafkajs";
import type { OutgoingRecord } from "@/lib/contract/records";
import { delay as sleep, isRetriable, retry, type RetryPolicy } from "@/lib/retry";
import { chunkBySize } from "./chunk";
import { createPartitionSplitter, type Partitioner } from "./partition-split";
import { createCoordinatorCache } from "./coordinator-cache";
import { createSettleGap } from "./txn-settle";
import { toMessages } from "./messages";
import type { Acks, CommitOffsets, LabProducer } from "./types";

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

const ACKS: Record<Acks, -1 | 0 | 1> = { all: -1, "1": 1, "0": 0 };

/**
 * A plain (not idempotent) producer for acks 1 and 0, made on first use: kafkajs refuses acks other than
 * all on an idempotent producer, since the broker's sequence check needs every write acknowledged. Its
 * retries can therefore write a record twice: part of what the learner trades for the faster answer.
 */
function plainProducer(kafka: Kafka) {
  let made: Promise<Producer> | null = null;
  return {
    get: () =>
      (made ??= (async () => {
        const p = kafka.producer({ allowAutoTopicCreation: false, createPartitioner: stablePartitioner });
        await p.connect();
        return p;
      })().catch((err: unknown) => {
        made = null;
        throw err;
      })),
    disconnect: async () => {
      if (made) await (await made.catch(() => null))?.disconnect();
    },
  };
}

/** How long a transactional producer trusts a coordinator answer when no call through it failed. */
const COORDINATOR_TTL_MS = 10_000;

interface CoordinatorLookup {
  findGroupCoordinator(q: { groupId: string; coordinatorType?: number }): Promise<object>;
}

/**
 * `make()`'s producer, with its internal cluster's coordinator lookups cached (./coordinator-cache.ts):
 * kafkajs creates the producer's cluster through the client's private factory, swapped here for the call.
 */
function withCachedCoordinators(kafka: Kafka, make: () => Producer): Producer {
  const key = Object.getOwnPropertySymbols(kafka).find((s) => s.description === "private:Kafka:createCluster");
  const target = kafka as unknown as Record<symbol, (o: object) => CoordinatorLookup>;
  const original = key ? target[key] : undefined;
  if (!key || !original) return make();
  target[key] = (options) => {
    const cluster = original.call(kafka, options);
    const lookup = cluster.findGroupCoordinator.bind(cluster);
    const cache = createCoordinatorCache(lookup, (q) => `${q.coordinatorType ?? 0}:${q.groupId}`, { ttlMs: COORDINATOR_TTL_MS, clock: Date.now });
    cluster.findGroupCoordinator = (q) => cache.find(q);
    return cluster;
  };
  try {
    return make();
  } finally {
    target[key] = original;
  }
}

export function wrapProducer(kafka: Kafka, transactionalId?: string): LabProducer {
  const split = createPartitionSplitter(stablePartitioner() as Partitioner);
  // Idempotent even without a transaction: kafkajs retries a whole batch when part of it failed,
  // and only the broker's sequence check keeps that retry from writing duplicates.
  const create = (): Producer =>
    kafka.producer({
      ...(transactionalId ? { transactionalId } : {}),
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // Passing a partitioner also keeps kafkajs from warning that its default one changed in v2.
      createPartitioner: () => split.partitioner,
      // Retries stay unlimited (kafkajs's default for an idempotent producer); only the first backoff is
      // shorter. A transaction's first send right after the previous commit usually meets
      // CONCURRENT_TRANSACTIONS for a few ms (the broker is still writing commit markers): waiting the
      // client-wide 200 ms there made every transaction take ~250 ms.
      retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 10, maxRetryTime: 5000 },
    });
  const producer = transactionalId ? withCachedCoordinators(kafka, create) : create();
  const settle = createSettleGap();
  const plain = plainProducer(kafka);
  return {
    async connect() {
      await producer.connect();
      // A transactional producer fences its predecessor (the same id, e.g. a killed process) at once, as
      // Kafka's initTransactions() does: that aborts the transaction it left open. kafkajs would only do
      // so at the first transaction, but the worker reads the group's stable offsets before that, and
      // they stay unstable while the left-over transaction holds offsets (until its timeout, 60 s).
      if (transactionalId) await (await producer.transaction()).abort();
    },
    disconnect: async () => {
      await plain.disconnect();
      await producer.disconnect();
    },
    async send(records, acks = "all") {
      const via = acks === "all" ? producer : await plain.get();
      await split.send(records, async (part) => {
        for (const chunk of chunkBySize(part)) await via.sendBatch({ topicMessages: toMessages(chunk), acks: ACKS[acks] });
      });
    },
    async sendAtomically(records: OutgoingRecord[], commit: CommitOffsets) {
      if (!transactionalId) throw new Error("sendAtomically needs a transactional producer");
      const wait = settle.waitMs(Date.now());
      if (wait > 0) await sleep(wait);
      const tx = await producer.transaction();
      try {
        // The offsets go first: this small request meets CONCURRENT_TRANSACTIONS if the previous commit
        // has not settled yet, and is simply sent again, where kafkajs' sendBatch would log an error,
        // refresh the metadata and regroup the whole batch on each retry. kafkajs does not retry
        // AddOffsetsToTxn itself; the call is idempotent within the transaction.
        const sentAt = Date.now();
        let raced = false;
        await retry(
          () =>
            tx.sendOffsets({
              consumerGroupId: commit.groupId,
              topics: commit.offsets.map((o) => ({
                topic: o.topic,
                partitions: [{ partition: o.partition, offset: o.offset, metadata: o.metadata ?? null }],
              })),
            }),
          { ...SEND_OFFSETS_RETRY, onRetry: (err) => void (raced ||= isConcurrentTransactions(err)) },
        );
        settle.firstRequest(sentAt, raced);
        await split.send(records, async (part) => {
          for (const chunk of chunkBySize(part)) await tx.sendBatch({ topicMessages: toMessages(chunk), acks: -1 });
        });
        await commit.beforeCommit?.();
        await tx.commit();
      } catch (err) {
        await tx.abort().catch(() => undefined);
        throw err;
      } finally {
        settle.ended(Date.now());
      }
    },
  };
}

const isConcurrentTransactions = (err: unknown) => (err as { type?: unknown } | null)?.type === "CONCURRENT_TRANSACTIONS";

/** AddOffsetsToTxn while the broker still finishes the previous commit: quick, short pauses (2, 4, 8… ms), 14 tries. */
const SEND_OFFSETS_RETRY: RetryPolicy = { attempts: 14, initialMs: 2, maxMs: 2000, retriable: isRetriable };

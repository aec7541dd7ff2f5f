import type { Consumer, Kafka } from "kafkajs";
import { coPartitionedAssigner } from "./assignment";
import { toLabBatch } from "./messages";
import { stableOffsets } from "./stable-offsets";
import type { LabConsumer } from "./types";

export interface ConsumerOptions {
  groupId: string;
  /** Assign partition p of every subscribed topic to the same member (for co-partitioned joins). */
  coPartitioned?: boolean;
  readUncommitted?: boolean;
  sessionTimeoutMs?: number;
  /**
   * A consumer whose batches commit (default) heartbeats at most every MEMBERSHIP_PROOF_MS, so that
   * `stillMember()` rests on a fresh answer; a reader that commits nothing (a view, the bench's tap)
   * sets false and keeps kafkajs' 3 s: a heartbeat after a batch delays the next fetch by a round trip.
   */
  heartbeatEveryBatch?: boolean;
}

/**
 * kafkajs sends a heartbeat only when the last successful one is older than the interval, so
 * `stillMember()` may rest on an answer this old. That is as good as a fresh one: the group can only
 * go on without a member that stays in a batch by expelling it, after its session timeout (10 s without
 * a heartbeat) or the rebalance timeout (20 s after a rebalance began, which that answer says had not).
 * A heartbeat after every batch (interval 0) cost two of the eight requests of each fetch-and-commit
 * round at 1,000 rec/s (bench/README.md, item 27).
 */
const MEMBERSHIP_PROOF_MS = 500;

export function wrapConsumer(kafka: Kafka, o: ConsumerOptions): LabConsumer {
  const consumer: Consumer = kafka.consumer({
    groupId: o.groupId,
    readUncommitted: o.readUncommitted ?? false,
    sessionTimeout: o.sessionTimeoutMs ?? 10_000,
    heartbeatInterval: o.heartbeatEveryBatch === false ? 3_000 : MEMBERSHIP_PROOF_MS,
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
        const assigned = Object.entries(e.payload.memberAssignment).flatMap(([topic, parts]) => (parts as number[]).map((partition) => ({ topic, partition })));
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
    commit: (offsets) => consumer.commitOffsets(offsets.map((x) => ({ topic: x.topic, partition: x.partition, offset: x.offset }))),
    stableCommitted: async (partitions) =>
      (await stable.fetch(o.groupId, partitions)).map(({ topic, partition, offset, metadata }) => ({ topic, partition, offset, metadata })),
  };
}

import type { HeldTransaction, KafkaAdapter, LabAdmin, LogOffsetsReader } from "@/kafka/adapter";
import type { LogView, PartitionLog, ResetOutcome, ResetPolicy } from "@/lib/contract/log";
import type { TopicNames } from "@/lib/contract/topics";
import { RequestError } from "@/lib/errors";
import type { Logger } from "@/lib/log";
import { isRetriable, retry, type RetryPolicy } from "@/lib/retry";
import { resetOutcome } from "@/lib/loglab/storage";
import { heldRecords } from "@/lib/loglab/txn";
import { createCompactionDemo } from "./compaction";
import { COMPACTION_CONFIG, ensureDemoTopic, readSegments, STORAGE_CONFIG } from "./demo-topics";
import { createTxnReaders } from "./readers";

export interface LogLabDeps {
  kafka: KafkaAdapter;
  admin: LabAdmin;
  names: TopicNames;
  log: Logger;
  /** The embedded broker's log dirs (segment files); null with an external cluster. */
  logDirs: (() => readonly string[]) | null;
  /** Creates the pipeline's topics (the transaction readers read A_output). */
  ensurePipelineTopics: () => Promise<unknown>;
  now?: () => number;
}

/** The held transaction lives this long unless aborted: then the broker aborts it, as after a SIGKILL. */
export const HELD_TIMEOUT_MS = 60_000;
const STORAGE_TICK_MS = 250;
const STORAGE_PER_TICK = 5;
/** Each storage record is padded so that a segment holds a visible number of bytes. */
const PADDING = "·".repeat(200);

const COORDINATOR_RETRY: RetryPolicy = { attempts: 10, initialMs: 200, maxMs: 2000, retriable: isRetriable };

export type LogLab = ReturnType<typeof createLogLab>;

/** The log page's demos: storage and retention, compaction, a transaction held open on a pipeline output. */
export function createLogLab(d: LogLabDeps) {
  const now = d.now ?? Date.now;
  const storageTopic = d.names.name("lab_storage");
  const slowGroup = d.names.group("log-slow-reader");
  const offsets: LogOffsetsReader = d.kafka.logLab.offsetsReader();
  const producer = d.kafka.logLab.producer();
  const compaction = createCompactionDemo({ ...d, producer, offsets, topic: d.names.name("lab_profiles"), now });
  const readers = createTxnReaders({ kafka: d.kafka, topic: d.names.name("A_output"), groupPrefix: d.names.group("log-reader"), log: d.log });
  let storage: { timer: NodeJS.Timeout; produced: number } | null = null;
  let produced = 0;
  let slowReaderAt: string | null = null;
  let lastReset: ResetOutcome | null = null;
  let held: { tx: HeldTransaction; since: number; records: number; timer: NodeJS.Timeout } | null = null;
  let lastEnded: LogView["txn"]["lastEnded"] = null;

  const partitionOf = async (topic: string): Promise<PartitionLog | null> => (await offsets.offsets(topic).catch(() => []))[0] ?? null;

  const writeStorage = async () => {
    const records = Array.from({ length: STORAGE_PER_TICK }, (_, i) => ({ key: `k-${(produced + i) % 10}`, value: `${produced + i} ${PADDING}` }));
    await producer.send(storageTopic, records);
    produced += records.length;
  };

  const endHeld = (how: "aborted" | "timedOut") => {
    if (!held) return null;
    const h = held;
    clearTimeout(h.timer);
    held = null;
    lastEnded = { how, records: h.records, at: now() };
    return h;
  };

  return {
    async view(): Promise<LogView> {
      void readers.ensureStarted(d.ensurePipelineTopics);
      const [storagePartition, segments, txnPartitions] = await Promise.all([
        partitionOf(storageTopic),
        readSegments(d.logDirs?.() ?? null, storageTopic),
        offsets.offsets(readers.topic).catch(() => []),
      ]);
      return {
        storage: {
          topic: storageTopic,
          running: storage !== null,
          produced,
          partition: storagePartition,
          segments,
          slowReaderAt,
          lastReset,
          config: STORAGE_CONFIG,
        },
        compaction: await compaction.view(),
        txn: {
          topic: readers.topic,
          held: held ? { since: held.since, records: held.records, timeoutMs: HELD_TIMEOUT_MS } : null,
          lastEnded,
          readers: readers.view(),
          partitions: txnPartitions,
        },
      };
    },
    /** Start the storage demo's producer; the slow reader's group commits the current end and reads no further. */
    async startStorage() {
      if (storage) return;
      await ensureDemoTopic(d.admin, storageTopic, STORAGE_CONFIG);
      const end = (await partitionOf(storageTopic))?.highWatermark ?? "0";
      // A new group's coordinator may still be loading (NOT_COORDINATOR, retriable) on a fresh broker.
      await retry(() => d.admin.commitEmptyGroupOffsets(slowGroup, [{ topic: storageTopic, partition: 0, offset: end }]), COORDINATOR_RETRY);
      slowReaderAt = end;
      lastReset = null;
      let busy = false;
      const timer = setInterval(() => {
        if (busy) return;
        busy = true;
        writeStorage()
          .catch((err: Error) => d.log.warn({ err: err.message }, "storage demo could not write"))
          .finally(() => (busy = false));
      }, STORAGE_TICK_MS);
      storage = { timer, produced };
    },
    stopStorage() {
      if (storage) clearInterval(storage.timer);
      storage = null;
    },
    /** Resume the slow reader from its committed offset, with this auto.offset.reset, and say what it lost. */
    async resumeReader(policy: ResetPolicy): Promise<ResetOutcome> {
      if (slowReaderAt === null) throw new RequestError(409, "start the storage demo first: the slow reader commits its offset then");
      const before = await partitionOf(storageTopic);
      if (!before) throw new RequestError(409, `${storageTopic} has no partition yet: start the storage demo`);
      const first = await d.kafka.logLab.resumeGroup({ topic: storageTopic, groupId: slowGroup, earliest: policy === "earliest", timeoutMs: 8000 });
      const firstRead = first.get(0);
      lastReset = resetOutcome({
        policy,
        asked: BigInt(slowReaderAt),
        logStart: BigInt(before.logStart),
        logEnd: BigInt(before.highWatermark),
        firstRead: firstRead === undefined ? null : BigInt(firstRead),
        at: now(),
      });
      return lastReset;
    },
    startCompaction: () => compaction.start(COMPACTION_CONFIG),
    stopCompaction: () => compaction.stop(),
    deleteKey: (key: string) => compaction.deleteKey(key),
    /** Begin a transaction on the output topic, write a few records in it and leave it open. */
    async holdTransaction() {
      if (held) throw new RequestError(409, "a transaction is already held open: abort it first");
      // The readers must know where the end was before the records are written, or they would skip them.
      if (!(await readers.ensureStarted(d.ensurePipelineTopics))) throw new Error(`cannot read ${readers.topic} yet`);
      const records = heldRecords(now());
      const tx = await d.kafka.logLab.holdTransaction({
        transactionalId: d.names.group("log-held-tx"),
        topic: readers.topic,
        records,
        timeoutMs: HELD_TIMEOUT_MS,
      });
      // The broker aborts it after its timeout by itself; the producer is only let go of then.
      const timer = setTimeout(
        () =>
          void endHeld("timedOut")
            ?.tx.abort()
            .catch(() => undefined),
        HELD_TIMEOUT_MS,
      );
      held = { tx, since: now(), records: records.length, timer };
    },
    async abortTransaction() {
      const h = endHeld("aborted");
      if (!h) throw new RequestError(409, "no transaction is held open: hold one first");
      await h.tx.abort();
    },
    async shutdown() {
      this.stopStorage();
      compaction.stop();
      await endHeld("aborted")
        ?.tx.abort()
        .catch(() => undefined);
      await readers.stop();
      await Promise.all([producer.disconnect(), offsets.disconnect()]);
    },
  };
}

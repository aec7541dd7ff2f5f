import { createRequire } from "node:module";
import { Kafka, logLevel, type LogEntry } from "kafkajs";
import type { Logger } from "@/lib/log";
import { wrapAdmin } from "./admin";
import { clusterReader } from "./cluster-state";
import { wrapConsumer, type ConsumerOptions } from "./consumer";
import { groupCommitter } from "./group-commit";
import { demoProducer, holdTransaction, logOffsetsReader, resumeGroup, scanTopic, tailTopic } from "./log-lab";
import { wrapProducer } from "./producer";
import { sendErrorOf, type SendError } from "./send-errors";
import { readCommitted } from "./read-all";

export type { LabAdmin } from "./admin";
export type { ConsumerOptions } from "./consumer";
export type { DemoProducer, DemoRecord, HeldTransaction, LogOffsetsReader, PartitionLogOffsets, ReadRecord } from "./log-lab";
export type { ClusterReader } from "./cluster-state";
export type { SendError } from "./send-errors";

/**
 * The one folder that imports kafkajs, split by role: admin.ts, producer.ts, consumer.ts, assignment.ts
 * (with messages.ts reshaping records both ways). Every record read is turned into our `LabRecord`,
 * every write starts as our `OutgoingRecord`. This file makes the client and hands out the roles.
 */
export interface KafkaAdapterOptions {
  /** A function is asked at each (re)connect: the embedded side's addresses change when it switches node count. */
  brokers: string[] | (() => string[]);
  clientId: string;
  log: Logger;
  connectionTimeoutMs?: number;
  retries?: number;
}

/** Kafka's error names and messages, from kafkajs' own table (not a public export); none if it cannot be loaded. */
let knownErrors: { type: string; message: string }[] | null = null;
function kafkaErrors(): { type: string; message: string }[] {
  if (knownErrors) return knownErrors;
  try {
    knownErrors = (createRequire(import.meta.url)("kafkajs/src/protocol/error.js") as { errorCodes: { type: string; message: string }[] }).errorCodes;
  } catch {
    knownErrors = [];
  }
  return knownErrors;
}

export type KafkaAdapter = ReturnType<typeof createKafkaAdapter>;

export function createKafkaAdapter(opts: KafkaAdapterOptions) {
  const sendErrorListeners = new Set<(e: SendError) => void>();
  const kafka = new Kafka({
    clientId: opts.clientId,
    brokers: opts.brokers,
    connectionTimeout: opts.connectionTimeoutMs ?? 3000,
    retry: { retries: opts.retries ?? 8, initialRetryTime: 200, maxRetryTime: 5000 },
    logLevel: logLevel.WARN,
    logCreator: () => (entry: LogEntry) => {
      if (sendErrorListeners.size > 0) {
        const e = sendErrorOf(entry.namespace, entry.label, entry.log.message, kafkaErrors());
        if (e) for (const l of sendErrorListeners) l(e);
      }
      forwardLog(opts.log, entry);
    },
  });
  return {
    brokers: opts.brokers,
    admin: () => wrapAdmin(kafka.admin(), () => groupCommitter(kafka)),
    producer: (p: { transactionalId?: string } = {}) => wrapProducer(kafka, p.transactionalId),
    consumer: (c: ConsumerOptions) => wrapConsumer(kafka, c),
    /** The log page's demos: offsets at both isolation levels, tombstones, held transactions, scans. */
    logLab: {
      offsetsReader: () => logOffsetsReader(kafka),
      producer: () => demoProducer(kafka),
      holdTransaction: (o: Parameters<typeof holdTransaction>[1]) => holdTransaction(kafka, o),
      scan: (o: Parameters<typeof scanTopic>[1]) => scanTopic(kafka, o),
      tail: (o: Parameters<typeof tailTopic>[1]) => tailTopic(kafka, o),
      resumeGroup: (o: Parameters<typeof resumeGroup>[1]) => resumeGroup(kafka, o),
    },
    /** Reads the brokers' and partitions' replication state (the Cluster view), with its own connections. */
    cluster: () => clusterReader(kafka),
    /** Why a producer's send is being retried, each time kafkajs says so (an idempotent send just waits meanwhile). */
    onSendError(listener: (e: SendError) => void) {
      sendErrorListeners.add(listener);
      return () => void sendErrorListeners.delete(listener);
    },
    /** Every committed record of a small topic, start to end (see read-all.ts). */
    readCommitted: (topic: string) => readCommitted(kafka, topic),
  };
}

/**
 * Fields that differ on every repeat of the same kafkajs message (its own timestamp, the request's
 * correlation id, a retry's count and delay): without them a flood of one warning is identical lines,
 * which the component's log collapses into one ("×97").
 */
const VOLATILE = new Set(["timestamp", "logger", "clientId", "correlationId", "size", "retryCount", "retryTime", "stack"]);

/**
 * kafkajs logs every error answer as an error, also CONCURRENT_TRANSACTIONS to a transaction's first
 * request while the previous commit settles: expected, retried (kafka/producer.ts), not worth a warning.
 */
const EXPECTED_ERRORS = new Set(["The producer attempted to update a transaction while another concurrent operation on the same transaction was ongoing"]);

function forwardLog(log: Logger, { namespace, label, log: entry }: LogEntry) {
  const level = label === "ERROR" && !EXPECTED_ERRORS.has(String(entry.error)) ? "warn" : "debug";
  if (!log.isLevelEnabled(level)) return;
  const verbose = log.isLevelEnabled("debug");
  const fields = Object.fromEntries(Object.entries(entry).filter(([k]) => k !== "message" && (verbose || !VOLATILE.has(k))));
  log[level]({ kafkajs: namespace, ...fields }, entry.message);
}

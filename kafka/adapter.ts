import { Kafka, logLevel, type LogEntry } from "kafkajs";
import type { Logger } from "@/lib/log";
import { wrapAdmin } from "./admin";
import { wrapConsumer, type ConsumerOptions } from "./consumer";
import { groupCommitter } from "./group-commit";
import { wrapProducer } from "./producer";

export type { LabAdmin } from "./admin";
export type { ConsumerOptions } from "./consumer";

/**
 * The one folder that imports kafkajs, split by role: admin.ts, producer.ts, consumer.ts, assignment.ts
 * (with messages.ts reshaping records both ways). Every record read is turned into our `LabRecord`,
 * every write starts as our `OutgoingRecord`. This file makes the client and hands out the roles.
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

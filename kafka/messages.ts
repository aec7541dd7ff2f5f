import type { EachBatchPayload, KafkaMessage } from "kafkajs";
import type { LabRecord, OutgoingRecord } from "@/lib/contract/records";
import type { LabBatch } from "./types";

/** kafkajs messages to and from our records, for the Kafka adapter (./adapter.ts). */

export function toLabRecord(topic: string, partition: number, m: KafkaMessage): LabRecord {
  const rec: LabRecord = {
    topic,
    partition,
    offset: m.offset,
    key: m.key ? m.key.toString("utf8") : null,
    value: m.value ?? null,
    timestamp: Number(m.timestamp),
  };
  if (m.headers && Object.keys(m.headers).length) {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(m.headers)) {
      const first = Array.isArray(v) ? v[0] : v;
      if (first !== undefined) headers[k] = first.toString();
    }
    rec.headers = headers;
  }
  return rec;
}

type Message = { key: string | null; value: string | Buffer; timestamp: string; headers?: Record<string, string> };

export function toMessages(records: OutgoingRecord[]) {
  const byTopic = new Map<string, Message[]>();
  for (const r of records) {
    let list = byTopic.get(r.topic);
    if (!list) byTopic.set(r.topic, (list = []));
    list.push(
      r.headers
        ? { key: r.key, value: r.value, timestamp: String(r.timestamp), headers: r.headers }
        : { key: r.key, value: r.value, timestamp: String(r.timestamp) },
    );
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}

export function toLabBatch({ batch }: EachBatchPayload): LabBatch {
  return {
    topic: batch.topic,
    partition: batch.partition,
    records: batch.messages.map((m) => toLabRecord(batch.topic, batch.partition, m)),
    highWatermark: batch.highWatermark,
    nextOffset: (BigInt(batch.lastOffset()) + 1n).toString(),
  };
}

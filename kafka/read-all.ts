import type { Kafka } from "kafkajs";
import type { LabRecord } from "@/lib/contract/records";
import { toLabRecord } from "./messages";

/**
 * Every committed record of a (small) topic, from its start to its end as it was when asked: for a
 * restarted processor reading its state's changelog back, and for the grader reading a run's outputs.
 * Read with read_committed by a consumer group of its own, deleted afterwards. The end counts
 * transaction markers, which the consumer skips without handing them over: kafkajs still reports the
 * batch's last offset (END_BATCH_PROCESS), which is how the reader knows it got to the end.
 */
export async function readCommitted(kafka: Kafka, topic: string, timeoutMs = 30_000): Promise<LabRecord[]> {
  const admin = kafka.admin();
  await admin.connect();
  const groupId = `lab-reader-${topic}-${Math.random().toString(36).slice(2, 10)}`;
  try {
    const ends = new Map((await admin.fetchTopicOffsets(topic)).filter((o) => o.high !== o.low).map((o) => [o.partition, BigInt(o.high) - 1n]));
    if (ends.size === 0) return [];
    const records: LabRecord[] = [];
    const consumer = kafka.consumer({ groupId, readUncommitted: false, maxWaitTimeInMs: 100 });
    await consumer.connect();
    try {
      const done = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`could not read ${topic} to its end within ${timeoutMs / 1000} s`)), timeoutMs);
        consumer.on(consumer.events.END_BATCH_PROCESS, (e) => {
          const end = ends.get(e.payload.partition);
          if (end !== undefined && BigInt(e.payload.lastOffset) >= end) ends.delete(e.payload.partition);
          if (ends.size === 0) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          for (const m of batch.messages) records.push(toLabRecord(batch.topic, batch.partition, m));
        },
      });
      await done;
    } finally {
      await consumer.disconnect();
    }
    return records.sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
  } finally {
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}

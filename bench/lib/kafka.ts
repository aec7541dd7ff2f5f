import { setTimeout as sleep } from "node:timers/promises";
import type { LabRecord, OutgoingRecord } from "@/lib/contract/records";
import type { KafkaAdapter } from "@/kafka/adapter";

/** Poll until `check` holds; throw after `timeoutMs`. */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 120_000, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

/**
 * Write `total` records made by `make(i)` as fast as one producer can: batched, acknowledged sends
 * of `chunk` records, `parallel` sends in flight on separate producers. Returns the records/s reached.
 */
export async function preload(kafka: KafkaAdapter, total: number, make: (i: number) => OutgoingRecord, chunk = 5000, parallel = 2): Promise<number> {
  const producers = Array.from({ length: parallel }, () => kafka.producer());
  await Promise.all(producers.map((p) => p.connect()));
  const started = Date.now();
  let next = 0;
  await Promise.all(
    producers.map(async (p) => {
      while (next < total) {
        const from = next;
        next = Math.min(total, next + chunk);
        const batch: OutgoingRecord[] = [];
        for (let i = from; i < next; i++) batch.push(make(i));
        await p.send(batch);
      }
    }),
  );
  const ms = Date.now() - started;
  await Promise.all(producers.map((p) => p.disconnect()));
  return (total * 1000) / ms;
}

/** Sum of the end offsets of every partition of `topics` (records, plus transaction markers for transactional writers). */
export async function endOffsets(kafka: KafkaAdapter, topics: string[]): Promise<number> {
  const admin = kafka.admin();
  try {
    let sum = 0;
    for (const t of topics) for (const p of await admin.topicOffsets(t)) sum += Number(p.latest);
    return sum;
  } finally {
    await admin.disconnect();
  }
}

export interface Tap {
  count: number;
  stop(): Promise<void>;
}

/**
 * A read-committed consumer on `topics` that starts at their current end and calls `onRecord`
 * with each record and the time it was received. Resolves once it holds its partitions.
 */
export async function tap(kafka: KafkaAdapter, topics: string[], onRecord: (r: LabRecord, receivedAt: number) => void): Promise<Tap> {
  const consumer = kafka.consumer({ groupId: `bench-tap-${Date.now()}-${Math.random().toString(36).slice(2)}`, heartbeatEveryBatch: false });
  let assigned = false;
  const state: Tap = {
    count: 0,
    async stop() {
      await consumer.stop().catch(() => undefined);
      await consumer.disconnect().catch(() => undefined);
    },
  };
  consumer.onAssignment((a) => void (assigned = a.length > 0));
  await consumer.connect();
  await consumer.subscribe(topics, false);
  void consumer.run(async (batch) => {
    const now = Date.now();
    for (const r of batch.records) onRecord(r, now);
    state.count += batch.records.length;
  });
  await waitFor(() => assigned, `the tap on ${topics.join(",")} to be assigned`, 60_000);
  return state;
}

import { setTimeout as sleep } from "node:timers/promises";
import type { LabRecord, OutgoingRecord } from "@/lib/contract/records";
import { createKafkaAdapter, type KafkaAdapter } from "@/kafka/adapter";
import { createLogger } from "@/lib/log";

export function testKafka(brokers: string): KafkaAdapter {
  return createKafkaAdapter({ brokers: brokers.split(","), clientId: "lab-test", log: createLogger("test", "warn") });
}

/** Poll until `check` holds; fail with `what` after `timeoutMs`. Never a fixed sleep. */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

export async function produce(kafka: KafkaAdapter, records: OutgoingRecord[]): Promise<void> {
  const producer = kafka.producer();
  await producer.connect();
  try {
    await producer.send(records);
  } finally {
    await producer.disconnect();
  }
}

/**
 * Read a topic from the beginning (committed records only) until `expected` records have arrived,
 * then keep reading until nothing more comes for `quietMs`, so that extra records (duplicates) show up too.
 */
export async function readTopic(
  kafka: KafkaAdapter,
  topic: string,
  expected: number,
  timeoutMs = 90_000,
  quietMs = 2000,
  readUncommitted = false,
): Promise<LabRecord[]> {
  const consumer = kafka.consumer({ groupId: `reader-${topic}-${Math.random().toString(36).slice(2)}`, readUncommitted });
  // By position: a fetch this reader repeats (a broker down, its group coordinator moved) is the same record
  // read again, not a duplicate in the topic; two records at different offsets always count twice.
  const got = new Map<string, LabRecord>();
  let lastAt = Date.now();
  await consumer.connect();
  try {
    await consumer.subscribe([topic], true);
    void consumer.run(async (batch) => {
      for (const r of batch.records) got.set(`${batch.partition}:${r.offset}`, r);
      lastAt = Date.now();
    });
    await waitFor(() => got.size >= expected, `${expected} records on ${topic} (have ${got.size})`, timeoutMs);
    await waitFor(() => Date.now() - lastAt >= quietMs, `${topic} to go quiet`, timeoutMs);
    return [...got.values()];
  } finally {
    await consumer.disconnect();
  }
}

export const valueOf = <T>(r: LabRecord): T => JSON.parse(r.value!.toString("utf8")) as T;

/** A multiset as sorted JSON lines: equal when the same records appear the same number of times. */
export const multiset = (items: unknown[]) => items.map((i) => JSON.stringify(i)).sort();

import { randomUUID } from "node:crypto";
import type { LabRecord } from "@/lib/contract/records";
import type { KafkaAdapter, LabAdmin } from "../kafka/adapter";
import type { Logger } from "../log";

export interface ViewConsumerDeps {
  kafka: KafkaAdapter;
  admin: LabAdmin;
  log: Logger;
}

export interface ViewConsumer {
  stop(): Promise<void>;
}

const decoder = new TextDecoder("utf-8", { fatal: true });

/** Record value as text for display; bytes that are not UTF-8 are described, not shown. */
export function valueText(value: Buffer | null): string | null {
  if (value === null) return null;
  try {
    return decoder.decode(value);
  } catch {
    return `<${value.length} bytes, not UTF-8>`;
  }
}

/**
 * A consumer for what a page watches: its own throwaway group (so it never steals partitions
 * from a worker), read-committed, starting a few records before the end of each partition.
 */
export async function startViewConsumer(
  deps: ViewConsumerDeps,
  opts: { label: string; topics: string[]; rewind: number; onRecord: (r: LabRecord) => void },
): Promise<ViewConsumer> {
  const groupId = `lab-view-${opts.label}-${randomUUID().slice(0, 8)}`;
  const consumer = deps.kafka.consumer({ groupId, sessionTimeoutMs: 10_000 });
  await consumer.connect();
  try {
    await consumer.subscribe(opts.topics, false);
    await consumer.run(async (batch) => {
      for (const r of batch.records) opts.onRecord(r);
    });
    for (const topic of opts.topics) {
      for (const p of await deps.admin.topicOffsets(topic)) {
        const from = BigInt(p.latest) - BigInt(opts.rewind);
        const earliest = BigInt(p.earliest);
        consumer.seek(topic, p.partition, (from > earliest ? from : earliest).toString());
      }
    }
  } catch (err) {
    await consumer.disconnect().catch(() => undefined);
    throw err;
  }
  deps.log.debug({ groupId, topics: opts.topics }, "view consumer started");
  return {
    async stop() {
      await consumer.disconnect().catch((err: unknown) => deps.log.warn({ err, groupId }, "view consumer stop failed"));
    },
  };
}

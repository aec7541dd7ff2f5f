import { randomUUID } from "node:crypto";
import type { LabRecord } from "@/lib/contract/records";
import type { KafkaAdapter, LabAdmin } from "@/kafka/adapter";
import type { Logger } from "@/lib/log";

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
  const consumer = deps.kafka.consumer({ groupId, sessionTimeoutMs: 10_000, heartbeatEveryBatch: false });
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

export interface KeptViewConsumer {
  /** Whether the consumer is reading (false while waiting for topics or the broker). */
  connected(): boolean;
  stop(): Promise<void>;
}

/**
 * A view consumer that keeps trying: while its topics are missing or the broker is away it says
 * why (`onError`) and tries again every `retryMs`, until it reads or is stopped.
 */
export function keepViewConsumer(
  deps: ViewConsumerDeps,
  opts: { label: string; topics: string[]; rewind: number; onRecord: (r: LabRecord) => void; onError: (message: string) => void },
  retryMs = 3_000,
): KeptViewConsumer {
  let consumer: ViewConsumer | null = null;
  let retry: NodeJS.Timeout | null = null;
  let closed = false;
  const connect = async (): Promise<void> => {
    if (closed) return;
    try {
      const existing = await deps.admin.listTopics();
      const missing = opts.topics.filter((t) => !existing.includes(t));
      if (missing.length) throw new Error(`waiting for topics ${missing.join(", ")}: start the pipeline`);
      const started = await startViewConsumer(deps, opts);
      if (closed) await started.stop();
      else consumer = started;
    } catch (err) {
      opts.onError(err instanceof Error ? err.message : String(err));
      if (!closed) retry = setTimeout(() => void connect(), retryMs);
    }
  };
  void connect();
  return {
    connected: () => consumer !== null,
    async stop() {
      closed = true;
      if (retry) clearTimeout(retry);
      await consumer?.stop();
      consumer = null;
    },
  };
}

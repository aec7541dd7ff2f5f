import type { KafkaAdapter } from "@/kafka/adapter";
import type { ReaderView } from "@/lib/contract/log";
import type { Logger } from "@/lib/log";
import { tallyRead } from "@/lib/loglab/txn";

type Isolation = ReaderView["isolation"];
const fresh = (isolation: Isolation): ReaderView => ({ isolation, records: 0, demoRecords: 0, lastOffset: null });

/**
 * Two readers of one pipeline output, side by side: read_committed (as every worker reads) and
 * read_uncommitted. Started on first use, from the end of the topic; they commit nothing.
 */
export function createTxnReaders(o: { kafka: KafkaAdapter; topic: string; groupPrefix: string; log: Logger }) {
  const tallies: Record<"committed" | "uncommitted", ReaderView> = { committed: fresh("read_committed"), uncommitted: fresh("read_uncommitted") };
  let started: Promise<{ fetched: Promise<void>; stop(): Promise<unknown> }[]> | null = null;
  const start = async (ensureTopics: () => Promise<unknown>) => {
    await ensureTopics();
    return Promise.all(
      (["committed", "uncommitted"] as const).map((which) =>
        o.kafka.logLab.tail({
          topic: o.topic,
          groupId: `${o.groupPrefix}-${which}-${process.pid}`,
          readUncommitted: which === "uncommitted",
          onRecords: (records) => (tallies[which] = tallyRead(tallies[which], records)),
        }),
      ),
    );
  };
  return {
    topic: o.topic,
    /** Start them if they are not running; resolves once both have fetched (true), or could not start (false). */
    async ensureStarted(ensureTopics: () => Promise<unknown>): Promise<boolean> {
      started ??= start(ensureTopics).catch((err: Error) => {
        o.log.warn({ err: err.message }, "could not start the transaction readers yet");
        started = null;
        return [];
      });
      const readers = await started;
      await Promise.all(readers.map((r) => r.fetched));
      return readers.length > 0;
    },
    view: () => ({ ...tallies }),
    async stop() {
      const readers = (await started) ?? [];
      started = null;
      await Promise.all(readers.map((r) => r.stop()));
    },
  };
}

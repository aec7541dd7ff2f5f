import type { DemoProducer, KafkaAdapter, LabAdmin, LogOffsetsReader, ReadRecord } from "@/kafka/adapter";
import type { CompactionView } from "@/lib/contract/log";
import { RequestError } from "@/lib/errors";
import type { Logger } from "@/lib/log";
import { keyCounts, PROFILE_KEYS, profileUpdate, tallyWritten, type WrittenTally } from "@/lib/loglab/compaction";
import { COMPACTION_CONFIG, ensureDemoTopic, readSegments } from "./demo-topics";

const FEED_TICK_MS = 500;
/** The first tick writes this many updates at once: every key has several versions before the first compaction. */
const FIRST_BURST = PROFILE_KEYS * 4;
/** The log is read again at most this often (a whole-topic read by a throwaway group). */
const SCAN_EVERY_MS = 3000;

interface Deps {
  kafka: KafkaAdapter;
  admin: LabAdmin;
  producer: DemoProducer;
  offsets: LogOffsetsReader;
  log: Logger;
  logDirs: (() => readonly string[]) | null;
  topic: string;
  now: () => number;
}

/** The compacted user-profile table: a feeder of updates, tombstones on request, per-key counts from the log. */
export function createCompactionDemo(d: Deps) {
  const written = new Map<string, WrittenTally>();
  const deleted = new Set<string>();
  let n = 0;
  let timer: NodeJS.Timeout | null = null;
  let inLog: ReadRecord[] | null = null;
  let scannedAt: number | null = null;
  let scanning: Promise<void> | null = null;
  let scans = 0;

  const write = async (records: { key: string; value: string | null }[]) => {
    await d.producer.send(d.topic, records);
    tallyWritten(written, records);
  };
  // A deleted key gets no more updates: its tombstone is its last word, so the cleaner drops it in time.
  const nextUpdates = (count: number) => Array.from({ length: count }, () => profileUpdate(n++)).filter((u) => !deleted.has(u.key));

  const scan = () =>
    (scanning ??= (async () => {
      const parts = await d.offsets.offsets(d.topic);
      const ends = new Map(parts.map((p) => [p.partition, BigInt(p.highWatermark)]));
      const read = await d.kafka.logLab.scan({ topic: d.topic, groupId: `${d.topic}-scan-${scans++}`, ends, timeoutMs: 8000 });
      if (read) [inLog, scannedAt] = [read, d.now()];
    })()
      .catch((err: Error) => d.log.debug({ err: err.message }, "could not read the profile table"))
      .finally(() => (scanning = null)));

  return {
    async view(): Promise<CompactionView> {
      if (timer || written.size > 0) {
        if (scannedAt === null || d.now() - scannedAt >= SCAN_EVERY_MS) void scan();
      }
      const [parts, segments] = await Promise.all([d.offsets.offsets(d.topic).catch(() => []), readSegments(d.logDirs?.() ?? null, d.topic)]);
      return {
        topic: d.topic,
        running: timer !== null,
        keys: keyCounts(written, inLog),
        scannedAt,
        partition: parts[0] ?? null,
        segments,
        config: COMPACTION_CONFIG,
      };
    },
    async start(configs: Record<string, string>) {
      if (timer) return;
      await ensureDemoTopic(d.admin, d.topic, configs);
      if (n === 0) await write(nextUpdates(FIRST_BURST));
      let busy = false;
      timer = setInterval(() => {
        if (busy) return;
        busy = true;
        const next = nextUpdates(1);
        (next.length ? write(next) : Promise.resolve())
          .catch((err: Error) => d.log.warn({ err: err.message }, "compaction demo could not write"))
          .finally(() => (busy = false));
      }, FEED_TICK_MS);
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
    /** Write a tombstone: the key's value becomes null, and after delete.retention.ms the key is gone. */
    async deleteKey(key: string) {
      if (!written.has(key)) throw new RequestError(409, `${key} is not in the profile table: start the compaction demo first`);
      deleted.add(key);
      await write([{ key, value: null }]);
    },
  };
}

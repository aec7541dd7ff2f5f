import { z } from "zod";

/**
 * The log page (GET /api/log and its actions): storage (segments, retention, a reader that falls
 * behind it), compaction (a user-profile table) and transactions made visible on a pipeline output.
 */

export const RESET_POLICIES = ["earliest", "latest"] as const;
export const ResetPolicy = z.enum(RESET_POLICIES);
export type ResetPolicy = z.infer<typeof ResetPolicy>;

export const Segment = z.object({ baseOffset: z.string(), bytes: z.number() });
export type Segment = z.infer<typeof Segment>;

/** A partition's offsets: log start (retention, compaction), high watermark, last stable offset. */
export const PartitionLog = z.object({ partition: z.number(), logStart: z.string(), highWatermark: z.string(), lastStable: z.string() });
export type PartitionLog = z.infer<typeof PartitionLog>;

/** What the slow reader ran into when it resumed: where it asked to read, where the log started, where it was reset to. */
export const ResetOutcome = z.object({
  policy: ResetPolicy,
  asked: z.string(),
  logStart: z.string(),
  logEnd: z.string(),
  /** Where it read from; equal to `asked` when the offset was still in the log. */
  resetTo: z.string(),
  /** Records between `asked` and `resetTo` that it will never read. */
  lost: z.number(),
  at: z.number(),
});
export type ResetOutcome = z.infer<typeof ResetOutcome>;

/** The topics' configs the demos run with, as the page quotes them. */
export const DemoConfig = z.record(z.string(), z.string());

export const StorageView = z.object({
  topic: z.string(),
  running: z.boolean(),
  produced: z.number(),
  partition: PartitionLog.nullable(),
  /** The segment files in the broker's log dir; null when they cannot be read (an external cluster). */
  segments: z.array(Segment).nullable(),
  /** The offset the slow reader's group has committed (null: it has not started yet). */
  slowReaderAt: z.string().nullable(),
  lastReset: ResetOutcome.nullable(),
  config: DemoConfig,
});
export type StorageView = z.infer<typeof StorageView>;

/** One key of the compacted table: what was written since the demo started against what the log holds now. */
export const KeyCount = z.object({
  key: z.string(),
  produced: z.number(),
  tombstonesProduced: z.number(),
  /** Records of this key in the log now (tombstones included); null until the first scan. */
  inLog: z.number().nullable(),
  tombstonesInLog: z.number().nullable(),
  /** The value the log keeps last for it (null: a tombstone, or none). */
  latest: z.string().nullable(),
});
export type KeyCount = z.infer<typeof KeyCount>;

export const CompactionView = z.object({
  topic: z.string(),
  running: z.boolean(),
  keys: z.array(KeyCount),
  scannedAt: z.number().nullable(),
  partition: PartitionLog.nullable(),
  segments: z.array(Segment).nullable(),
  config: DemoConfig,
});
export type CompactionView = z.infer<typeof CompactionView>;

export const ReaderView = z.object({
  isolation: z.enum(["read_committed", "read_uncommitted"]),
  records: z.number(),
  /** Of those, records the held-transaction experiment wrote. */
  demoRecords: z.number(),
  lastOffset: z.string().nullable(),
});
export type ReaderView = z.infer<typeof ReaderView>;

export const TxnView = z.object({
  topic: z.string(),
  held: z.object({ since: z.number(), records: z.number(), timeoutMs: z.number() }).nullable(),
  /** How the last held transaction ended: aborted here, or by the broker when its timeout passed. */
  lastEnded: z.object({ how: z.enum(["aborted", "timedOut"]), records: z.number(), at: z.number() }).nullable(),
  readers: z.object({ committed: ReaderView, uncommitted: ReaderView }),
  partitions: z.array(PartitionLog),
});
export type TxnView = z.infer<typeof TxnView>;

export const LogView = z.object({ storage: StorageView, compaction: CompactionView, txn: TxnView });
export type LogView = z.infer<typeof LogView>;

/** POST /api/log/storage/resume: resume the slow reader with this auto.offset.reset. */
export const ResumeReader = z.object({ policy: ResetPolicy }).strict();
export type ResumeReader = z.infer<typeof ResumeReader>;

/** POST /api/log/compaction/delete: write a tombstone for this key of the profile table. */
export const DeleteKey = z.object({ key: z.string().regex(/^user-\d{1,3}$/, "a key of the profile table, e.g. user-3") }).strict();
export type DeleteKey = z.infer<typeof DeleteKey>;

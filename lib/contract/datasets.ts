import { z } from "zod";
import { PIPELINE_TOPICS } from "./records";

/** Largest file a learner may upload (POST /api/datasets/upload answers 413 above it). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** The topic a replay writes to unless told otherwise: exercise 7 reads it. */
export const DEFAULT_DATASET_TOPIC = "user_log";
/** How many dead-lettered rows a replay's status lists (the newest); the count covers them all. */
export const STATUS_DEAD_LETTERS = 20;

export const DATASET_FORMATS = ["csv", "jsonl"] as const;
export const DatasetFormat = z.enum(DATASET_FORMATS);
export type DatasetFormat = z.infer<typeof DatasetFormat>;

const columnName = z.string().min(1).max(128);

/** One file a replay can read: the generated sample or an upload. */
export const DatasetInfo = z.object({
  /** `sample-user-log`, or `upload-` and 12 hex digits (never the client's file name). */
  id: z.string().regex(/^(sample-user-log|upload-[0-9a-f]{12})$/),
  /** What the learner called it (shown only). */
  label: z.string(),
  format: DatasetFormat,
  bytes: z.number().int().min(0),
  columns: z.array(z.string()),
  /** The first rows, as text, to help choose columns. */
  preview: z.array(z.record(z.string(), z.string())),
  sample: z.boolean(),
  uploadedAt: z.number().int().nullable(),
});
export type DatasetInfo = z.infer<typeof DatasetInfo>;

export const DatasetList = z.object({ datasets: z.array(DatasetInfo) });
export type DatasetList = z.infer<typeof DatasetList>;

/** Where a row's event time comes from. */
export const TimeMapping = z.discriminatedUnion("kind", [
  /** One column: epoch milliseconds, epoch seconds, or an ISO 8601 date-time. */
  z.object({ kind: z.literal("column"), column: columnName, unit: z.enum(["ms", "s", "iso"]) }).strict(),
  /** user_log.csv has only a month and a day: midnight UTC of that day in `year` (the seed's log is 2015). */
  z.object({ kind: z.literal("monthDay"), month: columnName, day: columnName, year: z.number().int().min(2000).max(2100) }).strict(),
  /** No event time: each record is stamped when it is sent. */
  z.object({ kind: z.literal("none") }).strict(),
]);
export type TimeMapping = z.infer<typeof TimeMapping>;

export const ColumnMapping = z.object({ key: columnName, time: TimeMapping }).strict();
export type ColumnMapping = z.infer<typeof ColumnMapping>;

/** How fast to replay: a fixed rate, or event time sped up (x1 = as it happened, x60 = an hour a minute). */
export const ReplayPace = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("rate"), recordsPerSecond: z.number().min(0.1).max(20_000) }).strict(),
  z.object({ kind: z.literal("speed"), factor: z.number().min(1).max(10_000_000) }).strict(),
]);
export type ReplayPace = z.infer<typeof ReplayPace>;

/** A topic a replay may write: a plain name, never one of the pipeline's own topics. */
export const ReplayTopic = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,48}$/, "a topic name of lower-case letters, digits and '_' (e.g. user_log)")
  .refine((t) => !PIPELINE_TOPICS.includes(t), "is one of the pipeline's own topics; choose another name");

export const StartReplay = z
  .object({
    dataset: DatasetInfo.shape.id,
    mapping: ColumnMapping,
    pace: ReplayPace,
    topic: ReplayTopic.default(DEFAULT_DATASET_TOPIC),
  })
  .strict()
  .refine((s) => s.pace.kind === "rate" || s.mapping.time.kind !== "none", {
    message: "replaying at event-time speed needs an event-time column",
    path: ["pace"],
  });
export type StartReplay = z.infer<typeof StartReplay>;

export const DATASET_DEAD_LETTER_REASONS = ["bad_row", "missing_key", "bad_time", "too_large"] as const;
export const DatasetDeadLetterReason = z.enum(DATASET_DEAD_LETTER_REASONS);
export type DatasetDeadLetterReason = z.infer<typeof DatasetDeadLetterReason>;

export const RowProblem = z.object({ line: z.number().int().min(1), reason: DatasetDeadLetterReason, error: z.string() });
export type RowProblem = z.infer<typeof RowProblem>;

export const REPLAY_STATES = ["idle", "running", "done", "stopped", "failed"] as const;

export const ReplayStatus = z.object({
  state: z.enum(REPLAY_STATES),
  dataset: z.string().nullable(),
  topic: z.string().nullable(),
  pace: ReplayPace.nullable(),
  /** Rows written to the topic, and rows dead-lettered, acknowledged by Kafka. */
  sent: z.number().int().min(0),
  deadLettered: z.number().int().min(0),
  /** The last line of the file read and acknowledged (header = line 1 of a CSV). */
  line: z.number().int().min(0),
  /** Event time of the latest record sent. */
  eventTime: z.number().int().nullable(),
  recentDeadLetters: z.array(RowProblem),
  restarts: z.number().int().min(0),
  error: z.string().nullable(),
  startedAt: z.number().int().nullable(),
});
export type ReplayStatus = z.infer<typeof ReplayStatus>;

export const IDLE_REPLAY: ReplayStatus = {
  state: "idle",
  dataset: null,
  topic: null,
  pace: null,
  sent: 0,
  deadLettered: 0,
  line: 0,
  eventTime: null,
  recentDeadLetters: [],
  restarts: 0,
  error: null,
  startedAt: null,
};

/** Replay worker → server, over IPC: progress after every acknowledged send. */
export const ReplayWorkerMessage = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("progress"),
    line: z.number().int().min(0),
    sent: z.number().int().min(0),
    deadLetters: z.array(RowProblem),
    eventTime: z.number().int().nullable(),
  }),
  z.object({ type: z.literal("done") }),
  z.object({ type: z.literal("fatal"), error: z.string() }),
]);
export type ReplayWorkerMessage = z.infer<typeof ReplayWorkerMessage>;

/** What the server hands a replay worker (as LAB_REPLAY): the file it made, never a client's path. */
export const ReplayJob = z.object({
  file: z.string().min(1),
  format: DatasetFormat,
  dataset: z.string(),
  mapping: ColumnMapping,
  pace: ReplayPace,
  topic: z.string(),
  /** Lines up to this one were already sent by an earlier run of this replay (a restart after a crash). */
  doneThroughLine: z.number().int().min(0),
});
export type ReplayJob = z.infer<typeof ReplayJob>;

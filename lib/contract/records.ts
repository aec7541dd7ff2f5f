import { z } from "zod";

export const STRATEGIES = ["A", "B", "C", "D"] as const;
export type Strategy = (typeof STRATEGIES)[number];

export const inputTopic = (s: Strategy) => `${s}_input` as const;
export const outputTopic = (s: Strategy) => `${s}_output` as const;
export const JOIN_OUTPUT_TOPIC = "D_input_ready";
export const DEAD_LETTER_TOPIC = "dead_letters";
export const AGGREGATES_TOPIC = "aggregates";

export const PIPELINE_TOPICS: readonly string[] = [
  ...STRATEGIES.map(inputTopic),
  ...STRATEGIES.map(outputTopic),
  JOIN_OUTPUT_TOPIC,
  DEAD_LETTER_TOPIC,
  AGGREGATES_TOPIC,
];

export const VALUE_MIN = -10000;
export const VALUE_MAX = 10000;
/** 2000-01-01T00:00:00Z: the earliest event time a record may carry. */
export const TS_MIN = 946684800000;

/** A record as our code sees it, whatever client library read it. */
export interface LabRecord {
  topic: string;
  partition: number;
  /** Kafka offsets are 64-bit; kept as decimal strings. */
  offset: string;
  key: string | null;
  value: Buffer | null;
  /** Kafka record timestamp, ms since epoch. */
  timestamp: number;
  /** Kafka record headers, as UTF-8 text; absent when the record has none. */
  headers?: Record<string, string>;
}

/** A record our code wants written. */
export interface OutgoingRecord {
  topic: string;
  key: string | null;
  value: string | Buffer;
  timestamp: number;
  headers?: Record<string, string>;
}

/**
 * Header on every record the transform writes: the input record it came from, as `partition:offset`
 * of X_input. The in = out check counts distinct inputs with it, telling a duplicate from a loss.
 */
export const SOURCE_HEADER = "lab-source";

export const InputValue = z.object({
  strategy: z.enum(STRATEGIES),
  value: z.number().int().min(VALUE_MIN).max(VALUE_MAX),
  ts: z.number().int(),
});
export type InputValue = z.infer<typeof InputValue>;

export const OutputValue = z.object({
  result: z.number().int(),
  ts: z.number().int(),
});
export type OutputValue = z.infer<typeof OutputValue>;

export const JoinedValue = z.object({
  c_val: z.number().int(),
  d_val: z.number().int(),
  c_ts: z.number().int(),
  d_ts: z.number().int(),
  ts: z.number().int(),
});
export type JoinedValue = z.infer<typeof JoinedValue>;

/** Why the pipeline's workers dead-letter a record. */
export const PIPELINE_DEAD_LETTER_REASONS = [
  "not_utf8",
  "not_json",
  "not_object",
  "invalid_field",
  "wrong_strategy",
  "out_of_range",
  "too_large",
  "missing_key",
] as const;
export const DEAD_LETTER_REASONS = [
  ...PIPELINE_DEAD_LETTER_REASONS,
  // A dataset replay's rows (lib/datasets): not a row of the file, or no valid event time in it.
  "bad_row",
  "bad_time",
] as const;
export type DeadLetterReason = (typeof DEAD_LETTER_REASONS)[number];

export const DeadLetterValue = z.object({
  topic: z.string(),
  partition: z.number().int(),
  offset: z.string(),
  key: z.string().nullable(),
  reason: z.enum(DEAD_LETTER_REASONS),
  error: z.string(),
  payload: z.string().nullable(),
  payloadEncoding: z.enum(["utf8", "base64"]),
  payloadTruncated: z.boolean(),
  payloadBytes: z.number().int(),
  worker: z.string(),
  /** A dataset replay's row: its line in the file (its topic is the replay's, partition and offset −1: it never reached Kafka). */
  line: z.number().int().optional(),
});
export type DeadLetterValue = z.infer<typeof DeadLetterValue>;

import { z } from "zod";
import { DeliveryMode, PipelineView } from "./api";
import { STRATEGIES, VALUE_MAX, VALUE_MIN } from "./records";

const HOUR = 3_600_000;

/** A valid record a learner writes by hand, with an event time before (or after) now. */
export const InjectRecord = z
  .object({
    kind: z.literal("record"),
    strategy: z.enum(STRATEGIES),
    key: z.string().regex(/^[\w.-]{1,64}$/, "a key of letters, digits, '_', '.' or '-' (e.g. user-1)"),
    value: z.number().int().min(VALUE_MIN).max(VALUE_MAX),
    /** Event time relative to now: −3 min is -180000. */
    eventTimeOffsetMs: z
      .number()
      .int()
      .min(-24 * HOUR)
      .max(HOUR),
  })
  .strict();

export const BAD_RECORD_PRESETS = ["not-json", "not-utf8", "not-an-object", "wrong-strategy", "out-of-range", "missing-ts"] as const;

/** A malformed record, from a fixed set, to follow into dead_letters. */
export const InjectBad = z
  .object({
    kind: z.literal("bad"),
    strategy: z.enum(STRATEGIES),
    key: z
      .string()
      .regex(/^[\w.-]{1,64}$/)
      .nullable()
      .default("user-1"),
    preset: z.enum(BAD_RECORD_PRESETS),
  })
  .strict();

export const Inject = z.discriminatedUnion("kind", [InjectRecord, InjectBad]);
export type Inject = z.infer<typeof Inject>;

export const InjectAnswer = z.object({ topic: z.string(), key: z.string().nullable(), ts: z.number(), value: z.string() });

/** Where a stopped worker's consumer group starts reading again. */
export const Replay = z.discriminatedUnion("to", [
  z.object({ to: z.literal("earliest") }).strict(),
  z.object({ to: z.literal("timestamp"), at: z.number().int().min(0) }).strict(),
]);
export type Replay = z.infer<typeof Replay>;

/** A worker's consumer group as its coordinator describes it: the replay card waits for no members. */
export const GroupView = z.object({
  groupId: z.string(),
  state: z.string(),
  members: z.array(z.object({ memberId: z.string(), clientId: z.string(), host: z.string() })),
});
export type GroupView = z.infer<typeof GroupView>;

/** What a replay did: every partition of every input topic of the worker, where its group was and where it is now. */
export const ReplayAnswer = z.object({
  group: z.string(),
  to: z.enum(["earliest", "timestamp"]),
  at: z.number().nullable(),
  /** How long the server waited for the group to empty before rewinding it. */
  waitedMs: z.number(),
  partitions: z.array(z.object({ topic: z.string(), partition: z.number(), from: z.string().nullable(), to: z.string() })),
  /** Records the group will read again (sum of from − to). */
  records: z.number(),
  pipeline: PipelineView,
});
export type ReplayAnswer = z.infer<typeof ReplayAnswer>;

/** The delivery experiment: the transform's delivery mode from now on (POST /api/components/strategy/delivery). */
export const SetDeliveryMode = z.object({ mode: DeliveryMode }).strict();
export type SetDeliveryMode = z.infer<typeof SetDeliveryMode>;

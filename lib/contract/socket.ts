import { z } from "zod";
import { BrokerState, LogLine, PipelineView } from "./api";
import { COMPONENT_NAMES } from "./api";
import { ClusterView } from "./cluster";
import { STRATEGIES } from "./records";

/**
 * Every socket.io event that crosses the wire, server → client and client → server.
 * Both sides import these schemas; the server validates what clients send, the
 * client validates what the server sends.
 */

/** Kafka's own rule for topic names. */
export const TopicName = z.string().regex(/^[A-Za-z0-9._-]{1,249}$/);

/** One record as the topic viewer shows it; value text is truncated by the server. */
export const TailRecord = z.object({
  partition: z.number().int(),
  offset: z.string(),
  key: z.string().nullable(),
  value: z.string().nullable(),
  /** The number a chart plots (value, result or c_val), when the value has one. */
  num: z.number().nullable(),
  /** Event time from the value's `ts`, when it has one. */
  eventTs: z.number().nullable(),
  /** Kafka record timestamp. */
  timestamp: z.number(),
});
export type TailRecord = z.infer<typeof TailRecord>;

export const ValueSummary = z.object({ min: z.number(), max: z.number(), mean: z.number() });

/** What one topic room receives a few times a second: a bounded sample and an exact count. */
export const TopicBatch = z.object({
  topic: TopicName,
  at: z.number(),
  /** Milliseconds this batch covers. */
  intervalMs: z.number(),
  /** Every record read in the interval, sent or not. */
  total: z.number().int(),
  /** True when `records` is a sample of `total`. */
  sampled: z.boolean(),
  records: z.array(TailRecord),
  /** Over all `total` numeric values, so a chart stays truthful when sampled. */
  summary: ValueSummary.nullable(),
});
export type TopicBatch = z.infer<typeof TopicBatch>;

export const GroupPartitionOffset = z.object({
  partition: z.number().int(),
  committed: z.string().nullable(),
  lag: z.number().nullable(),
});
export const TopicStats = z.object({
  topic: TopicName,
  at: z.number(),
  partitions: z.array(z.object({ partition: z.number().int(), earliest: z.string(), latest: z.string() })),
  groups: z.array(z.object({ groupId: z.string(), partitions: z.array(GroupPartitionOffset) })),
});
export type TopicStats = z.infer<typeof TopicStats>;

export const JoinSideRecord = z.object({
  side: z.enum(["C", "D"]),
  key: z.string().nullable(),
  val: z.number(),
  ts: z.number(),
  partition: z.number().int(),
  offset: z.string(),
  /** Below the watermark when it arrived, as the viewer computes it. */
  late: z.boolean(),
});
export type JoinSideRecord = z.infer<typeof JoinSideRecord>;

export const JoinMatch = z.object({
  key: z.string().nullable(),
  c_val: z.number(),
  d_val: z.number(),
  c_ts: z.number(),
  d_ts: z.number(),
});
export type JoinMatch = z.infer<typeof JoinMatch>;

export const JoinBatch = z.object({
  at: z.number(),
  intervalMs: z.number(),
  records: z.array(JoinSideRecord),
  matches: z.array(JoinMatch),
  totals: z.object({ c: z.number().int(), d: z.number().int(), matches: z.number().int(), late: z.number().int() }),
  sampled: z.boolean(),
  watermark: z.number().nullable(),
  windowMs: z.number(),
  delayMs: z.number(),
});
export type JoinBatch = z.infer<typeof JoinBatch>;

/**
 * The "in = out" check of the transform, per strategy: records ever written to X_input, results
 * in X_output (read committed, counted from the start), dead letters that came from X_input, and
 * the strategy group's lag on X_input. Nothing lost or repeated ⇔ input = output + deadLetters + lag.
 */
export const InOutStats = z.object({
  at: z.number(),
  strategies: z.array(
    z.object({
      strategy: z.enum(STRATEGIES),
      input: z.number().int(),
      output: z.number().int(),
      deadLetters: z.number().int(),
      lag: z.number().int(),
      /** Distinct input records with an output or a dead letter: outputs + dead letters − handled are duplicates. */
      handled: z.number().int(),
    }),
  ),
});
export type InOutStats = z.infer<typeof InOutStats>;

/** Workers whose consumer group's lag the server measures for a view (`lag:subscribe`). */
export const LAG_WORKERS = ["strategy", "join", "aggregate"] as const;
export const LagWorker = z.enum(LAG_WORKERS);

/**
 * A worker's consumer-group lag as the server measures it about once a second: each input partition's
 * end offset against the group's committed offset. Measured from the broker, not reported by the
 * worker, so it keeps counting while a worker is killed. Topics are unprefixed.
 */
export const GroupLag = z.object({
  worker: LagWorker,
  at: z.number(),
  total: z.number().int(),
  partitions: z.array(
    z.object({
      topic: z.string(),
      partition: z.number().int(),
      end: z.number().int(),
      committed: z.number().int().nullable(),
      lag: z.number().int(),
    }),
  ),
});
export type GroupLag = z.infer<typeof GroupLag>;

export const LiveError = z.object({ event: z.string(), error: z.string() });

export const ServerEvents = {
  "broker:state": BrokerState,
  "pipeline:state": PipelineView,
  "component:log": z.object({ name: z.enum(COMPONENT_NAMES), lines: z.array(LogLine) }),
  "topic:batch": TopicBatch,
  "topic:stats": TopicStats,
  "join:batch": JoinBatch,
  "inout:stats": InOutStats,
  "lag:stats": GroupLag,
  "cluster:state": ClusterView,
  "live:error": LiveError,
} as const;
export type ServerEventName = keyof typeof ServerEvents;
export type ServerEventPayload<E extends ServerEventName> = z.infer<(typeof ServerEvents)[E]>;

export const ClientEvents = {
  "logs:subscribe": z.object({ name: z.enum(COMPONENT_NAMES) }),
  "logs:unsubscribe": z.object({ name: z.enum(COMPONENT_NAMES) }),
  "topic:subscribe": z.object({ topic: TopicName }),
  "topic:unsubscribe": z.object({ topic: TopicName }),
  "join:subscribe": z.object({}),
  "join:unsubscribe": z.object({}),
  "inout:subscribe": z.object({}),
  "inout:unsubscribe": z.object({}),
  "lag:subscribe": z.object({ worker: LagWorker }),
  "lag:unsubscribe": z.object({ worker: LagWorker }),
  "cluster:subscribe": z.object({}),
  "cluster:unsubscribe": z.object({}),
} as const;
export type ClientEventName = keyof typeof ClientEvents;
export type ClientEventPayload<E extends ClientEventName> = z.infer<(typeof ClientEvents)[E]>;

/** Event maps in the shape socket.io's generics take: `Server<ClientToServer, ServerToClient>`. */
export type ServerToClient = { [E in ServerEventName]: (payload: ServerEventPayload<E>) => void };
export type ClientToServer = { [E in ClientEventName]: (payload: ClientEventPayload<E>) => void };

/** Rooms, named in one place so server and client agree. */
export const rooms = {
  topic: (topic: string) => `topic:${topic}`,
  join: "view:join",
  inout: "view:inout",
  lag: (worker: string) => `view:lag:${worker}`,
  cluster: "view:cluster",
  logs: (name: string) => `logs:${name}`,
} as const;

/** Most records a view is sent per second before the server samples. */
export const VIEW_RECORDS_PER_SEC = 50;

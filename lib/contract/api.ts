import { z } from "zod";
import { settingsCost } from "../pipeline/capacity";
import { windowConfigProblem } from "../pipeline/window-spec";
import { Settings } from "./settings";

// The settings are defined in ./settings.ts, once; re-exported here, where the rest of the contract is.
export {
  AGG_OUTPUT_MODES,
  DEFAULT_SETTINGS,
  READ_AT_START,
  RESTARTING_WORKERS,
  SETTINGS_LIMITS,
  Settings,
  SettingsPatch,
  workersToRestart,
  type RestartingWorker,
} from "./settings";

export const COMPONENT_NAMES = ["producer-A", "producer-B", "producer-C", "producer-D", "strategy", "join", "aggregate"] as const;
export const ComponentName = z.enum(COMPONENT_NAMES);
export type ComponentName = z.infer<typeof ComponentName>;
export type ComponentKind = "producer" | "worker";
export const componentKind = (name: ComponentName): ComponentKind => (name.startsWith("producer-") ? "producer" : "worker");

export const COMPONENT_STATUSES = ["stopped", "starting", "running", "stopping", "crashed"] as const;
export const ComponentStatus = z.enum(COMPONENT_STATUSES);
export type ComponentStatus = z.infer<typeof ComponentStatus>;

/**
 * The most records/s per producer the pipeline sustains on a laptop (4 producers, the transform on
 * 2 cores keeps up with ~10k records/s in all). Above it the learner must ask for a load test.
 */
export const NORMAL_RATE_MAX = 2000;

/** Why these settings may not be applied together, naming the field; null when they may. */
export function settingsProblem(s: Settings): string | null {
  // The aggregate worker cannot run these at all (a load test included): refused here, not crashed there.
  const windows = windowConfigProblem({ sizeMs: s.aggWindowMs, slideMs: s.aggSlideMs, watermarkDelayMs: s.aggWatermarkDelayMs });
  if (windows) return `aggWindowMs, aggSlideMs and aggWatermarkDelayMs: ${windows}`;
  if (s.ratePerSecond > NORMAL_RATE_MAX && !s.loadTest) {
    return `ratePerSecond above ${NORMAL_RATE_MAX} records/s per producer is more than the pipeline sustains on a laptop: lower it, or set "loadTest": true to run a load test anyway (workers will fall behind)`;
  }
  if (s.loadTest) return null;
  const cost = settingsCost(s);
  if (cost.over.includes("pairs")) {
    return `ratePerSecond, keys and joinWindowMs: the join would have to write about ${Math.round(cost.pairsPerSec).toLocaleString("en")} pairs/s (rate² × 2 × window ÷ keys), more than one machine keeps up with, so it would fall minutes behind: use more keys, a narrower window or a lower rate, or set "loadTest": true to run it anyway`;
  }
  if (cost.over.includes("state")) {
    return `joinWindowMs and watermarkDelayMs: the join would hold about ${Math.round(cost.stateRows).toLocaleString("en")} records (≈ ${Math.round(cost.stateBytes / 1024 / 1024)} MB), more than fits beside the broker: shorten the window or the delay, lower the rate, or set "loadTest": true to run it anyway`;
  }
  return null;
}

export const LatencySummary = z.object({ p50: z.number(), p99: z.number(), max: z.number() });

/** What a worker or producer reports about itself, about once a second. */
export const ComponentMetrics = z.object({
  at: z.number(),
  recordsInPerSec: z.number(),
  recordsOutPerSec: z.number(),
  recordsInTotal: z.number(),
  recordsOutTotal: z.number(),
  deadLettered: z.number(),
  latencyMs: LatencySummary.nullable(),
  lag: z.array(z.object({ topic: z.string(), partition: z.number(), lag: z.number() })),
  assigned: z.array(z.object({ topic: z.string(), partition: z.number() })),
  /** The consumer group generation `assigned` belongs to (Kafka's generation id); null before the first join. */
  generation: z.number().int().nullable().optional(),
  /** The settings this process runs with (a worker's are fixed at its start); absent from older reports. */
  settings: Settings.optional(),
  /**
   * A producer's send that is being retried, and why (NOT_ENOUGH_REPLICAS while too few replicas are in
   * sync): since when, cleared by the next send that succeeds. Absent from workers and older reports.
   */
  sendError: z.object({ type: z.string().nullable(), message: z.string(), since: z.number() }).nullable().optional(),
  /** The newest event time among the records it has read, or null before the first (producers: none). */
  eventTime: z.number().nullable().optional(),
  join: z
    .object({
      stateC: z.number(),
      stateD: z.number(),
      watermark: z.number().nullable(),
      lateDropped: z.number(),
      matchesPerSec: z.number(),
      matchesTotal: z.number(),
    })
    .nullable(),
});
export type ComponentMetrics = z.infer<typeof ComponentMetrics>;

export const LogLine = z.object({
  at: z.number(),
  level: z.string(),
  msg: z.string(),
  /** How many times this line was logged in a row (or among recent lines): absent means once. */
  count: z.number().int().min(2).optional(),
});
export type LogLine = z.infer<typeof LogLine>;

export const InstanceView = z.object({
  index: z.number().int(),
  status: ComponentStatus,
  pid: z.number().nullable(),
  restarts: z.number(),
  reason: z.string().nullable(),
  metrics: ComponentMetrics.nullable(),
});
export type InstanceView = z.infer<typeof InstanceView>;

/** Producers run one process each; a worker may run up to this many (consumer-group members). */
export const MAX_INSTANCES = 8;

/**
 * How the transform commits its input offsets relative to its outputs (the delivery experiment).
 * exactly-once: outputs and offsets in one transaction (the default, and what a lab restart returns to);
 * at-least-once: outputs first, offsets later; at-most-once: offsets first, outputs later.
 */
export const DELIVERY_MODES = ["exactly-once", "at-least-once", "at-most-once"] as const;
export const DeliveryMode = z.enum(DELIVERY_MODES);
export type DeliveryMode = z.infer<typeof DeliveryMode>;

export const ComponentView = z.object({
  name: ComponentName,
  kind: z.enum(["producer", "worker"]),
  status: ComponentStatus,
  pid: z.number().nullable(),
  restarts: z.number(),
  /** Why it crashed (exit code or signal and the last log line); null unless crashed. */
  reason: z.string().nullable(),
  /** All instances together: rates and totals summed, lag and assignment merged. */
  metrics: ComponentMetrics.nullable(),
  /** How many processes it runs when started. */
  desiredInstances: z.number().int(),
  instances: z.array(InstanceView),
  /** The transform's delivery mode; only the strategy worker has one. */
  deliveryMode: DeliveryMode.optional(),
});
export type ComponentView = z.infer<typeof ComponentView>;

/** Said once per start, after an unclean stop: what was started again, or would have been (LAB_RESUME=false). */
export const ResumeNotice = z.object({
  kind: z.enum(["resumed", "notResumed"]),
  components: z.array(ComponentName),
  at: z.number(),
});
export type ResumeNotice = z.infer<typeof ResumeNotice>;

export const PipelineView = z.object({
  components: z.array(ComponentView),
  settings: Settings,
  resume: ResumeNotice.nullable().optional(),
  /** Cores of the machine the pipeline runs on, for what settings cost per core (absent: unknown). */
  cores: z.number().int().min(1).optional(),
});
export type PipelineView = z.infer<typeof PipelineView>;

export const SettingsAnswer = Settings.extend({
  /** Which components the change restarted (stopped gracefully, then started with the new settings), and why. */
  restartNeeded: z.array(z.object({ setting: z.string(), components: z.array(ComponentName), note: z.string() })),
});

/** POST /api/lab/reset: the clean pipeline, and how long the reset took. */
export const ResetAnswer = PipelineView.extend({ tookMs: z.number() });

export const BrokerMode = z.enum(["embedded", "external"]);

export const BROKER_PROCESS_STATUSES = ["starting", "running", "stopping", "stopped", "crashed"] as const;
/** The embedded broker's JVM as the server sees it (null with an external cluster). */
export const BrokerProcess = z.object({
  status: z.enum(BROKER_PROCESS_STATUSES),
  pid: z.number().nullable(),
  /** Why it last crashed or failed to start (exit code or signal, or the start error); null once it runs again. */
  reason: z.string().nullable(),
  /** Crashes since the lab started. */
  crashes: z.number().int(),
  /** When the server starts it again by itself, after a crash (epoch ms); null when none is planned. */
  restartAt: z.number().nullable(),
});
export type BrokerProcess = z.infer<typeof BrokerProcess>;

/** How many Kafka nodes the embedded broker side runs (KAFKA_NODES, or the broker card's switch). */
export const NodeCount = z.union([z.literal(1), z.literal(3)]);
export type NodeCount = z.infer<typeof NodeCount>;

/** One node of the embedded broker side: its JVM as the server sees it, and where it listens. */
export const BrokerNode = BrokerProcess.extend({ id: z.number().int(), port: z.number().int(), controllerPort: z.number().int() });
export type BrokerNode = z.infer<typeof BrokerNode>;

export const BrokerNodes = z.object({
  count: NodeCount,
  /** KAFKA_NODES is set: it decides the count, the card's switch cannot change it. */
  fromEnv: z.boolean(),
  nodes: z.array(BrokerNode),
});
export type BrokerNodes = z.infer<typeof BrokerNodes>;

export const SetNodeCount = z.object({ nodes: NodeCount }).strict();
export type SetNodeCount = z.infer<typeof SetNodeCount>;

export const BrokerState = z.object({
  connected: z.boolean(),
  mode: BrokerMode,
  brokers: z.string(),
  clusterId: z.string().nullable(),
  version: z.string().nullable(),
  topics: z.array(z.string()),
  error: z.string().nullable(),
  process: BrokerProcess.nullable(),
  /** The embedded side's nodes (null with an external cluster). */
  cluster: BrokerNodes.nullable(),
  at: z.number(),
});
export type BrokerState = z.infer<typeof BrokerState>;

export const Health = z.object({
  status: z.literal("ok"),
  broker: z.object({ connected: z.boolean(), brokers: z.string(), mode: BrokerMode, process: BrokerProcess.nullable() }),
});

export const TopicsView = z.object({
  topics: z.array(
    z.object({
      name: z.string(),
      partitions: z.array(z.object({ partition: z.number(), earliest: z.string(), latest: z.string() })),
    }),
  ),
});
export type TopicsView = z.infer<typeof TopicsView>;

export const ErrorBody = z.object({ error: z.string() });

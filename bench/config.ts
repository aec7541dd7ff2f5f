import { z } from "zod";
import { DEFAULT_KAFKA_VERSION } from "@/server/broker";

/** Blank counts as unset (a copied-but-empty `BENCH_KAFKA_BROKERS=`); values are trimmed. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === "string" ? v.trim() || undefined : v), schema);
const whole = (min: number, max: number, fallback: number) => optional(z.coerce.number().int().min(min).max(max).default(fallback));

type Env = Record<string, string | undefined>;

const BenchEnv = z.object({
  /** Use this cluster instead of starting the bench's own broker (memory then excludes the broker). */
  BENCH_KAFKA_BROKERS: optional(z.string().optional()),
  /** The bench broker's port; the controller uses the next one. */
  BENCH_KAFKA_PORT: whole(1, 65534, 19892),
  BENCH_KAFKA_HEAP_MB: whole(128, 16384, 256),
  /** The cluster scenario's first port (it takes six) and each node's heap (the app's KAFKA_HEAP_MB). */
  BENCH_CLUSTER_PORT: whole(1, 65530, 19900),
  BENCH_CLUSTER_HEAP_MB: whole(128, 16384, 256),
  BENCH_KAFKA_NICE: whole(0, 19, 10),
  /** Niceness of the workers the bench starts, as the app's WORKER_NICE. */
  BENCH_WORKER_NICE: whole(0, 19, 10),
  KAFKA_VERSION: optional(
    z
      .string()
      .regex(/^\d+\.\d+\.\d+$/)
      .default(DEFAULT_KAFKA_VERSION),
  ),
  BENCH_LOG_LEVEL: optional(z.enum(["warn", "error"]).default("error")),
  CHROMIUM_PATH: optional(z.string().default("/usr/bin/chromium")),
});

export interface BenchConfig {
  externalBrokers: string | null;
  kafkaPort: number;
  kafkaHeapMb: number;
  clusterPort: number;
  clusterHeapMb: number;
  kafkaNice: number;
  workerNice: number;
  kafkaVersion: string;
  logLevel: "warn" | "error";
  chromiumPath: string;
  /** The whole environment, handed on to the processes the bench starts (the app, load generators). */
  env: NodeJS.ProcessEnv;
}

const problems = (what: string, error: z.ZodError) => new Error(`${what}:\n${error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`);

/** The bench's environment, read and checked once, at start. */
export function loadBenchConfig(env: Env = process.env): BenchConfig {
  const parsed = BenchEnv.safeParse(env);
  if (!parsed.success) throw problems("bench environment is invalid", parsed.error);
  const v = parsed.data;
  return {
    externalBrokers: v.BENCH_KAFKA_BROKERS ?? null,
    kafkaPort: v.BENCH_KAFKA_PORT,
    kafkaHeapMb: v.BENCH_KAFKA_HEAP_MB,
    clusterPort: v.BENCH_CLUSTER_PORT,
    clusterHeapMb: v.BENCH_CLUSTER_HEAP_MB,
    kafkaNice: v.BENCH_KAFKA_NICE,
    workerNice: v.BENCH_WORKER_NICE,
    kafkaVersion: v.KAFKA_VERSION,
    logLevel: v.BENCH_LOG_LEVEL,
    chromiumPath: v.CHROMIUM_PATH,
    env: { ...env } as NodeJS.ProcessEnv,
  };
}

const LoadGenEnv = z.object({
  BROKERS: z
    .string()
    .min(1)
    .transform((s) => s.split(",")),
  C_TOPIC: z.string().min(1),
  D_TOPIC: z.string().min(1),
  RATE_PER_SIDE: z.coerce.number().positive(),
  KEYS: z.coerce.number().int().min(1),
});
export type LoadGenConfig = z.infer<typeof LoadGenEnv>;

/** The join scenario's load generator (bench/lib/load-gen.ts, its own process): what its parent set. */
export function loadLoadGenConfig(env: Env = process.env): LoadGenConfig {
  const parsed = LoadGenEnv.safeParse(env);
  if (!parsed.success) throw problems("load-gen needs its parent's settings", parsed.error);
  return parsed.data;
}

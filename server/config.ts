import { LabError } from "@/lib/errors";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { NodeCount } from "@/lib/contract/api";
import { DEFAULT_KAFKA_VERSION } from "./broker";
import { bootstrapOf, clusterLayout, lastPort } from "./broker/cluster-layout";
import { parseHost } from "./http/hosts";
import { LOG_FORMATS, LOG_LEVELS, type LogFormat, type LogLevel } from "@/lib/log";

export type BrokerMode = "embedded" | "external";

export interface ServerConfig {
  port: number;
  host: string;
  brokerMode: BrokerMode;
  /** The cluster to use: KAFKA_BROKERS when set, else the embedded broker's 127.0.0.1:KAFKA_PORT (each node's with KAFKA_NODES=3). */
  kafkaBrokers: string[];
  kafkaPort: number;
  /** KAFKA_NODES: one node or a three-node cluster; null when unset (the broker card's saved choice, else one). */
  kafkaNodes: NodeCount | null;
  kafkaVersion: string;
  /** Max heap of each embedded broker JVM (of each node in a cluster). */
  kafkaHeapMb: number;
  /** Scheduling niceness of worker and producer processes (0 = same as the dashboard). */
  workerNice: number;
  /** Scheduling niceness of the embedded broker JVM (0 = same as the dashboard). */
  kafkaNice: number;
  /** Absolute LAB_DATA_DIR. */
  dataDir: string;
  logLevel: LogLevel;
  /** `pretty` (readable lines) or `json` (pino's JSON lines) on the terminal. */
  logFormat: LogFormat;
  /** When `npm start` began (epoch ms, set by scripts/start.mjs), so the ready line counts the whole start; null when run directly. */
  startedAt: number | null;
  dashboardToken: string | null;
  topicPrefix: string;
  /** Names besides loopback and HOST that the dashboard answers to (`name` or `name:port`, lower-cased). */
  allowedHosts: string[];
  /** How long the lab's topics keep records (raised when the join may re-read older ones). */
  retentionMs: number;
  /** Disk the lab's topics may use together, in MB, split over every partition. */
  retentionMb: number;
  /** After an unclean stop (SIGKILL, crash), start again the components that were running. */
  resume: boolean;
}

export interface ConfigProblem {
  variable: string;
  given: string;
  expected: string;
  example: string;
}

export class ConfigError extends LabError {
  readonly problems: ConfigProblem[];

  constructor(problems: ConfigProblem[]) {
    super(describeProblems(problems));
    this.problems = problems;
  }
}

function describeProblems(problems: ConfigProblem[]): string {
  const lines = problems.map((p) => `  - ${p.variable}=${JSON.stringify(p.given)}: expected ${p.expected}. Example: ${p.example}`);
  return `Invalid configuration (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n${lines.join("\n")}\nSee .env.example for every variable.`;
}

export const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));

const port = (max: number) => z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(1).max(max));

const HOST_PORT = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/;

export function isHostPort(entry: string): boolean {
  const match = HOST_PORT.exec(entry);
  const portNumber = Number(match?.[2]);
  return match !== null && portNumber >= 1 && portNumber <= 65535;
}

const brokerList = z
  .string()
  .transform((s) =>
    s
      .split(",")
      .map((b) => b.trim())
      .filter(Boolean),
  )
  .refine((list) => list.length > 0 && list.every(isHostPort));

const hostList = z
  .string()
  .transform((s) =>
    s
      .split(",")
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
  )
  .refine((list) => list.every((h) => parseHost(h) !== null));

interface VariableSpec<T> {
  schema: z.ZodType<T, string>;
  fallback: () => T;
  expected: string;
  example: string;
}

const spec = <T>(s: VariableSpec<T>) => s;

const niceness = (name: string) =>
  spec({
    schema: z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(0).max(19)),
    fallback: () => 10,
    expected: "a niceness from 0 (none) to 19",
    example: `${name}=0`,
  });

const bool = (name: string, fallback: boolean) =>
  spec({
    schema: z.enum(["true", "false"]).transform((v) => v === "true"),
    fallback: () => fallback,
    expected: "true or false",
    example: `${name}=${String(!fallback)}`,
  });

const VARIABLES = {
  PORT: spec({ schema: port(65535), fallback: () => 3000, expected: "a TCP port number from 1 to 65535", example: "PORT=3000" }),
  HOST: spec({
    schema: z.string().regex(/^[A-Za-z0-9.:-]+$/),
    fallback: () => "127.0.0.1",
    expected: "a hostname or IP address to listen on",
    example: "HOST=127.0.0.1",
  }),
  KAFKA_BROKERS: spec<string[] | null>({
    schema: brokerList,
    fallback: () => null,
    expected: "a comma-separated list of host:port (port 1-65535)",
    example: "KAFKA_BROKERS=localhost:9092,localhost:9094",
  }),
  KAFKA_PORT: spec({
    schema: port(65534),
    fallback: () => 9092,
    expected: "a TCP port number from 1 to 65534 (the controller uses KAFKA_PORT+1; three nodes use KAFKA_PORT to KAFKA_PORT+5)",
    example: "KAFKA_PORT=9092",
  }),
  KAFKA_NODES: spec<NodeCount | null>({
    schema: z.enum(["1", "3"]).transform((n) => (n === "3" ? 3 : 1)),
    fallback: () => null,
    expected: "1 (one broker) or 3 (a three-node cluster)",
    example: "KAFKA_NODES=3",
  }),
  KAFKA_VERSION: spec({
    schema: z.string().regex(/^\d+\.\d+\.\d+$/),
    fallback: () => DEFAULT_KAFKA_VERSION,
    expected: `a released Kafka version like ${DEFAULT_KAFKA_VERSION}`,
    example: `KAFKA_VERSION=${DEFAULT_KAFKA_VERSION}`,
  }),
  KAFKA_HEAP_MB: spec({
    schema: z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(128).max(16384)),
    fallback: () => 256,
    expected: "a heap size in MB from 128 to 16384",
    example: "KAFKA_HEAP_MB=512",
  }),
  KAFKA_NICE: niceness("KAFKA_NICE"),
  WORKER_NICE: niceness("WORKER_NICE"),
  LAB_DATA_DIR: spec({
    schema: z.string().transform((p) => path.resolve(p)),
    fallback: () => path.join(REPO_ROOT, ".lab"),
    expected: "a directory path",
    example: "LAB_DATA_DIR=./.lab",
  }),
  LOG_LEVEL: spec<LogLevel>({ schema: z.enum(LOG_LEVELS), fallback: () => "info", expected: `one of ${LOG_LEVELS.join(", ")}`, example: "LOG_LEVEL=debug" }),
  LOG_FORMAT: spec<LogFormat>({
    schema: z.enum(LOG_FORMATS),
    fallback: () => "pretty",
    expected: `one of ${LOG_FORMATS.join(", ")}`,
    example: "LOG_FORMAT=json",
  }),
  LAB_STARTED_AT: spec<number | null>({
    schema: z.string().regex(/^\d+$/).transform(Number),
    fallback: () => null,
    expected: "epoch milliseconds (set by npm start)",
    example: "LAB_STARTED_AT=1767225600000",
  }),
  DASHBOARD_TOKEN: spec<string | null>({
    schema: z.string().regex(/^\S+$/),
    fallback: () => null,
    expected: "a token without spaces",
    example: "DASHBOARD_TOKEN=$(openssl rand -hex 16)",
  }),
  LAB_ALLOWED_HOSTS: spec<string[]>({
    schema: hostList,
    fallback: () => [],
    expected: "a comma-separated list of host names or host:port (IPv6 in brackets) the dashboard is opened by",
    example: "LAB_ALLOWED_HOSTS=lab.example.com,192.168.1.20:3000",
  }),
  LAB_RETENTION_MS: spec({
    schema: z
      .string()
      .regex(/^\d+$/)
      .transform(Number)
      .pipe(
        z
          .number()
          .int()
          .min(60_000)
          .max(30 * 24 * 3600_000),
      ),
    fallback: () => 3600_000,
    expected: "milliseconds from 60000 (1 minute) to 2592000000 (30 days)",
    example: "LAB_RETENTION_MS=3600000",
  }),
  LAB_RETENTION_MB: spec({
    schema: z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(64).max(1_048_576)),
    fallback: () => 2048,
    expected: "a total size in MB from 64 to 1048576",
    example: "LAB_RETENTION_MB=2048",
  }),
  LAB_RESUME: bool("LAB_RESUME", true),
  LAB_TOPIC_PREFIX: spec({
    schema: z.string().regex(/^[\w.-]*$/),
    fallback: () => "",
    expected: "letters, digits, '_', '.' or '-'",
    example: "LAB_TOPIC_PREFIX=alice.",
  }),
};

type Variables = typeof VARIABLES;
type Parsed = { [K in keyof Variables]: ReturnType<Variables[K]["fallback"]> };

/** Blank values count as unset, so a copied-but-empty `KAFKA_BROKERS=` means "embedded". */
function readVariable<T>(name: string, s: VariableSpec<T>, env: NodeJS.ProcessEnv, problems: ConfigProblem[]): T {
  const raw = env[name]?.trim();
  if (!raw) return s.fallback();
  const result = s.schema.safeParse(raw);
  if (result.success) return result.data;
  problems.push({ variable: name, given: raw, expected: s.expected, example: s.example });
  return s.fallback();
}

function readAll(env: NodeJS.ProcessEnv): Parsed {
  const problems: ConfigProblem[] = [];
  const entries = Object.entries(VARIABLES).map(([name, s]) => [name, readVariable(name, s as VariableSpec<unknown>, env, problems)]);
  const parsed = Object.fromEntries(entries) as Parsed;
  const portProblem = clusterPortProblem(parsed, env);
  if (portProblem) problems.push(portProblem);
  if (problems.length) throw new ConfigError(problems);
  return parsed;
}

/** Three nodes take KAFKA_PORT to KAFKA_PORT+5 (server/broker/cluster-layout.ts): all of them must be ports. */
function clusterPortProblem(v: Parsed, env: NodeJS.ProcessEnv): ConfigProblem | null {
  if (v.KAFKA_NODES !== 3 || lastPort(v.KAFKA_PORT, 3) <= 65535) return null;
  return {
    variable: "KAFKA_PORT",
    given: env.KAFKA_PORT?.trim() ?? "",
    expected: "at most 65530 with KAFKA_NODES=3 (it uses six ports from KAFKA_PORT)",
    example: "KAFKA_PORT=9092",
  };
}

export function loadServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const v = readAll(env);
  const external = v.KAFKA_BROKERS;
  return {
    port: v.PORT,
    host: v.HOST,
    brokerMode: external ? "external" : "embedded",
    kafkaBrokers: external ?? bootstrapOf(clusterLayout({ basePort: v.KAFKA_PORT, nodes: v.KAFKA_NODES ?? 1, dataDir: "" })).split(","),
    kafkaPort: v.KAFKA_PORT,
    kafkaNodes: v.KAFKA_NODES,
    kafkaVersion: v.KAFKA_VERSION,
    kafkaHeapMb: v.KAFKA_HEAP_MB,
    workerNice: v.WORKER_NICE,
    kafkaNice: v.KAFKA_NICE,
    dataDir: v.LAB_DATA_DIR,
    logLevel: v.LOG_LEVEL,
    logFormat: v.LOG_FORMAT,
    startedAt: v.LAB_STARTED_AT,
    dashboardToken: v.DASHBOARD_TOKEN,
    topicPrefix: v.LAB_TOPIC_PREFIX,
    allowedHosts: v.LAB_ALLOWED_HOSTS,
    retentionMs: v.LAB_RETENTION_MS,
    retentionMb: v.LAB_RETENTION_MB,
    resume: v.LAB_RESUME,
  };
}

/**
 * What every producer and worker process inherits from the server's environment: enough to run node
 * (PATH, HOME, NODE_ENV), nothing else; the supervisor sets the rest (workers/runtime/config.ts).
 */
export function inheritedEnv(env: NodeJS.ProcessEnv = process.env): Pick<NodeJS.ProcessEnv, "PATH" | "HOME" | "NODE_ENV"> {
  return { PATH: env.PATH, HOME: env.HOME, NODE_ENV: env.NODE_ENV };
}

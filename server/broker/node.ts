import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { lowerSessionCpuShare } from "@/server/os/cpu-priority";
import { BrokerError } from "./errors";
import { describeResolved } from "./fetch-tally";
import { formatElapsed } from "./format-step";
import type { JavaInstall } from "./java";
import { releasePidFile, recoverOrphan, writePidFile } from "./pid-file";
import { withTimeout } from "@/lib/retry";
import { replicationFor, type Replication } from "@/lib/pipeline/replication";
import { sendSignal } from "./process-control";
import { renderLog4j2Config, renderServerProperties } from "./properties";
import type { KafkaRuntime } from "./provision";
import { logSize, logTail, waitForReady, type ReadyOutcome } from "./readiness";
import { formatStorage, isFormatted, newClusterId, readClusterId } from "./storage";
import { superviseJvm, type SupervisedJvm } from "./supervisor";
import type { BrokerStep, EmbeddedBroker, EmbeddedBrokerOptions } from "./types";
import { hostEnv } from "./host-env";

const DEFAULT_HEAP_MB = 256;
const DEFAULT_READY_STALL_MS = 60_000;
const DEFAULT_READY_MAX_MS = 15 * 60_000;
/** How often a starting broker that is not ready yet is reported as still starting. */
const HEARTBEAT_MS = 15_000;
const STOP_GRACE_MS = 15_000;

type Optional = "log" | "nodeId" | "quorumVoters" | "replication";

/** One node's options with every default filled in. */
export type NodeOptions = Required<Omit<EmbeddedBrokerOptions, Optional>> & {
  log: (step: BrokerStep) => void;
  nodeId: number;
  quorumVoters: string | undefined;
  replication: Replication;
};

/** How errors name it: a cluster's node by its id. */
export const nodeName = (o: NodeOptions) => (o.quorumVoters ? `Kafka node ${o.nodeId}` : "The Kafka broker");

export interface ConfigFiles {
  properties: string;
  log4j: string;
}

/**
 * The steps of one node's start, shared by a lone broker (embedded-broker.ts) and each node of a cluster
 * (cluster.ts): recover what an earlier run left, write its config, format its storage, launch its JVM.
 */
export function resolveOptions(opts: EmbeddedBrokerOptions): NodeOptions {
  const dataDir = path.resolve(opts.dataDir);
  return {
    ...opts,
    dataDir,
    nodeId: opts.nodeId ?? 1,
    quorumVoters: opts.quorumVoters,
    replication: opts.replication ?? replicationFor(1),
    cacheDir: path.resolve(opts.cacheDir),
    controllerPort: opts.controllerPort ?? opts.port + 1,
    heapMb: opts.heapMb ?? DEFAULT_HEAP_MB,
    nice: opts.nice ?? 0,
    readyStallMs: opts.readyStallMs ?? DEFAULT_READY_STALL_MS,
    readyMaxMs: opts.readyMaxMs ?? DEFAULT_READY_MAX_MS,
    logFile: path.resolve(opts.logFile ?? `${dataDir}.log`),
    env: opts.env ?? hostEnv(),
    log: opts.log ?? (() => {}),
  };
}

export async function timed<T>(
  o: { log: (step: BrokerStep) => void },
  step: BrokerStep["step"],
  run: () => Promise<T>,
  describe: (value: T) => string,
): Promise<T> {
  const started = Date.now();
  const value = await run();
  o.log({ step, message: describe(value), elapsedMs: Date.now() - started });
  return value;
}

export const describeRuntime = (o: NodeOptions) => (r: KafkaRuntime) => describeResolved({ ...r, version: o.kafkaVersion });

export async function recover(o: NodeOptions): Promise<void> {
  const started = Date.now();
  const outcome = await recoverOrphan(o.dataDir);
  const elapsedMs = Date.now() - started;
  if (outcome.kind === "in-use") throw dataDirInUse(o, outcome.pid);
  if (outcome.kind === "killed") {
    o.log({ step: "recover", message: `stopped broker pid ${outcome.pid} left running by an earlier run`, elapsedMs });
  } else if (outcome.kind === "stale") {
    o.log({ step: "recover", message: `removed stale pid file (pid ${outcome.pid ?? "?"} is not a running broker)`, elapsedMs });
  }
}

function dataDirInUse(o: NodeOptions, pid: number): BrokerError {
  return new BrokerError({
    code: "DATA_DIR_IN_USE",
    message: `Another running lab already has a Kafka broker (pid ${pid}) on ${o.dataDir}${o.quorumVoters ? ` (node ${o.nodeId})` : ""}.`,
    fix: `stop that lab first (Ctrl-C in its terminal, or \`kill ${pid}\`), or give this one its own LAB_DATA_DIR and KAFKA_PORT`,
    retriable: true,
  });
}

export async function writeConfig(o: NodeOptions): Promise<ConfigFiles> {
  await mkdir(o.dataDir, { recursive: true });
  await mkdir(path.dirname(o.logFile), { recursive: true });
  const files = { properties: path.join(o.dataDir, "server.properties"), log4j: path.join(o.dataDir, "log4j2.xml") };
  await writeFile(files.properties, renderServerProperties(o));
  await writeFile(files.log4j, renderLog4j2Config());
  return files;
}

const classpath = (runtime: KafkaRuntime) => `${runtime.libDir}/*`;

/** The node's cluster id: read from its storage, or its storage formatted now (with `clusterId` when a cluster's nodes share one). */
export async function ensureFormatted(o: NodeOptions, java: string, runtime: KafkaRuntime, files: ConfigFiles, clusterId = newClusterId()): Promise<string> {
  if (isFormatted(o.dataDir)) return readClusterId(o.dataDir);
  const standalone = o.quorumVoters === undefined;
  const format = () => formatStorage({ java, classpath: classpath(runtime), propertiesFile: files.properties, clusterId, standalone, env: o.env });
  await timed(o, "format", format, () => `new storage in ${o.dataDir}, cluster ${clusterId}`);
  return clusterId;
}

/**
 * A cluster node's JVM spends more outside its heap than in it (measured ~620 MB RSS at a 256 MB heap): three
 * of them, the server and the workers must stay under 2.5 GB. The serial collector and the client compiler
 * keep far less native memory than G1 and C2 do, at a throughput a lab's 1,000 records/s never tests.
 */
const CLUSTER_NODE_JVM = ["-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=48m"];

function jvmArgs(o: NodeOptions, java: JavaInstall, runtime: KafkaRuntime, files: ConfigFiles): string[] {
  return [
    `-Xmx${o.heapMb}m`,
    "-XX:+ExitOnOutOfMemoryError",
    ...(o.quorumVoters ? CLUSTER_NODE_JVM : []),
    ...java.extraOptions,
    "-Djava.awt.headless=true",
    `-Dlog4j2.configurationFile=${files.log4j}`,
    "-cp",
    classpath(runtime),
    "kafka.Kafka",
    files.properties,
  ];
}

export async function launch(o: NodeOptions, java: JavaInstall, runtime: KafkaRuntime, files: ConfigFiles, clusterId: string): Promise<EmbeddedBroker> {
  const offset = await logSize(o.logFile);
  const started = Date.now();
  const nice = o.nice;
  // Under `nice` from the start, so that every JVM thread inherits it (renicing a pid later reaches only its main thread).
  const args = jvmArgs(o, java, runtime, files);
  const command = nice > 0 ? { command: "nice", args: ["-n", String(nice), java.path, ...args] } : { command: java.path, args };
  const jvm = await superviseJvm({ ...command, logFile: o.logFile, env: o.env });
  await writePidFile(o.dataDir, jvm.pid);
  // Not setpriority: the pid may not have exec'd `nice` yet, which would then add its -n on top.
  const problems = lowerSessionCpuShare(jvm.pid, nice);
  o.log({
    step: "start",
    message: `Kafka ${o.kafkaVersion} JVM pid ${jvm.pid}, heap ${o.heapMb} MB${nice > 0 ? `, nice ${nice}` : ""}, log ${o.logFile}${problems.length ? ` (${problems.join("; ")})` : ""}`,
  });
  let hasExited = false;
  void jvm.exited.then(() => {
    hasExited = true;
    return releasePidFile(o.dataDir, jvm.pid);
  });
  // A JVM on a busy machine can take minutes: a line now and then says the start is still under way.
  const heartbeat = setInterval(
    () => o.log({ step: "start", message: `waiting for the broker to be ready… ${formatElapsed(Date.now() - started)}` }),
    HEARTBEAT_MS,
  );
  const outcome = await waitForReady({
    logFile: o.logFile,
    offset,
    pid: jvm.pid,
    stallMs: o.readyStallMs,
    maxMs: o.readyMaxMs,
    hasExited: () => hasExited,
  }).finally(() => clearInterval(heartbeat));
  if (outcome !== "ready") throw await failedStart(o, jvm, outcome, offset);
  const bootstrap = `127.0.0.1:${o.port}`;
  o.log({ step: "ready", message: `${bootstrap} cluster ${clusterId}`, elapsedMs: Date.now() - started });
  return brokerHandle(o, jvm, bootstrap, clusterId);
}

async function failedStart(o: NodeOptions, jvm: SupervisedJvm, outcome: Exclude<ReadyOutcome, "ready">, offset: number): Promise<BrokerError> {
  await stopJvm(jvm);
  await releasePidFile(o.dataDir, jvm.pid);
  const tail = await logTail(o.logFile, offset, 20);
  const what = {
    stalled: `showed no startup progress (no log line, no CPU work) for ${o.readyStallMs / 1000} s and was stopped`,
    "too-long": `was still not ready after ${o.readyMaxMs / 60_000} min and was stopped`,
    exited: "exited during startup",
  }[outcome];
  return new BrokerError({
    code: outcome === "exited" ? "START_FAILED" : "READY_TIMEOUT",
    message: `${nodeName(o)} ${what}. Last lines of ${o.logFile}:\n${tail || "(log is empty)"}`,
    fix: `read ${o.logFile}; if the storage is damaged delete ${o.dataDir} (all topics are lost), or set KAFKA_BROKERS to use an existing cluster`,
    retriable: outcome !== "exited",
  });
}

async function stopJvm(jvm: SupervisedJvm): Promise<void> {
  sendSignal(jvm.pid, "SIGTERM");
  if (await withTimeout(jvm.exited, STOP_GRACE_MS)) return;
  sendSignal(jvm.pid, "SIGKILL");
  await jvm.exited;
}

function brokerHandle(o: NodeOptions, jvm: SupervisedJvm, bootstrap: string, clusterId: string): EmbeddedBroker {
  let stopping: Promise<void> | undefined;
  const stop = async () => {
    const started = Date.now();
    await stopJvm(jvm);
    await releasePidFile(o.dataDir, jvm.pid);
    o.log({ step: "stop", message: `${o.quorumVoters ? "JVM" : "broker"} pid ${jvm.pid} stopped`, elapsedMs: Date.now() - started });
  };
  return {
    bootstrap,
    clusterId,
    version: o.kafkaVersion,
    pid: jvm.pid,
    logFile: o.logFile,
    exited: jvm.exited,
    stop: () => (stopping ??= stop()),
    kill: async () => {
      sendSignal(jvm.pid, "SIGKILL");
      const exit = await jvm.exited;
      await releasePidFile(o.dataDir, jvm.pid);
      o.log({ step: "stop", message: `${o.quorumVoters ? "JVM" : "broker"} pid ${jvm.pid} killed (SIGKILL)` });
      return exit;
    },
  };
}

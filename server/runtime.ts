import type { BrokerState, NodeCount, ResumeNotice } from "@/lib/contract/api";
import { replicationFor } from "@/lib/pipeline/replication";
import type { RetentionPolicy } from "@/lib/pipeline/retention";
import { topicNames, type TopicNames } from "@/lib/contract/topics";
import type { ClusterControl } from "./cluster-control";
import { BrokerControlError } from "./broker-control";
import { createClusterService, type ClusterService, type NodeControl } from "./cluster";
import { createBrokerMonitor, type BrokerMonitor } from "./broker-monitor";
import { createKafkaAdapter, type KafkaAdapter } from "@/kafka/adapter";
import type { LabProducer } from "@/kafka/types";
import { isVerbose, type Logger, type LogLevel } from "@/lib/log";
import { withTimeout } from "@/lib/retry";
import { decideResume, describeResume } from "./pipeline/run-state";
import { createRunStateStore } from "./pipeline/run-state-store";
import { createLogLab, type LogLab } from "./loglab/service";
import { createPipelineService, type PipelineService } from "./pipeline/service";
import { InjectedRecords } from "@/lib/live/injected";
import { createSettingsStore } from "./pipeline/settings-store";
import { createSupervisor, type Supervisor } from "./supervisor/supervisor";
import type { ExerciseService } from "./exercises/service";
import { createExerciseService } from "./exercises/exercise-service";
import path from "node:path";
import os from "node:os";
import type { WorkerScripts } from "./supervisor/worker-scripts";
import { createDatasets, type DatasetService } from "./datasets/wiring";

export interface LabRuntimeOptions {
  scripts: WorkerScripts;
  /** Niceness of worker processes (see WORKER_NICE). */
  workerNice?: number;
  brokers: string;
  mode: BrokerState["mode"];
  brokerVersion: string | null;
  dataDir: string | null;
  topicPrefix?: string;
  logLevel?: LogLevel;
  log: Logger;
  /** Stop and start the embedded broker side, or one node of it (absent in tests that run without one). */
  brokerControl?: ClusterControl;
  /** Retention of the lab's topics (LAB_RETENTION_MS, LAB_RETENTION_MB); absent: the broker's defaults. */
  retention?: RetentionPolicy;
  /** Start again what ran before an unclean stop (LAB_RESUME); default true. */
  resume?: boolean;
  /** The embedded broker's log dirs, where the log page reads segment files; absent with an external cluster. */
  brokerLogDirs?: (() => readonly string[]) | null;
}

export interface LabRuntime {
  options: LabRuntimeOptions;
  log: Logger;
  kafka: KafkaAdapter;
  names: TopicNames;
  supervisor: Supervisor;
  pipeline: PipelineService;
  /** Dataset files and their replay into a topic (server/datasets). */
  datasets: DatasetService;
  /** The exercise book, learners' runs and their verdicts. */
  exercises: ExerciseService;
  monitor: BrokerMonitor;
  /** The log page's demos: storage, compaction, transactions made visible. */
  logLab: LogLab;
  /** The Cluster view and the per-broker experiment. */
  cluster: ClusterService;
  /** Records injected from the experiments page, which the live views always show. */
  injected: InjectedRecords;
  /** Listeners for broker state changes (the socket hub registers one). */
  brokerListeners: Set<(s: BrokerState) => void>;
  /** What clients bootstrap from now: the embedded side's nodes (they change with its node count), or KAFKA_BROKERS. */
  bootstrap(): string;
  /**
   * Stops every component, switches the embedded side to `nodes` nodes and makes the lab's topics there, with
   * that count's replication: the other count's storage is another cluster, so the topics start empty.
   */
  setNodeCount(nodes: NodeCount): Promise<void>;
  /** At start: if the previous run ended uncleanly with components running, start them again (or say why not). */
  resumeAfterUncleanStop(say: (line: string) => void): Promise<void>;
  /** A clean shutdown (Ctrl-C, SIGTERM) means nothing to resume next time; an unclean one (a crash) keeps what ran. */
  shutdown(opts?: { clean: boolean }): Promise<void>;
}

/** Everything long-lived, made once per server process. */
export function createLabRuntime(options: LabRuntimeOptions): LabRuntime {
  const { log } = options;
  const control = options.brokerControl?.embedded ? options.brokerControl : null;
  const bootstrap = () => control?.bootstrap() ?? options.brokers;
  const brokers = () => bootstrap().split(",");
  // kafkajs' own warnings (retries, reconnects) are noise on the terminal: the monitor reports what matters
  // ("broker unreachable"). They are shown when a person debugs (LOG_LEVEL=debug).
  const libraryLog = isVerbose(options.logLevel ?? "info") ? log.child({ component: "kafkajs" }) : log.child({}, { level: "silent" });
  const kafka = createKafkaAdapter({ brokers, clientId: "lab-dashboard", log: libraryLog });
  const probe = createKafkaAdapter({ brokers, clientId: "lab-monitor", log: libraryLog, retries: 0, connectionTimeoutMs: 1500 });
  const names = topicNames(options.topicPrefix);
  const settings = createSettingsStore(options.dataDir);
  const runState = createRunStateStore(options.dataDir);
  let resumeNotice: ResumeNotice | null = null;
  const admin = kafka.admin();
  const supervisor = createSupervisor({
    scripts: options.scripts,
    nice: options.workerNice,
    brokers: bootstrap,
    settings: settings.get,
    topicPrefix: options.topicPrefix,
    logLevel: options.logLevel,
    beforeStart: () => pipeline.ensureTopics(),
  });
  let injector: Promise<LabProducer> | null = null;
  const producer = () =>
    (injector ??= (async () => {
      const p = kafka.producer();
      await p.connect();
      return p;
    })().catch((err: unknown) => {
      injector = null;
      throw err;
    }));
  // The supervisor asks the pipeline for its topics only once it starts something, after this line.
  const injected = new InjectedRecords();
  const pipeline: PipelineService = createPipelineService({
    admin,
    producer,
    supervisor,
    settings,
    names,
    retention: options.retention,
    replication: () => replicationFor(control?.count() ?? 1),
    resume: () => resumeNotice,
    injected,
  });
  const logLab = createLogLab({
    kafka,
    admin,
    names,
    log: log.child({ component: "log-lab" }),
    logDirs: options.brokerLogDirs ?? null,
    ensurePipelineTopics: () => pipeline.ensureTopics(),
  });
  supervisor.onChange(() => runState.record(supervisor.wanted()));
  const datasets = createDatasets({ ...options, admin, partitions: () => settings.get().partitions, ensureLabTopics: () => pipeline.ensureTopics() });
  const exercises = createExerciseService({
    kafka,
    admin,
    script: () => options.scripts.exerciseScript(),
    brokers: options.brokers,
    prefix: options.topicPrefix ?? "",
    workDir: path.join(options.dataDir ?? os.tmpdir(), "exercise-runs"),
    nice: options.workerNice,
    logLevel: options.logLevel,
    log: log.child({ component: "exercises" }),
  });
  const brokerListeners = new Set<(s: BrokerState) => void>();
  let wasConnected = false;
  const monitor = createBrokerMonitor({
    admin: probe.admin(),
    mode: options.mode,
    brokers: options.brokers,
    version: options.brokerVersion,
    process: options.brokerControl?.state() ?? null,
    cluster: options.brokerControl?.cluster() ?? null,
    onChange: (s) => {
      if (s.connected !== wasConnected) log.info({ brokers: s.brokers, error: s.error }, s.connected ? "broker connected" : "broker unreachable");
      wasConnected = s.connected;
      for (const l of brokerListeners) l(s);
    },
  });
  monitor.start();
  options.brokerControl?.onChange((p) => monitor.setProcess(p, { cluster: control?.cluster() ?? null, brokers: bootstrap() }));
  const cluster = createClusterService({ reader: kafka.cluster(), mode: options.mode, nodes: () => nodeControlOf(control) });
  return {
    options,
    log,
    kafka,
    names,
    supervisor,
    pipeline,
    datasets,
    exercises,
    monitor,
    logLab,
    cluster,
    injected,
    brokerListeners,
    bootstrap,
    async setNodeCount(nodes) {
      if (!control) throw new BrokerControlError("the broker is external (KAFKA_BROKERS is set): its nodes are not the lab's to change");
      if (nodes === control.count()) return;
      await supervisor.stopAll();
      await control.setNodeCount(nodes);
      await pipeline.ensureTopics();
    },
    async resumeAfterUncleanStop(say) {
      const decision = decideResume(runState.previous(), options.resume ?? true);
      const line = describeResume(decision);
      if (line) say(line);
      if (decision.kind === "nothing") return;
      const components = decision.running.map((c) => c.name);
      resumeNotice = { kind: decision.kind === "resume" ? "resumed" : "notResumed", components, at: Date.now() };
      if (decision.kind !== "resume") return;
      for (const c of decision.running) {
        await supervisor.setInstances(c.name, c.instances).catch(() => undefined);
        await supervisor.start(c.name).catch((err: Error) => say(`[lab] could not resume ${c.name}: ${err.message}`));
      }
    },
    async shutdown(opts = { clean: true }) {
      runState.end(opts.clean);
      monitor.stop();
      await exercises.shutdown();
      // Bounded: with the broker down its clients' disconnects could wait on connections that never answer.
      await withTimeout(
        logLab.shutdown().catch(() => undefined),
        5000,
      );
      await Promise.all([supervisor.stopAll(), datasets.stop()]);
      await admin.disconnect().catch(() => undefined);
      await cluster.close();
      if (injector) await (await injector.catch(() => null))?.disconnect().catch(() => undefined);
    },
  };
}

/** Per-node control of the embedded side while it runs more than one node (one node has nothing to fail over to). */
function nodeControlOf(control: ClusterControl | null): NodeControl | null {
  const nodes = control?.cluster();
  if (!control || !nodes || nodes.count < 2) return null;
  return {
    nodeIds: () => control.cluster()?.nodes.map((n) => n.id) ?? [],
    kill: (id) => control.killNode(id),
    stop: (id) => control.stopNode(id),
    start: (id) => control.startNode(id),
  };
}

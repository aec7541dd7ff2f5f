import { createKafkaAdapter, type KafkaAdapter } from "@/kafka/adapter";
import { createLogger, type Logger } from "@/lib/log";
import { loadWorkerConfig, type WorkerConfig } from "./config";
import { createParentChannel, type ParentChannel } from "./ipc";
import { WorkerMetrics } from "./metrics";
import { exitNow } from "./parent-watch";

export interface WorkerContext {
  config: WorkerConfig;
  log: Logger;
  kafka: KafkaAdapter;
  parent: ParentChannel;
  clock: () => number;
  /** Log, tell the supervisor, and exit with an error: the supervisor restarts the worker. */
  fail: (err: unknown) => void;
}

export interface RunningWorker {
  metrics: WorkerMetrics;
  /** Finish the work in hand, commit it, and release Kafka resources. */
  stop(): Promise<void>;
}

/**
 * The shell every worker process runs in: config, logger, Kafka client, metrics reporting,
 * and one orderly way to stop (SIGTERM, SIGINT or a `stop` message). A vanished supervisor is
 * handled before all this, by ./parent-watch, which every entry imports first.
 */
export function runWorker(start: (ctx: WorkerContext) => Promise<RunningWorker>): void {
  let config: WorkerConfig;
  try {
    config = loadWorkerConfig();
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(2);
  }
  const log = createLogger(`${config.LAB_COMPONENT}#${config.LAB_INSTANCE}`, config.LOG_LEVEL);
  const parent = createParentChannel(log);
  const kafka = createKafkaAdapter({
    brokers: config.KAFKA_BROKERS,
    clientId: `lab-${config.LAB_COMPONENT}-${config.LAB_INSTANCE}`,
    log,
  });
  const fail = (err: unknown) => {
    const error = err instanceof Error ? err.message : String(err);
    log.fatal({ err }, "worker failed");
    parent.send({ type: "fatal", error });
    setTimeout(() => process.exit(1), 50);
  };
  const ctx: WorkerContext = { config, log, kafka, parent, clock: Date.now, fail };
  process.on("uncaughtException", fail);
  process.on("unhandledRejection", fail);

  start(ctx).then((worker) => {
    log.info("running");
    parent.send({ type: "ready" });
    const report = () => parent.send({ type: "metrics", metrics: worker.metrics.snapshot() });
    const timer = setInterval(report, config.LAB_METRICS_INTERVAL_MS);
    // A new generation is reported at once (and so is the one reached while starting).
    worker.metrics.onMembershipChange(report);
    report();
    let stopping = false;
    const stop = (why: string) => {
      if (stopping) return;
      stopping = true;
      log.info({ why }, "stopping");
      clearInterval(timer);
      const deadline = setTimeout(() => {
        try {
          log.warn("did not stop within 10 s; exiting anyway");
        } finally {
          exitNow(0);
        }
      }, 10_000);
      worker.stop().then(() => {
        clearTimeout(deadline);
        parent.send({ type: "metrics", metrics: worker.metrics.snapshot() });
        log.info("stopped");
        process.exit(0);
      }, fail);
    };
    process.on("SIGTERM", () => stop("SIGTERM"));
    process.on("SIGINT", () => stop("SIGINT"));
    parent.onMessage((msg) => msg.type === "stop" && stop("stop message"));
  }, fail);
}

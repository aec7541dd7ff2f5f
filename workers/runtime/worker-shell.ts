import type { KafkaAdapter } from "@/kafka/adapter";
import type { Logger } from "@/lib/log";
import type { WorkerConfig } from "./config";
import type { ParentChannel } from "./ipc";
import type { WorkerMetrics } from "./metrics";

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

/** What the shell needs from the process it runs in (lifecycle.ts gives it the real one; tests a fake). */
export interface WorkerHost extends Omit<WorkerContext, "fail"> {
  /** End the process with this code once the log and the last message are out. */
  exit(code: number): void;
  /** End it now, even from a stop that hangs. */
  exitNow(code: number): void;
  /** Call back on a request to stop from outside the IPC channel (SIGTERM, SIGINT). */
  onSignal(stop: (why: string) => void): void;
  /** How long an orderly stop may take before the process ends anyway. */
  stopDeadlineMs?: number;
}

/**
 * The life of every worker: start it, say it is ready, report its metrics every interval (and at once on a
 * new group generation), and stop it in order on a signal or a `stop` message, with a deadline. Any failure
 * is reported as `fatal` and ends the process with 1, so the supervisor restarts it.
 */
export function superviseWorker(start: (ctx: WorkerContext) => Promise<RunningWorker>, host: WorkerHost): { fail: (err: unknown) => void } {
  const { log, parent } = host;
  let failed = false;
  const fail = (err: unknown) => {
    if (failed) return;
    failed = true;
    log.fatal({ err }, "worker failed");
    parent.send({ type: "fatal", error: err instanceof Error ? err.message : String(err) });
    setTimeout(() => host.exit(1), 50);
  };
  start({ ...host, fail }).then((worker) => {
    log.info("running");
    parent.send({ type: "ready" });
    const report = () => parent.send({ type: "metrics", metrics: worker.metrics.snapshot() });
    const timer = setInterval(report, host.config.LAB_METRICS_INTERVAL_MS);
    worker.metrics.onMembershipChange(report);
    report();
    let stopping = false;
    const stop = (why: string) => {
      if (stopping) return;
      stopping = true;
      log.info({ why }, "stopping");
      clearInterval(timer);
      const deadlineMs = host.stopDeadlineMs ?? 10_000;
      const deadline = setTimeout(() => {
        try {
          log.warn(`did not stop within ${deadlineMs / 1000} s; exiting anyway`);
        } finally {
          host.exitNow(0);
        }
      }, deadlineMs);
      worker.stop().then(() => {
        clearTimeout(deadline);
        report();
        log.info("stopped");
        host.exit(0);
      }, fail);
    };
    host.onSignal(stop);
    parent.onMessage((msg) => msg.type === "stop" && stop("stop message"));
  }, fail);
  return { fail };
}

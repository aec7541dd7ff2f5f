import { createKafkaAdapter } from "@/kafka/adapter";
import { createLogger } from "@/lib/log";
import { loadWorkerConfig, type WorkerConfig } from "./config";
import { createParentChannel } from "./ipc";
import { exitNow } from "./parent-watch";
import { superviseWorker, type RunningWorker, type WorkerContext } from "./worker-shell";

export type { RunningWorker, WorkerContext } from "./worker-shell";

/**
 * The process every worker runs in: its config, logger, Kafka client and IPC channel, handed to the
 * worker's shell (worker-shell.ts). A vanished supervisor is handled before all this, by ./parent-watch,
 * which every entry imports first.
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
  const { fail } = superviseWorker(start, {
    config,
    log,
    kafka: createKafkaAdapter({ brokers: config.KAFKA_BROKERS, clientId: `lab-${config.LAB_COMPONENT}-${config.LAB_INSTANCE}`, log }),
    parent: createParentChannel(log),
    clock: Date.now,
    exit: (code) => process.exit(code),
    exitNow,
    onSignal: (stop) => {
      process.on("SIGTERM", () => stop("SIGTERM"));
      process.on("SIGINT", () => stop("SIGINT"));
    },
  });
  process.on("uncaughtException", fail);
  process.on("unhandledRejection", fail);
}

import { retry } from "@/lib/retry";
import type { Logger } from "@/lib/log";
import type { LabConsumer } from "@/kafka/types";
import type { WorkerMetrics } from "./metrics";

/**
 * A broker that has just started may not have its group coordinator yet (the offsets topic is still
 * being created); joining the group then fails once or twice before it works.
 */
export function withStartupRetries(log: Logger, run: () => Promise<void>, attempts = 10): Promise<void> {
  return retry(run, {
    attempts,
    initialMs: 500,
    maxMs: 3000,
    jitter: 0.2,
    onRetry: (err, attempt) => log.warn({ err: (err as Error).message, attempt }, "could not join the consumer group yet; retrying"),
  });
}

/**
 * What both stream loops do with the consumer's group events: report the generation (the assignment view
 * tells one generation's assignment from the next), and let kafkajs restart the consumer after an error
 * it can retry, but end the worker on any other, so the supervisor restarts it.
 */
export function followConsumer(consumer: LabConsumer, metrics: WorkerMetrics, log: Logger): void {
  consumer.onGeneration((generation) => metrics.setGeneration(generation));
  consumer.onCrash((error, willRestart) => {
    if (willRestart) log.warn({ err: error.message }, "consumer restarting after an error");
    else log.error({ err: error }, "consumer crashed");
    if (!willRestart) throw error;
  });
}

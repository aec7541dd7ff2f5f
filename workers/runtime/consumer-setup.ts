import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "@/server/log";
import type { LabConsumer } from "@/server/kafka/types";
import type { WorkerMetrics } from "./metrics";

/**
 * A broker that has just started may not have its group coordinator yet (the offsets topic is still
 * being created); joining the group then fails once or twice before it works.
 */
export async function withStartupRetries(log: Logger, run: () => Promise<void>, attempts = 10): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      return await run();
    } catch (err) {
      if (i >= attempts) throw err;
      log.warn({ err: (err as Error).message, attempt: i }, "could not join the consumer group yet; retrying");
      await sleep(Math.min(3000, 250 * 2 ** i));
    }
  }
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

import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "@/server/log";

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

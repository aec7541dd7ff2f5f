// First, before anything connects to Kafka: this process must not outlive the app.
import "./runtime/parent-watch";
import { createReadStream } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { createKafkaAdapter } from "@/kafka/adapter";
import { ReplayJob, type ReplayWorkerMessage } from "@/lib/contract/datasets";
import { topicNames } from "@/lib/contract/topics";
import { linesOf } from "@/lib/datasets/lines";
import { isLabError } from "@/lib/errors";
import { createLogger, LOG_LEVELS } from "@/lib/log";
import { replayLines } from "./dataset-replay";

const jsonOf = (s: string) => {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return null;
  }
};

const ReplayEnv = z.object({
  KAFKA_BROKERS: z.string().min(1),
  LAB_TOPIC_PREFIX: z
    .string()
    .regex(/^[\w.-]*$/)
    .default(""),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  LAB_REPLAY: z.string().transform((s, ctx) => {
    const parsed = ReplayJob.safeParse(jsonOf(s));
    if (parsed.success) return parsed.data;
    ctx.addIssue({ code: "custom", message: "is not a replay job (set by the dashboard's dataset service)" });
    return z.NEVER;
  }),
});

const toParent = (msg: ReplayWorkerMessage) =>
  new Promise<void>((resolve) => (process.send && process.connected ? process.send(msg, undefined, {}, () => resolve()) : resolve()));

/** Exit code of a replay that must not be restarted: the file itself is wrong (its header). */
export const REPLAY_GAVE_UP = 3;

/** Replays one dataset file into a topic (see dataset-replay.ts), started by server/datasets/replay-runner.ts. */
async function main(): Promise<void> {
  const env = ReplayEnv.safeParse(process.env);
  if (!env.success) {
    process.stderr.write(`replay environment is invalid: ${env.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}\n`);
    process.exit(2);
  }
  const { LAB_REPLAY: replay, KAFKA_BROKERS, LAB_TOPIC_PREFIX, LOG_LEVEL } = env.data;
  const log = createLogger("dataset-replay", LOG_LEVEL);
  let stopped = false;
  const stop = () => (stopped = true);
  process.on("message", (m) => (m as { type?: string })?.type === "stop" && stop());
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  const kafka = createKafkaAdapter({ brokers: KAFKA_BROKERS.split(","), clientId: "lab-dataset-replay", log });
  const producer = kafka.producer();
  try {
    await producer.connect();
    log.info({ dataset: replay.dataset, topic: replay.topic, pace: replay.pace, from: replay.doneThroughLine }, "replay started");
    const outcome = await replayLines(linesOf(createReadStream(replay.file, { highWaterMark: 256 * 1024 })), replay, {
      send: (records) => producer.send(records),
      names: topicNames(LAB_TOPIC_PREFIX),
      clock: Date.now,
      sleep: (ms) => sleep(ms),
      report: (p) => void toParent({ type: "progress", ...p }),
      stopped: () => stopped,
    });
    log.info({ outcome }, "replay ended");
    if (outcome === "done") await toParent({ type: "done" });
    await producer.disconnect();
    process.exit(0);
  } catch (err) {
    log.error({ err }, "replay failed");
    await toParent({ type: "fatal", error: (err as Error).message });
    await producer.disconnect().catch(() => undefined);
    process.exit(isLabError(err) ? REPLAY_GAVE_UP : 1);
  }
}

void main();

// First, before anything connects to Kafka: this process must not outlive the app.
import "./runtime/parent-watch";
import { readFileSync } from "node:fs";
import { createKafkaAdapter } from "@/kafka/adapter";
import { ExerciseWorkerSpec, LEARNER_ERROR_EXIT, type ExerciseWorkerMessage } from "@/lib/contract/exercise-worker";
import type { CompiledProcessor } from "@/lib/exercises/compile";
import { ExerciseProcessor } from "@/lib/exercises/processor";
import { createSandbox, LearnerError } from "@/lib/exercises/sandbox";
import { exerciseStep } from "@/lib/exercises/step";
import { createLogger, LOG_LEVELS } from "@/lib/log";
import { exitNow } from "./runtime/parent-watch";
import { WorkerMetrics } from "./runtime/metrics";
import { startStreamLoop } from "./runtime/stream-loop";

/**
 * One side of an exercise run: a learner's processor (or the reference) over the exercise's input, on
 * a consumer group and output topic of its own, through the same stream loop as the pipeline's workers
 * (outputs, the state's changelog and the input offset in one transaction). The learner's code runs
 * only here, in the sandbox; this process's heap limit (set by the server) bounds its memory.
 */
const send = (msg: ExerciseWorkerMessage, then?: () => void) => (process.send ? process.send(msg, undefined, {}, () => then?.()) : then?.());
const spec = ExerciseWorkerSpec.parse(JSON.parse(process.env.LAB_EXERCISE_WORKER ?? "null"));
const level = LOG_LEVELS.find((l) => l === process.env.LOG_LEVEL) ?? "info";
const log = createLogger(`exercise-${spec.role}`, level);

let ending = false;
/** A learner's error is the run's verdict (said, then exit 3: not restarted); anything else a crash (exit 1: restarted). */
function endWith(err: unknown): void {
  if (ending) return;
  ending = true;
  if (err instanceof LearnerError) send({ type: "learner-error", error: err.codeError }, () => exitNow(LEARNER_ERROR_EXIT));
  else {
    log.fatal({ err }, "exercise worker failed");
    setTimeout(() => exitNow(1), 50);
  }
}

async function main() {
  const compiled = JSON.parse(readFileSync(spec.codeFile, "utf8")) as CompiledProcessor;
  let processor: ExerciseProcessor;
  try {
    processor = new ExerciseProcessor(
      createSandbox(compiled),
      { input: spec.inputTopic, output: spec.outputTopic, changelog: spec.changelogTopic },
      { watermarkDelayMs: spec.watermarkDelayMs, inputCount: spec.inputCount },
    );
  } catch (err) {
    return endWith(err);
  }
  const kafka = createKafkaAdapter({ brokers: (process.env.KAFKA_BROKERS ?? "").split(","), clientId: `lab-exercise-${spec.runId}`, log });
  const admin = kafka.admin();
  const loop = await startStreamLoop({
    // The broker's shortest session: a killed predecessor holds the rebalance of its restart only this long.
    consumer: kafka.consumer({ groupId: spec.groupId, sessionTimeoutMs: 6000 }),
    producer: kafka.producer({ transactionalId: `${spec.groupId}-0` }),
    groupId: spec.groupId,
    topics: [spec.inputTopic],
    metrics: new WorkerMetrics(Date.now),
    clock: Date.now,
    log,
    onFatal: endWith,
    step: exerciseStep({
      processor,
      // Called at the first batch, after the stream loop's producer fenced a killed predecessor: its open transaction is aborted.
      restore: async () => {
        const committed = await admin.groupOffsets(spec.groupId, [spec.inputTopic]);
        const changelog = await kafka.readCommitted(spec.changelogTopic);
        return { changelog, metadata: committed.find((c) => c.offset !== "-1")?.metadata ?? null };
      },
      onLogs: (lines) => send({ type: "log", lines }),
      holdFrom: spec.holdFrom,
      onHold: () => {
        send({ type: "holding" });
        return new Promise<void>(() => undefined);
      },
    }),
  });
  send({ type: "ready" });
  const stop = () =>
    void loop
      .stop()
      .then(() => admin.disconnect())
      .finally(() => exitNow(0));
  process.on("SIGTERM", stop);
  process.on("message", (m: { type?: string }) => m?.type === "stop" && stop());
}

process.on("uncaughtException", endWith);
process.on("unhandledRejection", endWith);
main().catch(endWith);

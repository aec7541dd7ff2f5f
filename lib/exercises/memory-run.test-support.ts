import { createMemoryKafka, type MemoryKafka } from "@/kafka/memory";
import type { CodeError, InputRecordView, OutputRecordView } from "@/lib/contract/exercises";
import { createLogger } from "@/lib/log";
import { pollUntil } from "@/lib/retry";
import { WorkerMetrics } from "@/workers/runtime/metrics";
import { startStreamLoop } from "@/workers/runtime/stream-loop";
import type { ExerciseDef } from "./book";
import { compileProcessor } from "./compile";
import { ExerciseProcessor, toInputView, toOutputView } from "./processor";
import { createSandbox, LearnerError } from "./sandbox";
import { exerciseStep } from "./step";

const TOPICS = { input: "in", output: "out", changelog: "state" };
const GROUP = "learner";
const log = createLogger("exercise-test", "silent");

export interface MemoryRun {
  inputs: InputRecordView[];
  outputs: OutputRecordView[];
  error?: CodeError;
  crashes: number;
}

/** One process of the learner's worker on the in-memory cluster: until the input is committed, it fails, or it crashes at `holdFrom`. */
async function oneProcess(kafka: MemoryKafka, def: ExerciseDef, js: ReturnType<typeof compileProcessor>, inputCount: number, holdFrom?: number) {
  if (!js.ok) return { error: js.error };
  let error: CodeError | undefined;
  let crashed = false;
  try {
    const processor = new ExerciseProcessor(createSandbox(js.compiled), TOPICS, { watermarkDelayMs: def.watermarkDelayMs, inputCount });
    const loop = await startStreamLoop({
      consumer: kafka.consumer(GROUP, { batchSize: 25 }),
      producer: kafka.producer(),
      groupId: GROUP,
      topics: [TOPICS.input],
      metrics: new WorkerMetrics(Date.now),
      clock: Date.now,
      log,
      step: exerciseStep({
        processor,
        restore: async () => ({ changelog: kafka.records(TOPICS.changelog), metadata: kafka.committed(GROUP)[0]?.metadata ?? null }),
        holdFrom,
        onHold: () => Promise.reject(new Error("killed")),
      }),
      onFatal: (err) => {
        if (err instanceof LearnerError) error = err.codeError;
        else crashed = true;
      },
    });
    const done = () => error !== undefined || crashed || kafka.committed(GROUP)[0]?.offset === String(inputCount);
    await pollUntil(async () => (done() ? true : undefined), { timeoutMs: 20_000 });
    await loop.stop();
  } catch (err) {
    if (!(err instanceof LearnerError)) throw err;
    error = err.codeError;
  }
  return { error, crashed };
}

/**
 * Run a processor over an exercise's input through the stream loop on the in-memory cluster, as the
 * worker does; with `crashAt`, its first process crashes holding the batch from that offset, and a new
 * one (a fresh sandbox) goes on from the last commit, restoring the state from the changelog.
 */
export async function runOnMemory(def: ExerciseDef, code: string, opts: { crashAt?: number } = {}): Promise<MemoryRun> {
  const kafka = createMemoryKafka();
  for (const t of Object.values(TOPICS)) kafka.createTopic(t, 1);
  const input = await def.input();
  kafka.append(input.map((r) => ({ topic: TOPICS.input, key: r.key, value: JSON.stringify(r.value), timestamp: r.eventTime })));
  const compiled = compileProcessor(code);
  let crashes = 0;
  let result = await oneProcess(kafka, def, compiled, input.length, opts.crashAt);
  while (result.crashed && crashes < 3) {
    crashes++;
    result = await oneProcess(kafka, def, compiled, input.length);
  }
  return {
    inputs: kafka.records(TOPICS.input).map(toInputView),
    outputs: kafka.records(TOPICS.output).map((r) => {
      const { source: _, ...view } = toOutputView(r);
      return view;
    }),
    error: result.error,
    crashes,
  };
}

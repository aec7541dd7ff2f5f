import { randomBytes } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { KafkaAdapter, LabAdmin } from "@/kafka/adapter";
import type { ExerciseWorkerSpec } from "@/lib/contract/exercise-worker";
import { MAX_VERDICT_OUTPUTS, type CodeError, type Verdict } from "@/lib/contract/exercises";
import type { ExerciseDef } from "@/lib/exercises/book";
import type { CompiledProcessor } from "@/lib/exercises/compile";
import { grade } from "@/lib/exercises/grade";
import { toOutputView } from "@/lib/exercises/processor";
import { RequestError } from "@/lib/errors";
import type { Logger } from "@/lib/log";
import { delay } from "@/lib/retry";
import { KEEP_FOREVER, untilKnown, type CommittedInput } from "./inputs";
import { superviseExerciseWorker, type ExerciseWorkerHandle } from "./worker-process";

export interface RunDeps {
  kafka: KafkaAdapter;
  admin: LabAdmin;
  script: () => string;
  brokers: string;
  prefix: string;
  /** Where the compiled code of a run is written for its workers. */
  workDir: string;
  nice?: number;
  logLevel?: string;
  log: Logger;
  /** A run that has not finished by then is an error (a processor too slow, or Kafka down). */
  timeoutMs?: number;
}

/** Runs at once: each is two worker processes, on a machine the broker and the pipeline share. */
export const MAX_CONCURRENT_RUNS = 2;
/** Finished verdicts kept for GET /api/runs/{id}. */
const KEEP_FINISHED = 50;

type Side = "learner" | "reference";

/**
 * Runs of learners' processors: each side (the learner's code, the reference) is a supervised worker on
 * the exercise's committed input, with a consumer group, output topic and changelog of its own. When
 * both have committed the whole input, the outputs are read back and graded; under chaos the learner's
 * worker is killed (SIGKILL) once, holding an uncommitted batch mid-run, and restarted.
 */
export function createRunManager(deps: RunDeps) {
  const verdicts = new Map<string, Verdict>();
  const active = new Set<string>();
  const stops = new Map<string, () => Promise<void>>();

  const topicsOf = (runId: string, side: Side) => ({
    output: `${deps.prefix}lab-run-${runId}-${side}-out`,
    changelog: `${deps.prefix}lab-run-${runId}-${side}-state`,
    group: `${deps.prefix}lab-run-${runId}-${side}`,
  });

  const keep = (v: Verdict) => {
    verdicts.set(v.runId, v);
    // A learner may run again once the verdict is out; the finished run's cleanup takes a moment more.
    if (v.status !== "running") active.delete(v.runId);
    const finished = [...verdicts.values()].filter((x) => x.status !== "running");
    for (const old of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) verdicts.delete(old.runId);
  };

  async function execute(runId: string, def: ExerciseDef, input: CommittedInput, code: Record<Side, CompiledProcessor>, chaos: boolean) {
    const started = verdicts.get(runId)!;
    const dir = path.join(deps.workDir, runId);
    const handles: Partial<Record<Side, ExerciseWorkerHandle>> = {};
    let failure: { side: Side; error: CodeError } | null = null;
    let kills = 0;
    const sides: Side[] = ["learner", "reference"];
    let cleaning: Promise<void> | null = null;
    // Once, whether the run ends or the lab stops first.
    const cleanup = () => (cleaning ??= removeRun());
    const removeRun = async () => {
      await Promise.all(Object.values(handles).map((h) => h.stop()));
      const names = sides.map((s) => topicsOf(runId, s));
      await deps.admin
        .deleteTopics(names.flatMap((n) => [n.output, n.changelog]))
        .catch((err: Error) => deps.log.warn({ err: err.message, runId }, "could not delete a run's topics"));
      await deps.admin.deleteGroups(names.map((n) => n.group)).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    };
    stops.set(runId, cleanup);
    try {
      await mkdir(dir, { recursive: true });
      await untilKnown(() =>
        deps.admin.ensureTopics(
          sides.flatMap((s) => [topicsOf(runId, s).output, topicsOf(runId, s).changelog]),
          1,
          KEEP_FOREVER,
        ),
      );
      for (const side of sides) {
        const t = topicsOf(runId, side);
        const codeFile = path.join(dir, `${side}.json`);
        await writeFile(codeFile, JSON.stringify(code[side]));
        const spec: ExerciseWorkerSpec = {
          runId,
          role: side,
          inputTopic: input.topic,
          outputTopic: t.output,
          changelogTopic: t.changelog,
          groupId: t.group,
          codeFile,
          watermarkDelayMs: def.watermarkDelayMs,
          inputCount: input.records.length,
          ...(chaos && side === "learner" ? { holdFrom: Math.floor(input.records.length / 2) } : {}),
        };
        handles[side] = superviseExerciseWorker(
          { script: deps.script(), spec, brokers: deps.brokers, nice: deps.nice, logLevel: deps.logLevel },
          {
            onFailed: (error) => (failure ??= { side, error }),
            onHolding: () => {
              kills++;
              handles[side]!.kill();
            },
            onLog: (line) =>
              line.level === "error" || line.level === "fatal" ? deps.log.warn({ runId, side }, line.msg) : deps.log.debug({ runId, side }, line.msg),
          },
        );
      }
      const deadline = Date.now() + (deps.timeoutMs ?? 90_000);
      const committed = async (side: Side) => (await untilKnown(() => deps.admin.groupOffsets(topicsOf(runId, side).group, [input.topic])))[0]?.offset ?? "-1";
      const end = String(input.records.length);
      while (!failure) {
        const [learner, reference] = [await committed("learner"), await committed("reference")];
        if (learner === end && reference === end) break;
        if (Date.now() > deadline) {
          const at = (o: string) => (o === "-1" ? 0 : Number(o));
          throw new Error(
            `the run did not finish within ${(deps.timeoutMs ?? 90_000) / 1000} s (committed: yours ${at(learner)}, the reference ${at(reference)} of ${end} records)`,
          );
        }
        await delay(200);
      }
      if (failure) {
        const f = failure as { side: Side; error: CodeError };
        const error = f.side === "learner" ? f.error : { message: `the reference solution failed: ${f.error.message}` };
        return keep({ ...started, status: "error", kills, error, finishedAt: Date.now() });
      }
      const read = async (side: Side) =>
        (await untilKnown(() => deps.kafka.readCommitted(topicsOf(runId, side).output))).map(toOutputView).map(({ source: _, ...o }) => o);
      const [expected, actual] = [await read("reference"), await read("learner")];
      const g = grade(expected, actual, def.compare, input.records);
      const outputs = actual.slice(0, MAX_VERDICT_OUTPUTS);
      keep({ ...started, status: g.pass ? "pass" : "fail", kills, differences: g.differences, counts: g.counts, outputs, finishedAt: Date.now() });
    } catch (err) {
      deps.log.warn({ err, runId }, "an exercise run failed");
      keep({ ...started, status: "error", kills, error: { message: `the run could not finish: ${(err as Error).message}` }, finishedAt: Date.now() });
    } finally {
      await cleanup().catch((err: unknown) => deps.log.warn({ err, runId }, "could not clean up after a run"));
      stops.delete(runId);
      active.delete(runId);
    }
  }

  return {
    /** Start a run; its verdict is "running" until both sides finished. 429 while MAX_CONCURRENT_RUNS run. */
    start(def: ExerciseDef, input: CommittedInput, code: Record<Side, CompiledProcessor>, chaos: boolean): Verdict {
      if (active.size >= MAX_CONCURRENT_RUNS) throw new RequestError(429, `${active.size} runs are in progress: wait for a verdict, then run again`);
      const runId = randomBytes(8).toString("hex");
      const verdict: Verdict = {
        runId,
        exerciseId: def.id,
        status: "running",
        chaos,
        kills: 0,
        counts: { inputs: input.records.length, expected: 0, actual: 0, matched: 0 },
        startedAt: Date.now(),
        finishedAt: null,
      };
      keep(verdict);
      active.add(runId);
      void execute(runId, def, input, code, chaos);
      return verdict;
    },
    /** A verdict known without running: the code did not compile. */
    finished(def: ExerciseDef, error: CodeError, chaos: boolean, inputs: number): Verdict {
      const now = Date.now();
      const v: Verdict = {
        runId: randomBytes(8).toString("hex"),
        exerciseId: def.id,
        status: "error",
        chaos,
        kills: 0,
        error,
        counts: { inputs, expected: 0, actual: 0, matched: 0 },
        startedAt: now,
        finishedAt: now,
      };
      keep(v);
      return v;
    },
    verdict: (runId: string): Verdict | undefined => verdicts.get(runId),
    async shutdown() {
      await Promise.all([...stops.values()].map((stop) => stop().catch(() => undefined)));
    },
  };
}
export type RunManager = ReturnType<typeof createRunManager>;

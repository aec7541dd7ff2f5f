import { spawn, type ChildProcess } from "node:child_process";
import { ExerciseWorkerMessage, LEARNER_ERROR_EXIT, type ExerciseWorkerSpec } from "@/lib/contract/exercise-worker";
import type { CodeError } from "@/lib/contract/exercises";
import type { LogLine } from "@/lib/contract/api";
import { SANDBOX_LIMITS } from "@/lib/exercises/api";
import { inheritedEnv } from "../config";
import { lowerCpuPriority } from "../os/cpu-priority";
import { describeExit } from "../supervisor/backoff";
import { lineSplitter, parseLogLine } from "../supervisor/log-buffer";

export interface ExerciseWorkerLaunch {
  script: string;
  spec: ExerciseWorkerSpec;
  brokers: string;
  nice?: number;
  logLevel?: string;
  heapMb?: number;
}

export interface ExerciseWorkerEvents {
  /** The side cannot finish: the learner's code failed, ran out of memory, or the worker kept crashing. */
  onFailed(error: CodeError): void;
  /** Grading under chaos: the worker holds an uncommitted batch, ready to be killed. */
  onHolding(): void;
  onLog(line: LogLine): void;
}

/** Crashes (other than the learner's errors and chaos kills) after which a side gives up. */
const MAX_CRASHES = 3;

/** What V8 prints when a process reaches its heap limit (--max-old-space-size). */
const OUT_OF_MEMORY = /heap out of memory|Reached heap limit|Allocation failed/i;

/**
 * One side of an exercise run as a supervised process: started with a heap limit, restarted after a
 * crash or a chaos kill (going on from its last commit), and given up on, with a clear error, when the
 * learner's code failed, it ran out of memory, or it kept crashing. Whatever it does, only it ends.
 */
export function superviseExerciseWorker(launch: ExerciseWorkerLaunch, events: ExerciseWorkerEvents) {
  const heapMb = launch.heapMb ?? SANDBOX_LIMITS.heapMb;
  let child: ChildProcess | null = null;
  let wanted = true;
  let crashes = 0;
  let killedOnPurpose = false;
  let spec = launch.spec;

  const fail = (error: CodeError) => {
    wanted = false;
    events.onFailed(error);
  };

  const start = () => {
    let learnerFailed = false;
    let outOfMemory = false;
    const nice = launch.nice ?? 0;
    const proc = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, launch.script], {
      detached: nice > 0,
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      env: { ...inheritedEnv(), KAFKA_BROKERS: launch.brokers, LAB_EXERCISE_WORKER: JSON.stringify(spec), LOG_LEVEL: launch.logLevel ?? "info" },
    });
    child = proc;
    if (proc.pid) for (const msg of lowerCpuPriority(proc.pid, nice)) events.onLog({ at: Date.now(), level: "warn", msg });
    const onLine = (stream: "stdout" | "stderr") =>
      lineSplitter((l) => {
        if (OUT_OF_MEMORY.test(l)) outOfMemory = true;
        events.onLog(parseLogLine(l, Date.now(), stream));
      });
    proc.stdout?.on("data", onLine("stdout"));
    proc.stderr?.on("data", onLine("stderr"));
    proc.on("message", (raw) => {
      const parsed = ExerciseWorkerMessage.safeParse(raw);
      if (!parsed.success) return;
      const msg = parsed.data;
      if (msg.type === "learner-error") {
        learnerFailed = true;
        fail(msg.error);
      } else if (msg.type === "holding") events.onHolding();
      else if (msg.type === "log") for (const l of msg.lines) events.onLog({ at: Date.now(), level: "info", msg: `console.log: ${l}` });
    });
    proc.on("error", (err) => events.onLog({ at: Date.now(), level: "error", msg: `could not start: ${err.message}` }));
    proc.on("exit", (code, signal) => {
      child = null;
      if (!wanted || learnerFailed || code === LEARNER_ERROR_EXIT) return;
      if (outOfMemory) return fail({ message: `out of memory: the processor used more than the worker's ${heapMb} MB heap, and its worker was stopped` });
      if (killedOnPurpose) {
        killedOnPurpose = false;
        return start();
      }
      if (++crashes > MAX_CRASHES) return fail({ message: `the worker crashed ${crashes} times (last: ${describeExit(code, signal)})` });
      setTimeout(() => wanted && start(), 500 * crashes);
    });
  };
  start();

  return {
    pid: () => child?.pid ?? null,
    /** The chaos kill: SIGKILL now; the restart goes on from the last commit, without holding again. */
    kill() {
      if (!child) return;
      killedOnPurpose = true;
      spec = { ...spec, holdFrom: undefined };
      child.kill("SIGKILL");
    },
    /** Stop for good: a graceful stop, then SIGKILL after `graceMs`. */
    stop(graceMs = 3000): Promise<void> {
      wanted = false;
      const proc = child;
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(() => proc.kill("SIGKILL"), graceMs);
        proc.once("exit", () => {
          clearTimeout(timer);
          resolve();
        });
        if (proc.connected) proc.send({ type: "stop" });
        proc.kill("SIGTERM");
      });
    },
  };
}
export type ExerciseWorkerHandle = ReturnType<typeof superviseExerciseWorker>;

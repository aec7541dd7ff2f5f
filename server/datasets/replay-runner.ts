import { spawn } from "node:child_process";
import { IDLE_REPLAY, ReplayWorkerMessage, STATUS_DEAD_LETTERS, type ReplayJob, type ReplayStatus } from "@/lib/contract/datasets";
import type { Logger } from "@/lib/log";
import { lowerCpuPriority } from "@/server/os/cpu-priority";
import { inheritedEnv } from "../config";
import { describeExit, restartDelayMs } from "../supervisor/backoff";
import { lineSplitter, parseLogLine } from "../supervisor/log-buffer";
import { stopWorker, type WorkerProcess } from "../supervisor/spawn";

/** workers/dataset.ts exits with this when the file itself is wrong: restarting cannot help. */
const GAVE_UP = 3;
/** A replay that crashes this often in a row is given up. */
const MAX_RESTARTS = 8;

export interface ReplayRunnerOptions {
  script: () => string;
  brokers: () => string;
  topicPrefix?: string;
  logLevel?: string;
  nice?: number;
  log: Logger;
}

export interface ReplayRunner {
  status(): ReplayStatus;
  /** Starts a replay (the caller checked none runs). */
  start(job: Omit<ReplayJob, "doneThroughLine">): void;
  stop(): Promise<void>;
  running(): boolean;
}

/**
 * Runs one dataset replay at a time as its own process (workers/dataset.ts), supervised as the lab's
 * producers are: restarted with backoff after a crash, from the line after the last one Kafka
 * acknowledged, so every row goes in; stopped with SIGTERM, then SIGKILL.
 */
export function createReplayRunner(opts: ReplayRunnerOptions): ReplayRunner {
  let status: ReplayStatus = IDLE_REPLAY;
  let job: Omit<ReplayJob, "doneThroughLine"> | null = null;
  let proc: WorkerProcess | null = null;
  let restartTimer: NodeJS.Timeout | null = null;
  let generation = 0;

  const onMessage = (raw: unknown, finished: { done: boolean }) => {
    const parsed = ReplayWorkerMessage.safeParse(raw);
    if (!parsed.success) return;
    const msg = parsed.data;
    if (msg.type === "done") finished.done = true;
    else if (msg.type === "fatal") status = { ...status, error: msg.error };
    else
      status = {
        ...status,
        line: Math.max(status.line, msg.line),
        sent: status.sent + msg.sent,
        deadLettered: status.deadLettered + msg.deadLetters.length,
        recentDeadLetters: [...status.recentDeadLetters, ...msg.deadLetters].slice(-STATUS_DEAD_LETTERS),
        eventTime: msg.eventTime ?? status.eventTime,
      };
  };

  const launch = () => {
    if (!job) return;
    const mine = generation;
    const nice = opts.nice ?? 0;
    const child = spawn(process.execPath, ["--max-semi-space-size=4", opts.script()], {
      detached: nice > 0,
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      env: {
        ...inheritedEnv(),
        KAFKA_BROKERS: opts.brokers(),
        LAB_TOPIC_PREFIX: opts.topicPrefix ?? "",
        LOG_LEVEL: opts.logLevel ?? "info",
        LAB_REPLAY: JSON.stringify({ ...job, doneThroughLine: status.line }),
      },
    });
    if (child.pid) lowerCpuPriority(child.pid, nice);
    const forward = lineSplitter((l) => {
      const line = parseLogLine(l, Date.now(), "stdout");
      if (line.level === "error" || line.level === "warn") opts.log.warn({ replay: status.dataset }, line.msg);
    });
    child.stdout?.on("data", forward);
    child.stderr?.on("data", forward);
    const finished = { done: false };
    child.on("message", (raw) => onMessage(raw, finished));
    child.on("error", (err) => (status = { ...status, error: `could not start the replay: ${err.message}` }));
    child.on("exit", (code, signal) => {
      if (mine !== generation) return;
      proc = null;
      if (finished.done) status = { ...status, state: "done", error: null };
      else if (code === GAVE_UP || status.restarts >= MAX_RESTARTS) status = { ...status, state: "failed", error: status.error ?? describeExit(code, signal) };
      else {
        status = { ...status, restarts: status.restarts + 1, error: `the replay ${describeExit(code, signal)}; restarting after line ${status.line}` };
        restartTimer = setTimeout(launch, restartDelayMs(status.restarts - 1));
      }
    });
    proc = { child, send: (msg) => child.connected && child.send(msg) };
  };

  return {
    status: () => status,
    running: () => status.state === "running",
    start(next) {
      generation++;
      job = next;
      status = { ...IDLE_REPLAY, state: "running", dataset: next.dataset, topic: next.topic, pace: next.pace, startedAt: Date.now() };
      launch();
    },
    async stop() {
      generation++;
      if (restartTimer) clearTimeout(restartTimer);
      restartTimer = null;
      const stopping = proc;
      proc = null;
      if (stopping) {
        // Its last progress messages arrive before it exits: keep counting them.
        const finished = { done: false };
        stopping.child.on("message", (raw) => onMessage(raw, finished));
        await stopWorker(stopping, 10_000);
      }
      if (status.state === "running") status = { ...status, state: "stopped" };
    },
  };
}

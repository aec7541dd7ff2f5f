import { spawn, type ChildProcess } from "node:child_process";
import { lowerCpuPriority } from "@/server/os/cpu-priority";
import type { ComponentKind, ComponentName, DeliveryMode, LogLine, Settings } from "@/lib/contract/api";
import { WorkerMessage, type SupervisorMessage } from "@/lib/contract/ipc";
import { lineSplitter, parseLogLine } from "./log-buffer";
import { inheritedEnv } from "../config";
import { specOf } from "./registry";
import type { WorkerScripts } from "./worker-scripts";

export interface WorkerLaunch {
  scripts: WorkerScripts;
  /**
   * Niceness (0–19): workers yield the CPU to the dashboard and the browser when cores are busy. Above 0
   * a worker leads its own session, so the kernel's per-session CPU share (autogroup) is lowered too.
   */
  nice?: number;
  name: ComponentName;
  instance: number;
  brokers: string;
  settings: Settings;
  topicPrefix?: string;
  logLevel?: string;
  metricsIntervalMs?: number;
  /** The transform's delivery mode; unset means exactly-once. */
  deliveryMode?: DeliveryMode;
}

export interface WorkerProcess {
  child: ChildProcess;
  send(msg: SupervisorMessage): void;
}

export interface WorkerProcessEvents {
  onMessage(msg: WorkerMessage): void;
  onLog(line: LogLine): void;
  onExit(code: number | null, signal: string | null): void;
}

/**
 * V8 grows the young generation to 3 × 16 MB in any process that allocates steadily. A producer makes
 * a few short-lived objects per record and keeps none: 4 MB semi-spaces cost it nothing and save ~15 MB
 * of RSS each. The stream workers keep V8's default: a bench run with 4 MB for every worker saved
 * ~10–35 MB each but had a lower transform rate and 3× the page's long tasks (bench/README.md).
 */
const V8_FLAGS: Partial<Record<ComponentKind, string[]>> = { producer: ["--max-semi-space-size=4"] };

/** Start one worker process from the fixed registry, wired for IPC and line-by-line logs. */
export function spawnWorker(launch: WorkerLaunch, events: WorkerProcessEvents): WorkerProcess {
  const spec = specOf(launch.name);
  const nice = launch.nice ?? 0;
  const preload = launch.scripts.preload ? ["--require", launch.scripts.preload] : [];
  const child = spawn(process.execPath, [...(V8_FLAGS[spec.kind] ?? []), ...preload, launch.scripts.scriptOf(spec)], {
    // Detached only to lead its own session (see lowerCpuPriority); it still exits when we go (workers/runtime/parent-watch.ts).
    detached: nice > 0,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    env: {
      ...inheritedEnv(),
      KAFKA_BROKERS: launch.brokers,
      LAB_COMPONENT: launch.name,
      LAB_INSTANCE: String(launch.instance),
      LAB_SETTINGS: JSON.stringify(launch.settings),
      LAB_TOPIC_PREFIX: launch.topicPrefix ?? "",
      LOG_LEVEL: launch.logLevel ?? "info",
      ...(launch.metricsIntervalMs ? { LAB_METRICS_INTERVAL_MS: String(launch.metricsIntervalMs) } : {}),
      ...(launch.deliveryMode ? { LAB_DELIVERY_MODE: launch.deliveryMode } : {}),
    },
  });
  if (child.pid) for (const msg of lowerCpuPriority(child.pid, nice)) events.onLog({ at: Date.now(), level: "warn", msg });
  child.stdout?.on(
    "data",
    lineSplitter((l) => events.onLog(parseLogLine(l, Date.now(), "stdout"))),
  );
  child.stderr?.on(
    "data",
    lineSplitter((l) => events.onLog(parseLogLine(l, Date.now(), "stderr"))),
  );
  child.on("message", (raw) => {
    const parsed = WorkerMessage.safeParse(raw);
    if (parsed.success) events.onMessage(parsed.data);
  });
  child.on("exit", (code, signal) => events.onExit(code, signal));
  child.on("error", (err) => events.onLog({ at: Date.now(), level: "error", msg: `could not start: ${err.message}` }));
  return {
    child,
    send(msg) {
      if (child.connected) child.send(msg);
    },
  };
}

/** Ask a worker to stop, and make sure it does: SIGKILL after `graceMs`. */
export function stopWorker(proc: WorkerProcess, graceMs = 15_000): Promise<void> {
  const { child } = proc;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    proc.send({ type: "stop" });
    child.kill("SIGTERM");
  });
}

import { DEFAULT_SETTINGS, type ComponentMetrics, type ComponentName, type Settings } from "@/lib/contract/api";
import type { TopicNames } from "@/lib/contract/topics";
import { spawnWorker, stopWorker, type WorkerProcess } from "@/server/supervisor/spawn";
import { buildWorkerScripts } from "@/server/supervisor/worker-scripts";
import { waitFor } from "./kafka";

export interface BenchWorker {
  name: ComponentName;
  proc: WorkerProcess;
  pid: number;
  /** The most recent metrics the worker reported (every 200 ms). */
  metrics: ComponentMetrics | null;
  exited: boolean;
}

export interface BenchWorkers {
  workers: BenchWorker[];
  byName(name: ComponentName): BenchWorker[];
  setSettings(settings: Settings): void;
  stop(): Promise<void>;
}

/** Start real worker processes (as the supervisor does) on prefixed topics, and wait until each is ready. */
export async function startBenchWorkers(
  root: string,
  brokers: string,
  names: TopicNames,
  components: { name: ComponentName; instance?: number }[],
  settings: Partial<Settings>,
  /** As the app's WORKER_NICE: see lowerCpuPriority. */
  nice = 0,
): Promise<BenchWorkers> {
  const full: Settings = { ...DEFAULT_SETTINGS, ...settings };
  const scripts = await buildWorkerScripts(root);
  const workers = components.map(({ name, instance = 0 }) => {
    const state = { ready: false };
    const w: BenchWorker = { name, proc: undefined as unknown as WorkerProcess, pid: 0, metrics: null, exited: false };
    w.proc = spawnWorker(
      { scripts, nice, name, instance, brokers, settings: full, topicPrefix: names.prefix, logLevel: "warn", metricsIntervalMs: 200 },
      {
        onMessage: (m) => {
          if (m.type === "ready") state.ready = true;
          if (m.type === "metrics") w.metrics = m.metrics;
        },
        onLog: (l) => (l.level === "error" || l.level === "fatal") && process.stderr.write(`[${name}] ${l.msg}\n`),
        onExit: () => void (w.exited = true),
      },
    );
    w.pid = w.proc.child.pid ?? 0;
    return { w, state };
  });
  for (const { w, state } of workers) {
    await waitFor(() => state.ready || w.exited, `${w.name} to be ready`);
    if (w.exited) throw new Error(`${w.name} exited before it was ready`);
  }
  const list = workers.map((x) => x.w);
  return {
    workers: list,
    byName: (name) => list.filter((w) => w.name === name),
    setSettings: (s) => list.forEach((w) => w.proc.send({ type: "settings", settings: s })),
    stop: async () => void (await Promise.all(list.map((w) => stopWorker(w.proc)))),
  };
}

/** Records in (total) summed over workers, from their latest metrics. */
export const totalIn = (ws: BenchWorker[]) => ws.reduce((s, w) => s + (w.metrics?.recordsInTotal ?? 0), 0);
export const totalOut = (ws: BenchWorker[]) => ws.reduce((s, w) => s + (w.metrics?.recordsOutTotal ?? 0), 0);

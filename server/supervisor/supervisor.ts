import { COMPONENT_NAMES, componentKind, type ComponentMetrics, type ComponentName, type ComponentStatus, type ComponentView, type LogLine, type Settings } from "@/lib/contract/api";
import type { WorkerMessage } from "@/lib/contract/ipc";
import { HEALTHY_AFTER_MS, describeExit, restartDelayMs } from "./backoff";
import { LogBuffer } from "./log-buffer";
import { spawnWorker, stopWorker, type WorkerLaunch, type WorkerProcess, type WorkerProcessEvents } from "./spawn";

export interface SupervisorDeps {
  root: string;
  brokers: () => string;
  settings: () => Settings;
  topicPrefix?: string;
  logLevel?: string;
  clock?: () => number;
  spawn?: (launch: WorkerLaunch, events: WorkerProcessEvents) => WorkerProcess;
  /** Called before any component starts: e.g. make sure the topics exist. */
  beforeStart?: () => Promise<void>;
}

interface Slot {
  name: ComponentName;
  status: ComponentStatus;
  proc: WorkerProcess | null;
  wantRunning: boolean;
  restarts: number;
  crashStreak: number;
  startedAt: number;
  reason: string | null;
  metrics: ComponentMetrics | null;
  logs: LogBuffer;
  restartTimer: NodeJS.Timeout | null;
}

type ChangeListener = (name: ComponentName) => void;
type LogListener = (name: ComponentName, line: LogLine) => void;

/** Starts, watches, restarts and stops every producer and worker process. */
export function createSupervisor(deps: SupervisorDeps) {
  const clock = deps.clock ?? Date.now;
  const spawn = deps.spawn ?? spawnWorker;
  const slots = new Map<ComponentName, Slot>(
    COMPONENT_NAMES.map((name) => [name, newSlot(name)]),
  );
  const changeListeners = new Set<ChangeListener>();
  const logListeners = new Set<LogListener>();
  const slot = (name: ComponentName) => slots.get(name)!;

  const setStatus = (s: Slot, status: ComponentStatus, reason: string | null = null) => {
    s.status = status;
    s.reason = reason;
    for (const l of changeListeners) l(s.name);
  };

  const onMessage = (s: Slot, msg: WorkerMessage) => {
    if (msg.type === "ready" && s.status === "starting") setStatus(s, "running");
    else if (msg.type === "metrics") {
      s.metrics = msg.metrics;
      for (const l of changeListeners) l(s.name);
    } else if (msg.type === "fatal") s.logs.push({ at: clock(), level: "fatal", msg: msg.error });
  };

  const onExit = (s: Slot, code: number | null, signal: string | null) => {
    s.proc = null;
    // Keep the totals a learner may want to see, but nothing flows through a process that is gone.
    if (s.metrics) s.metrics = { ...s.metrics, recordsInPerSec: 0, recordsOutPerSec: 0, join: s.metrics.join && { ...s.metrics.join, matchesPerSec: 0 } };
    if (!s.wantRunning) return setStatus(s, "stopped");
    const ranFor = clock() - s.startedAt;
    s.crashStreak = ranFor > HEALTHY_AFTER_MS ? 0 : s.crashStreak;
    const last = s.logs.last();
    setStatus(s, "crashed", `${describeExit(code, signal)}${last ? `; last log: ${last.msg}` : ""}`);
    const delay = restartDelayMs(s.crashStreak++);
    s.restartTimer = setTimeout(() => {
      s.restartTimer = null;
      if (s.wantRunning) {
        s.restarts++;
        launch(s);
      }
    }, delay);
  };

  const launch = (s: Slot) => {
    setStatus(s, "starting");
    s.startedAt = clock();
    s.proc = spawn(
      {
        root: deps.root,
        name: s.name,
        instance: 0,
        brokers: deps.brokers(),
        settings: deps.settings(),
        topicPrefix: deps.topicPrefix,
        logLevel: deps.logLevel,
      },
      {
        onMessage: (msg) => onMessage(s, msg),
        onLog: (line) => {
          s.logs.push(line);
          for (const l of logListeners) l(s.name, line);
        },
        onExit: (code, signal) => onExit(s, code, signal),
      },
    );
  };

  const start = async (name: ComponentName) => {
    const s = slot(name);
    if (s.wantRunning && s.status !== "stopping") return;
    s.wantRunning = true;
    s.crashStreak = 0;
    if (s.proc) return;
    await deps.beforeStart?.();
    if (s.wantRunning && !s.proc) launch(s);
  };

  const stop = async (name: ComponentName) => {
    const s = slot(name);
    s.wantRunning = false;
    if (s.restartTimer) clearTimeout(s.restartTimer);
    s.restartTimer = null;
    if (!s.proc) {
      if (s.status !== "stopped") setStatus(s, "stopped");
      return;
    }
    if (s.status !== "stopping") setStatus(s, "stopping");
    await stopWorker(s.proc);
  };

  const byKind = (kind: "producer" | "worker") => COMPONENT_NAMES.filter((n) => componentKind(n) === kind);

  return {
    start,
    stop,
    async startAll() {
      await deps.beforeStart?.();
      await Promise.all([...byKind("worker"), ...byKind("producer")].map(start));
    },
    /** Producers first; then workers drain and commit everything that was produced before they stop. */
    async stopAll() {
      await Promise.all(byKind("producer").map(stop));
      await drain(byKind("worker").map(slot));
      await Promise.all(byKind("worker").map(stop));
    },
    view(): ComponentView[] {
      return COMPONENT_NAMES.map((name) => {
        const s = slot(name);
        return {
          name,
          kind: componentKind(name),
          status: s.status,
          pid: s.proc?.child.pid ?? null,
          restarts: s.restarts,
          reason: s.reason,
          metrics: s.metrics,
        };
      });
    },
    logs: (name: ComponentName, n?: number) => slot(name).logs.recent(n),
    pidOf: (name: ComponentName) => slot(name).proc?.child.pid ?? null,
    /** Push settings to running processes that apply them live (producers). */
    broadcastSettings(settings: Settings) {
      for (const s of slots.values()) s.proc?.send({ type: "settings", settings });
    },
    onChange(l: ChangeListener) {
      changeListeners.add(l);
      return () => changeListeners.delete(l);
    },
    onLog(l: LogListener) {
      logListeners.add(l);
      return () => logListeners.delete(l);
    },
  };

  /** Wait until running workers have consumed nothing new for `quietMs` (or `maxMs` passed). */
  async function drain(workers: Slot[], quietMs = 2500, maxMs = 20_000) {
    const running = () => workers.filter((w) => w.status === "running");
    const total = () => running().reduce((n, w) => n + (w.metrics?.recordsInTotal ?? 0), 0);
    const started = clock();
    let last = total();
    let quietSince = clock();
    while (running().length > 0 && clock() - started < maxMs && clock() - quietSince < quietMs) {
      await new Promise((r) => setTimeout(r, 100));
      const now = total();
      if (now !== last) {
        last = now;
        quietSince = clock();
      }
    }
  }

  function newSlot(name: ComponentName): Slot {
    return {
      name,
      status: "stopped",
      proc: null,
      wantRunning: false,
      restarts: 0,
      crashStreak: 0,
      startedAt: 0,
      reason: null,
      metrics: null,
      logs: new LogBuffer(),
      restartTimer: null,
    };
  }
}

export type Supervisor = ReturnType<typeof createSupervisor>;
